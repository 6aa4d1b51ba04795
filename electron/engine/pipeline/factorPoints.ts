import { applyCalibration } from '../model/calibration';
import { sigmoid } from '../model/loss';
import type { GbdtModel } from '../model/types';

/** Factors kept per customer in the scores table. */
export const TOP_FACTORS = 5;

/** The model's calibrated probability for a raw score (log-odds). */
export function calibratedProbability(model: GbdtModel, raw: number): number {
  return model.calibration === undefined ? sigmoid(raw) : applyCalibration(model.calibration, [raw])[0];
}

/**
 * TreeSHAP contributions (log-odds) of one row turned into probability points that add up exactly from the base
 * rate (the calibrated probability of the expected raw score) to the row's probability: each contribution is scaled
 * by the same factor, so signs and proportions are kept. The calibration is monotone, so the factor is never negative.
 */
export function contributionsToPoints(contributions: ArrayLike<number>, offset: number, count: number, baseRate: number, probability: number, slopeAtBase: number, out: Float64Array, outOffset = 0): void {
  let total = 0;
  for (let f = 0; f < count; f++) total += contributions[offset + f];
  const scale = Math.abs(total) > 1e-12 ? (probability - baseRate) / total : slopeAtBase;
  for (let f = 0; f < count; f++) out[outOffset + f] = contributions[offset + f] * scale;
}

/** d probability / d raw at the expected raw score: the scale used when a row's contributions cancel out. */
export function calibrationSlope(model: GbdtModel, expectedRaw: number): number {
  const step = 1e-4;
  return (calibratedProbability(model, expectedRaw + step) - calibratedProbability(model, expectedRaw - step)) / (2 * step);
}

/** Indices of the `k` largest |points| (fewer when fewer are non-zero), largest first. */
export function topFactorIndices(points: Float64Array, k: number): number[] {
  const chosen: number[] = [];
  for (let f = 0; f < points.length; f++) {
    if (points[f] === 0) continue;
    let at = chosen.length;
    while (at > 0 && Math.abs(points[chosen[at - 1]]) < Math.abs(points[f])) at--;
    if (at < k) {
      chosen.splice(at, 0, f);
      if (chosen.length > k) chosen.pop();
    }
  }
  return chosen;
}
