import { describe, expect, it } from 'vitest';
import { applyCalibration, fitIsotonic, fitPlatt } from '../../../electron/engine/model/calibration';
import { baselinePredictor, trainBaselineTree } from '../../../electron/engine/model/index';
import { sigmoid } from '../../../electron/engine/model/loss';
import { logLoss } from '../../../electron/engine/model/metrics/probability';
import { rocAuc } from '../../../electron/engine/model/metrics/ranking';
import { Random } from '../../../electron/engine/model/random';
import { nonlinearDataset } from './syntheticData';

function miscalibratedScores(n: number, seed: number): { raw: Float64Array; labels: Uint8Array } {
  const random = new Random(seed);
  const raw = Float64Array.from({ length: n }, () => random.next() * 8 - 4);
  // The true probability is sigmoid(0.5 * raw - 1): the raw scores are overconfident and biased.
  const labels = Uint8Array.from(raw, (s) => (random.next() < sigmoid(0.5 * s - 1) ? 1 : 0));
  return { raw, labels };
}

describe('calibration', () => {
  it('Platt scaling recovers the slope and intercept that generated the labels', () => {
    const { raw, labels } = miscalibratedScores(40_000, 1);
    const platt = fitPlatt(raw, labels);
    if (platt.method !== 'platt') throw new Error('expected a Platt calibrator');
    expect(platt.slope).toBeCloseTo(0.5, 1);
    expect(platt.intercept).toBeCloseTo(-1, 1);
  });

  it('isotonic calibration is monotone and lowers the log loss of miscalibrated scores on fresh rows', () => {
    const fit = miscalibratedScores(20_000, 2);
    const fresh = miscalibratedScores(20_000, 3);
    const isotonic = fitIsotonic(fit.raw, fit.labels);
    const calibrated = applyCalibration(isotonic, fresh.raw);
    const order = [...fresh.raw.keys()].sort((a, b) => fresh.raw[a] - fresh.raw[b]);
    for (let k = 1; k < order.length; k++) expect(calibrated[order[k]]).toBeGreaterThanOrEqual(calibrated[order[k - 1]]);
    const uncalibrated = fresh.raw.map(sigmoid);
    expect(logLoss(calibrated, fresh.labels)).toBeLessThan(logLoss(uncalibrated, fresh.labels) - 0.05);
  });
});

describe('single decision tree baseline', () => {
  it('learns a threshold label through the common predict interface, with missing values', () => {
    const data = nonlinearDataset(3000, 4, 12, 0.1);
    const labels = Uint8Array.from(data.features[1], (x) => (x > 0.25 ? 1 : 0));
    const tree = trainBaselineTree({ features: data.features, labels }, { sampleSize: 2000 });
    const probabilities = baselinePredictor(tree).predictProba(data.features);
    expect(probabilities.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(rocAuc(probabilities, labels)).toBeGreaterThan(0.9);
    expect(tree.feature[0]).toBe(1);
  });
});
