/** Metrics of predicted probabilities against 0/1 labels. */

const EPSILON = 1e-15;

export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(probabilities[i], EPSILON), 1 - EPSILON);
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return labels.length > 0 ? sum / labels.length : NaN;
}

export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const d = probabilities[i] - labels[i];
    sum += d * d;
  }
  return labels.length > 0 ? sum / labels.length : NaN;
}

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin (NaN when empty). */
  meanPredicted: number;
  /** Observed share of positives in the bin (NaN when empty). */
  fractionPositive: number;
}

/** Reliability diagram over equal-width probability bins. */
export function calibrationCurve(probabilities: ArrayLike<number>, labels: ArrayLike<number>, numBins = 10): CalibrationBin[] {
  const count = new Float64Array(numBins);
  const predicted = new Float64Array(numBins);
  const positive = new Float64Array(numBins);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i];
    const b = Math.min(numBins - 1, Math.max(0, Math.floor(p * numBins)));
    count[b]++;
    predicted[b] += p;
    positive[b] += labels[i];
  }
  return Array.from({ length: numBins }, (_, b) => ({
    lower: b / numBins,
    upper: (b + 1) / numBins,
    count: count[b],
    meanPredicted: count[b] > 0 ? predicted[b] / count[b] : NaN,
    fractionPositive: count[b] > 0 ? positive[b] / count[b] : NaN,
  }));
}

/** Expected calibration error: the count-weighted mean |observed - predicted| over the bins of a calibration curve. */
export function expectedCalibrationError(curve: readonly CalibrationBin[]): number {
  const total = curve.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) return NaN;
  return curve.reduce((sum, bin) => (bin.count > 0 ? sum + (bin.count / total) * Math.abs(bin.fractionPositive - bin.meanPredicted) : sum), 0);
}
