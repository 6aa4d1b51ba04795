import { describe, expect, it } from 'vitest';
import { ensembleOf } from '../../../electron/engine/model/ensembleCache';
import { explainRow, explainRows } from '../../../electron/engine/model/explain';
import { trainGbdt } from '../../../electron/engine/model/gbdt';
import { goesLeft, predictRawFlat, type FlatEnsemble } from '../../../electron/engine/model/predict';
import type { Dataset, GbdtModel } from '../../../electron/engine/model/types';
import { nonlinearDataset } from './syntheticData';

/** E[tree(x) | features in `known` fixed to x], where unknown features follow the training covers. */
function conditionalExpectation(flat: FlatEnsemble, node: number, row: ArrayLike<number>, known: number): number {
  const f = flat.feature[node];
  if (f < 0) return flat.value[node];
  const l = flat.left[node];
  const r = flat.right[node];
  if ((known >> f) & 1) return conditionalExpectation(flat, goesLeft(row[f], flat.decision[node], flat.threshold[node]) ? l : r, row, known);
  return (flat.cover[l] * conditionalExpectation(flat, l, row, known) + flat.cover[r] * conditionalExpectation(flat, r, row, known)) / flat.cover[node];
}

/** Shapley values by enumerating all feature subsets of the path-dependent game. */
function bruteForceShapley(model: GbdtModel, row: ArrayLike<number>): Float64Array {
  const flat = ensembleOf(model);
  const m = model.featureNames.length;
  const game = (known: number) => {
    let sum = model.baseScore;
    for (let t = 0; t < flat.roots.length; t++) sum += conditionalExpectation(flat, flat.roots[t], row, known);
    return sum;
  };
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const phi = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    for (let subset = 0; subset < 1 << m; subset++) {
      if ((subset >> i) & 1) continue;
      let size = 0;
      for (let b = subset; b; b &= b - 1) size++;
      phi[i] += ((factorial(size) * factorial(m - size - 1)) / factorial(m)) * (game(subset | (1 << i)) - game(subset));
    }
  }
  return phi;
}

function rowOf(data: Dataset, i: number): number[] {
  return data.features.map((column) => column[i]);
}

/** Five numeric features with missing values plus a categorical one; deep enough that features repeat on paths. */
async function smallModel(): Promise<{ model: GbdtModel; data: Dataset }> {
  const data = nonlinearDataset(1500, 5, 21, 0.1);
  const code = Float64Array.from({ length: 1500 }, (_, i) => (i * 7) % 4);
  for (let i = 0; i < 1500; i++) if (code[i] === 2 && data.labels[i] === 0 && i % 2 === 0) data.labels[i] = 1;
  const withCategory: Dataset = { features: [...data.features, code], labels: data.labels };
  const model = await trainGbdt(withCategory, { categorical: [false, false, false, false, false, true], params: { numRounds: 8, numLeaves: 12, minDataInLeaf: 10, learningRate: 0.3 } });
  return { model, data: withCategory };
}

describe('TreeSHAP', () => {
  it('sums with the expected value to the raw prediction for every row', async () => {
    const { model, data } = await smallModel();
    const raw = predictRawFlat(ensembleOf(model), model.baseScore, data.features);
    for (let i = 0; i < 300; i++) {
      const explanation = explainRow(model, rowOf(data, i));
      const total = explanation.contributions.reduce((s, v) => s + v, explanation.expectedValue);
      expect(Math.abs(total - raw[i])).toBeLessThan(1e-9);
    }
  });

  it('equals brute-force Shapley enumeration of the cover-weighted conditional expectation', async () => {
    const { model, data } = await smallModel();
    expect(model.trees.some((tree) => new Set([...tree.feature].filter((f) => f >= 0)).size < [...tree.feature].filter((f) => f >= 0).length)).toBe(true);
    for (let i = 0; i < 40; i++) {
      const row = rowOf(data, i);
      const exact = explainRow(model, row).contributions;
      const brute = bruteForceShapley(model, row);
      for (let f = 0; f < exact.length; f++) expect(Math.abs(exact[f] - brute[f])).toBeLessThan(1e-9);
    }
  });

  it('gives the same values on the bulk path, in-thread and over worker threads, as row by row', async () => {
    const { model, data } = await smallModel();
    const numFeatures = data.features.length;
    const inThread = await explainRows(model, data.features, { threads: 1 });
    const workers = await explainRows(model, data.features, { threads: 2, minRowsPerThread: 100, requireWorkers: true });
    expect(inThread.expectedValue).toBeCloseTo(explainRow(model, rowOf(data, 0)).expectedValue, 12);
    for (let i = 0; i < data.labels.length; i += 7) {
      const single = explainRow(model, rowOf(data, i)).contributions;
      for (let f = 0; f < numFeatures; f++) {
        expect(Math.abs(inThread.values[i * numFeatures + f] - single[f])).toBeLessThan(1e-9);
        expect(workers.values[i * numFeatures + f]).toBe(inThread.values[i * numFeatures + f]);
      }
    }
  });

  it('sums to the raw prediction on the bulk path for deeper leaf-wise trees', async () => {
    const data = nonlinearDataset(4000, 10, 8);
    const model = await trainGbdt(data, { params: { numRounds: 20, numLeaves: 40, minDataInLeaf: 5 } });
    const raw = predictRawFlat(ensembleOf(model), model.baseScore, data.features);
    const bulk = await explainRows(model, data.features, { threads: 1 });
    for (let i = 0; i < data.labels.length; i++) {
      let total = bulk.expectedValue;
      for (let f = 0; f < 10; f++) total += bulk.values[i * 10 + f];
      expect(Math.abs(total - raw[i])).toBeLessThan(1e-9);
    }
  });
});
