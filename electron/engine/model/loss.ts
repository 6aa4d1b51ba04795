/** Binary logistic loss on log-odds scores. */

export function sigmoid(score: number): number {
  return 1 / (1 + Math.exp(-score));
}

/** -log p(y | score), stable for large |score|. */
export function logisticLoss(score: number, label: number): number {
  const softplus = score > 0 ? score + Math.log1p(Math.exp(-score)) : Math.log1p(Math.exp(score));
  return softplus - label * score;
}

/**
 * Writes gradients and hessians of the weighted logistic loss at `scores` and returns the weighted mean loss
 * there (so one pass serves both the next tree and the progress report).
 */
export function logisticGradients(scores: Float64Array, labels: Uint8Array, weights: Float64Array | null, grad: Float64Array, hess: Float64Array): number {
  let lossSum = 0;
  let weightSum = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    const y = labels[i];
    const w = weights === null ? 1 : weights[i];
    const e = Math.exp(-Math.abs(s));
    const p = s >= 0 ? 1 / (1 + e) : e / (1 + e);
    grad[i] = (p - y) * w;
    hess[i] = Math.max(p * (1 - p), 1e-16) * w;
    lossSum += w * ((s > 0 ? s : 0) + Math.log1p(e) - y * s);
    weightSum += w;
  }
  return weightSum > 0 ? lossSum / weightSum : 0;
}

export function meanLogisticLoss(scores: Float64Array, labels: Uint8Array, weights: Float64Array | null): number {
  let lossSum = 0;
  let weightSum = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = weights === null ? 1 : weights[i];
    lossSum += w * logisticLoss(scores[i], labels[i]);
    weightSum += w;
  }
  return weightSum > 0 ? lossSum / weightSum : 0;
}

/** Log-odds of the weighted positive rate, clipped away from 0 and 1. */
export function initialScore(labels: Uint8Array, weights: Float64Array | null): number {
  let positive = 0;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weights === null ? 1 : weights[i];
    positive += w * labels[i];
    total += w;
  }
  const rate = Math.min(Math.max(total > 0 ? positive / total : 0.5, 1e-6), 1 - 1e-6);
  return Math.log(rate / (1 - rate));
}
