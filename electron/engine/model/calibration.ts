import { sigmoid } from './loss';
import type { Calibrator } from './types';

/**
 * Platt scaling: p = sigmoid(slope * raw + intercept), fitted by Newton's method on the log loss of the
 * validation rows' raw scores (log-odds). A tiny ridge keeps it finite when the classes separate perfectly.
 */
export function fitPlatt(rawScores: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  let a = 1;
  let b = 0;
  const ridge = 1e-6;
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = ridge * (a - 1);
    let gb = 0;
    let haa = ridge;
    let hab = 0;
    let hbb = ridge;
    for (let i = 0; i < labels.length; i++) {
      const s = rawScores[i];
      const p = sigmoid(a * s + b);
      const r = p - labels[i];
      const w = Math.max(p * (1 - p), 1e-12);
      ga += r * s;
      gb += r;
      haa += w * s * s;
      hab += w * s;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { method: 'platt', slope: a, intercept: b };
}

/**
 * Isotonic regression (pool adjacent violators) of labels on the model's probabilities. The fitted map is the
 * piecewise-linear curve through each pooled block's (mean probability, positive rate), flat beyond the ends.
 */
export function fitIsotonic(rawScores: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  const n = labels.length;
  if (n === 0) throw new RangeError('isotonic calibration needs at least one row');
  const probabilities = Float64Array.from({ length: n }, (_, i) => sigmoid(rawScores[i]));
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((i, j) => probabilities[i] - probabilities[j] || i - j);
  const sumX: number[] = [];
  const sumY: number[] = [];
  const weight: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k];
    sumX.push(probabilities[i]);
    sumY.push(labels[i]);
    weight.push(1);
    while (sumY.length > 1) {
      const last = sumY.length - 1;
      if (sumY[last - 1] / weight[last - 1] < sumY[last] / weight[last]) break;
      sumX[last - 1] += sumX[last];
      sumY[last - 1] += sumY[last];
      weight[last - 1] += weight[last];
      sumX.pop();
      sumY.pop();
      weight.pop();
    }
  }
  const x: number[] = [];
  const y: number[] = [];
  sumX.forEach((sx, k) => {
    x.push(sx / weight[k]);
    y.push(sumY[k] / weight[k]);
  });
  return { method: 'isotonic', x, y };
}

function interpolate(xs: readonly number[], ys: readonly number[], value: number): number {
  if (value <= xs[0]) return ys[0];
  const last = xs.length - 1;
  if (value >= xs[last]) return ys[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= value) lo = mid;
    else hi = mid;
  }
  const span = xs[hi] - xs[lo];
  return span > 0 ? ys[lo] + ((ys[hi] - ys[lo]) * (value - xs[lo])) / span : ys[hi];
}

/** Calibrated probabilities from raw scores (log-odds). */
export function applyCalibration(calibrator: Calibrator, rawScores: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rawScores.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = calibrator.method === 'platt' ? sigmoid(calibrator.slope * rawScores[i] + calibrator.intercept) : interpolate(calibrator.x, calibrator.y, sigmoid(rawScores[i]));
  }
  return out;
}
