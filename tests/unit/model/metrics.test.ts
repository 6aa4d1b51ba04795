import { describe, expect, it } from 'vitest';
import { evaluateProbabilities } from '../../../electron/engine/model/metrics/evaluate';
import { liftByDecile } from '../../../electron/engine/model/metrics/lift';
import { brierScore, calibrationCurve, expectedCalibrationError, logLoss } from '../../../electron/engine/model/metrics/probability';
import { averagePrecision, rocAuc, rocPoints } from '../../../electron/engine/model/metrics/ranking';
import { Random } from '../../../electron/engine/model/random';

function randomScores(n: number, seed: number, levels: number): { scores: Float64Array; labels: Uint8Array } {
  const random = new Random(seed);
  const labels = Uint8Array.from({ length: n }, () => (random.next() < 0.3 ? 1 : 0));
  const scores = Float64Array.from(labels, (y) => Math.round((random.next() + 0.4 * y) * levels) / levels);
  return { scores, labels };
}

/** P(score of a random positive > score of a random negative) + half the ties, by counting every pair. */
function pairwiseAuc(scores: Float64Array, labels: Uint8Array): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j] !== 0) continue;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

describe('ranking metrics', () => {
  it('computes ROC AUC with heavy ties equal to pairwise counting with half credit for ties', () => {
    const { scores, labels } = randomScores(600, 3, 8);
    expect(rocAuc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 12);
  });

  it('gives AUC 1 to a perfect ranking, 0 to a reversed one and 0.5 to a constant score', () => {
    const labels = Uint8Array.from([0, 0, 1, 1, 0, 1]);
    const perfect = Float64Array.from(labels, (y, i) => y + i / 100);
    expect(rocAuc(perfect, labels)).toBe(1);
    expect(rocAuc(perfect.map((s) => -s), labels)).toBe(0);
    expect(rocAuc(new Float64Array(6).fill(0.2), labels)).toBe(0.5);
  });

  it('computes average precision as the mean precision at each positive when scores are distinct', () => {
    const { labels } = randomScores(300, 5, 1);
    const random = new Random(9);
    const scores = Float64Array.from(labels, (y) => random.next() + 0.3 * y);
    const order = [...scores.keys()].sort((a, b) => scores[b] - scores[a]);
    let hits = 0;
    let sum = 0;
    order.forEach((row, rank) => {
      if (labels[row] === 1) {
        hits++;
        sum += hits / (rank + 1);
      }
    });
    expect(averagePrecision(scores, labels)).toBeCloseTo(sum / hits, 12);
  });

  it('walks the ROC curve from (0, 0) to (1, 1) without ever going back', () => {
    const { scores, labels } = randomScores(2000, 7, 1000);
    const points = rocPoints(scores, labels, 50);
    expect(points.length).toBeLessThanOrEqual(50);
    expect(points[0]).toMatchObject({ falsePositiveRate: 0, truePositiveRate: 0 });
    expect(points[points.length - 1]).toMatchObject({ falsePositiveRate: 1, truePositiveRate: 1 });
    for (let k = 1; k < points.length; k++) {
      expect(points[k].falsePositiveRate).toBeGreaterThanOrEqual(points[k - 1].falsePositiveRate);
      expect(points[k].truePositiveRate).toBeGreaterThanOrEqual(points[k - 1].truePositiveRate);
    }
  });
});

describe('probability metrics', () => {
  it('scores log loss and Brier from their definitions', () => {
    const p = [0.9, 0.2, 0.6];
    const y = [1, 0, 0];
    expect(logLoss(p, y)).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.4)) / 3, 12);
    expect(brierScore(p, y)).toBeCloseTo((0.01 + 0.04 + 0.36) / 3, 12);
  });

  it('finds a small calibration error for calibrated probabilities and a large one for shifted probabilities', () => {
    const random = new Random(4);
    const p = Float64Array.from({ length: 50_000 }, () => random.next());
    const y = Uint8Array.from(p, (q) => (random.next() < q ? 1 : 0));
    const calibrated = calibrationCurve(p, y, 10);
    expect(calibrated).toHaveLength(10);
    expect(calibrated.reduce((s, b) => s + b.count, 0)).toBe(50_000);
    expect(expectedCalibrationError(calibrated)).toBeLessThan(0.01);
    const shifted = p.map((q) => Math.min(1, q + 0.2));
    expect(expectedCalibrationError(calibrationCurve(shifted, y, 10))).toBeGreaterThan(0.15);
  });
});

describe('lift and gains', () => {
  it('reaches all positives by the last decile and puts them all first under a perfect ranking', () => {
    const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const perfect = Float64Array.from(labels, (y, i) => y * 10 + i / 1000);
    const rows = liftByDecile(perfect, labels);
    expect(rows.map((r) => r.count).reduce((a, b) => a + b, 0)).toBe(1000);
    expect(rows[9].cumulativeGain).toBe(1);
    expect(rows[0].lift).toBeCloseTo(1 / 0.2, 12);
    expect(rows[1].cumulativeGain).toBe(1);
    expect(rows[9].cumulativeLift).toBeCloseTo(1, 12);
  });

  it('bundles every figure in one evaluation', () => {
    const { scores, labels } = randomScores(500, 2, 100);
    const probabilities = scores.map((s) => Math.min(1, Math.max(0, s / 1.4)));
    const evaluation = evaluateProbabilities(probabilities, labels);
    expect(evaluation.rocAuc).toBeCloseTo(rocAuc(probabilities, labels), 12);
    expect(evaluation.deciles).toHaveLength(10);
    expect(evaluation.calibration).toHaveLength(10);
    expect(evaluation.positives).toBe(labels.reduce((a, b) => a + b, 0));
  });
});
