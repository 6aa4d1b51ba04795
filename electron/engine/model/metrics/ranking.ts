/** Ranking metrics over (score, label) pairs; tied scores are treated as one threshold. */

/** Row indices ordered by decreasing score (ties keep row order). */
export function orderByScoreDescending(scores: ArrayLike<number>): Uint32Array {
  const order = Uint32Array.from({ length: scores.length }, (_, i) => i);
  return order.sort((a, b) => scores[b] - scores[a] || a - b);
}

function countPositives(labels: ArrayLike<number>): number {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  return positives;
}

export interface RocPoint {
  falsePositiveRate: number;
  truePositiveRate: number;
  /** Rows with score >= threshold are called positive. */
  threshold: number;
}

/** Walks the distinct thresholds from the highest score down, reporting cumulative true/false positives. */
function forEachThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>, order: Uint32Array, visit: (tp: number, fp: number, threshold: number) => void): void {
  let tp = 0;
  let fp = 0;
  let k = 0;
  while (k < order.length) {
    const threshold = scores[order[k]];
    while (k < order.length && scores[order[k]] === threshold) {
      if (labels[order[k]] === 1) tp++;
      else fp++;
      k++;
    }
    visit(tp, fp, threshold);
  }
}

/** Area under the ROC curve; ties get half credit (trapezoids). NaN if one class is absent. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>, order = orderByScoreDescending(scores)): number {
  const positives = countPositives(labels);
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  let area = 0;
  let lastTp = 0;
  let lastFp = 0;
  forEachThreshold(scores, labels, order, (tp, fp) => {
    area += ((fp - lastFp) * (tp + lastTp)) / 2;
    lastTp = tp;
    lastFp = fp;
  });
  return area / (positives * negatives);
}

/** Average precision (area under the precision-recall curve as a step sum over thresholds). */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>, order = orderByScoreDescending(scores)): number {
  const positives = countPositives(labels);
  if (positives === 0) return NaN;
  let sum = 0;
  let lastTp = 0;
  forEachThreshold(scores, labels, order, (tp, fp) => {
    sum += ((tp - lastTp) / positives) * (tp / (tp + fp));
    lastTp = tp;
  });
  return sum;
}

/** ROC curve from (0, 0) to (1, 1), thinned to about `maxPoints` points (corners kept). */
export function rocPoints(scores: ArrayLike<number>, labels: ArrayLike<number>, maxPoints = 200, order = orderByScoreDescending(scores)): RocPoint[] {
  const positives = countPositives(labels);
  const negatives = labels.length - positives;
  const all: RocPoint[] = [{ falsePositiveRate: 0, truePositiveRate: 0, threshold: Infinity }];
  forEachThreshold(scores, labels, order, (tp, fp, threshold) => {
    all.push({ falsePositiveRate: negatives > 0 ? fp / negatives : 0, truePositiveRate: positives > 0 ? tp / positives : 0, threshold });
  });
  if (all.length <= maxPoints) return all;
  const step = (all.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, k) => all[Math.round(k * step)]);
}
