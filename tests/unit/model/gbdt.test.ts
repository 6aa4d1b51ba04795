import { describe, expect, it } from 'vitest';
import { trainGbdt } from '../../../electron/engine/model/gbdt';
import { serializeModel } from '../../../electron/engine/model/modelFile';
import { flattenTrees, predictRawFlat } from '../../../electron/engine/model/predict';
import type { RoundProgress } from '../../../electron/engine/model/types';
import { nonlinearDataset } from './syntheticData';

describe('gradient-boosted trees', () => {
  it('splits a single tree on the feature and threshold that separate the labels', async () => {
    // Fewer distinct values than bins, so every threshold is available.
    const n = 200;
    const noise = Float64Array.from({ length: n }, (_, i) => (i * 37) % 100);
    const signal = Float64Array.from({ length: n }, (_, i) => i / n);
    const labels = Uint8Array.from({ length: n }, (_, i) => (signal[i] > 0.62 ? 1 : 0));
    const model = await trainGbdt({ features: [noise, signal], labels }, { params: { numRounds: 1, numLeaves: 2, minDataInLeaf: 5 } });
    const tree = model.trees[0];
    expect(tree.feature[0]).toBe(1);
    const lastNegative = labels.lastIndexOf(0);
    expect(tree.threshold[0]).toBeGreaterThanOrEqual(signal[lastNegative]);
    expect(tree.threshold[0]).toBeLessThan(signal[lastNegative + 1]);
    expect(tree.value[tree.left[0]]).toBeLessThan(0);
    expect(tree.value[tree.right[0]]).toBeGreaterThan(0);
  });

  it('learns which way missing values go', async () => {
    const n = 600;
    const x = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? NaN : i % 2));
    const labels = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 || i % 2 === 1 ? 1 : 0));
    const model = await trainGbdt({ features: [x], labels }, { params: { numRounds: 1, numLeaves: 2, minDataInLeaf: 5 } });
    const tree = model.trees[0];
    expect(tree.missingLeft[0] === 1 ? tree.value[tree.left[0]] : tree.value[tree.right[0]]).toBeGreaterThan(0);
  });

  it('splits a categorical feature on the code that carries the signal', async () => {
    const n = 900;
    const code = Float64Array.from({ length: n }, (_, i) => i % 9);
    const labels = Uint8Array.from({ length: n }, (_, i) => (i % 9 === 4 ? 1 : 0));
    const model = await trainGbdt({ features: [code], labels }, { categorical: [true], params: { numRounds: 1, numLeaves: 2, minDataInLeaf: 5 } });
    expect(model.trees[0].categorical[0]).toBe(1);
    expect(model.trees[0].threshold[0]).toBe(4);
  });

  it('decreases the training loss every round and respects the leaf and depth limits', async () => {
    const data = nonlinearDataset(3000, 6, 11);
    const losses: number[] = [];
    const model = await trainGbdt(data, { params: { numRounds: 30, numLeaves: 8, maxDepth: 3 }, onProgress: (p) => losses.push(p.trainLoss) });
    expect(losses).toHaveLength(30);
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1]);
    for (const tree of model.trees) {
      const leaves = [...tree.feature].filter((f) => f < 0).length;
      expect(leaves).toBeLessThanOrEqual(8);
      const depth = (node: number): number => (tree.feature[node] < 0 ? 0 : 1 + Math.max(depth(tree.left[node]), depth(tree.right[node])));
      expect(depth(0)).toBeLessThanOrEqual(3);
    }
  });

  it('predicts the same scores from flattened raw-value trees as training accumulated on bins', async () => {
    const data = nonlinearDataset(2000, 5, 3);
    const model = await trainGbdt(data, { params: { numRounds: 10, numLeaves: 6 }, valid: data });
    const raw = predictRawFlat(flattenTrees(model.trees), model.baseScore, data.features);
    const { logisticLoss } = await import('../../../electron/engine/model/loss');
    const meanLoss = raw.reduce((s, v, i) => s + logisticLoss(v, data.labels[i]), 0) / raw.length;
    expect(meanLoss).toBeCloseTo(model.validLossHistory[model.validLossHistory.length - 1], 12);
  });

  it('stops early once the validation loss stops improving and keeps the best round', async () => {
    const train = nonlinearDataset(600, 6, 1);
    const valid = nonlinearDataset(600, 6, 2);
    const progress: RoundProgress[] = [];
    const model = await trainGbdt(train, { valid, params: { numRounds: 500, learningRate: 0.5, numLeaves: 31, minDataInLeaf: 2, earlyStoppingRounds: 5 }, onProgress: (p) => progress.push(p) });
    expect(progress.length).toBeLessThan(500);
    const best = model.validLossHistory.indexOf(Math.min(...model.validLossHistory));
    expect(model.trees).toHaveLength(best + 1);
    expect(progress.length).toBe(best + 1 + 5);
  });

  it('writes an identical model file for the same seed, with row and column subsampling on', async () => {
    const data = nonlinearDataset(2000, 8, 5);
    const params = { numRounds: 15, rowSubsample: 0.7, colSubsample: 0.6, seed: 42 };
    const first = serializeModel(await trainGbdt(data, { params }));
    const second = serializeModel(await trainGbdt(data, { params }));
    const otherSeed = serializeModel(await trainGbdt(data, { params: { ...params, seed: 43 } }));
    expect(second).toBe(first);
    expect(otherSeed).not.toBe(first);
  });

  it('grows the same trees with a histogram helper thread as in one thread', async () => {
    const data = nonlinearDataset(20_000, 7, 13);
    const single = await trainGbdt(data, { params: { numRounds: 5, threads: 1 } });
    const helped = await trainGbdt(data, { params: { numRounds: 5, threads: 2 } });
    const trees = (model: typeof single) => JSON.stringify(JSON.parse(serializeModel(model)).trees);
    expect(trees(helped)).toBe(trees(single));
  });

  it('weights positives more with scale_pos_weight, raising predicted scores', async () => {
    const data = nonlinearDataset(2000, 4, 9);
    const plain = await trainGbdt(data, { params: { numRounds: 5 } });
    const weighted = await trainGbdt(data, { params: { numRounds: 5, scalePosWeight: 4 } });
    const mean = (model: typeof plain) => predictRawFlat(flattenTrees(model.trees), model.baseScore, data.features).reduce((a, b) => a + b, 0);
    expect(mean(weighted)).toBeGreaterThan(mean(plain) + 100);
  });

  it('rejects with the abort reason when cancelled between rounds', async () => {
    const data = nonlinearDataset(1000, 4, 9);
    const controller = new AbortController();
    const rounds: number[] = [];
    const training = trainGbdt(data, { params: { numRounds: 50 }, signal: controller.signal, onProgress: (p) => {
      rounds.push(p.round);
      if (p.round === 3) controller.abort(new Error('cancelled by user'));
    } });
    await expect(training).rejects.toThrow('cancelled by user');
    expect(rounds).toEqual([1, 2, 3]);
  });
});
