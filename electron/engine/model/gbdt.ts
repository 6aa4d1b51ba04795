import { binColumns, fitBinning } from './binning';
import { initialScore, logisticGradients, meanLogisticLoss } from './loss';
import { resolveParams } from './params';
import { addBinnedTreeOutputs, addTreeOutputs, flattenTrees } from './predict';
import { sharedArray } from './parallelHistogram';
import { Random } from './random';
import { TreeLearner } from './treeLearner';
import type { Dataset, GbdtModel, RoundProgress, TrainParams, Tree } from './types';

export interface TrainOptions {
  /** Defaults to `f0`, `f1`, ... */
  featureNames?: string[];
  /** Marks features whose values are integer category codes (split one code against the rest). */
  categorical?: boolean[];
  params?: Partial<TrainParams>;
  /** Validation rows for early stopping and the reported validation loss. */
  valid?: Dataset;
  onProgress?: (progress: RoundProgress) => void;
  /** Checked between rounds; training rejects with the signal's reason once aborted. */
  signal?: AbortSignal;
}

function numRowsOf(data: Dataset): number {
  return data.labels.length;
}

function checkDataset(data: Dataset, numFeatures: number, what: string): void {
  if (data.features.length !== numFeatures) throw new RangeError(`${what}: expected ${numFeatures} feature columns, got ${data.features.length}`);
  const n = numRowsOf(data);
  data.features.forEach((column, f) => {
    if (column.length !== n) throw new RangeError(`${what}: feature ${f} has ${column.length} rows, labels have ${n}`);
  });
  if (data.weights !== undefined && data.weights.length !== n) throw new RangeError(`${what}: weights have ${data.weights.length} rows, labels have ${n}`);
}

/** Sample weight × class weight × scale_pos_weight per row, or null when every row weighs 1. */
function effectiveWeights(data: Dataset, params: TrainParams): Float64Array | null {
  const positive = params.classWeights.positive * params.scalePosWeight;
  const negative = params.classWeights.negative;
  if (data.weights === undefined && positive === 1 && negative === 1) return null;
  const weights = new Float64Array(numRowsOf(data));
  for (let i = 0; i < weights.length; i++) weights[i] = (data.weights === undefined ? 1 : data.weights[i]) * (data.labels[i] === 1 ? positive : negative);
  return weights;
}

function sortedInt32(values: Uint32Array): Int32Array {
  return Int32Array.from(values);
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Trains a gradient-boosted tree ensemble with binary logistic loss. Deterministic for a given seed. */
export async function trainGbdt(train: Dataset, options: TrainOptions = {}): Promise<GbdtModel> {
  const params = resolveParams(options.params);
  const numFeatures = train.features.length;
  const numRows = numRowsOf(train);
  checkDataset(train, numFeatures, 'training data');
  if (numRows === 0) throw new RangeError('training data has no rows');
  if (options.valid !== undefined) checkDataset(options.valid, numFeatures, 'validation data');
  const featureNames = options.featureNames ?? Array.from({ length: numFeatures }, (_, f) => `f${f}`);
  const categorical = options.categorical ?? Array.from({ length: numFeatures }, () => false);
  if (featureNames.length !== numFeatures || categorical.length !== numFeatures) throw new RangeError('featureNames and categorical must have one entry per feature');

  const binning = fitBinning(train.features, categorical, params.maxBins, params.binSampleSize, params.seed);
  const threaded = params.threads > 1;
  const bins = binColumns(train.features, binning, threaded);
  const missingBins = Int32Array.from(binning.map((b) => b.numBins));
  const weights = effectiveWeights(train, params);
  const baseScore = initialScore(train.labels, weights);

  const scores = new Float64Array(numRows).fill(baseScore);
  const grad = threaded ? sharedArray(Float64Array, numRows) : new Float64Array(numRows);
  const hess = threaded ? sharedArray(Float64Array, numRows) : new Float64Array(numRows);
  const learner = new TreeLearner(bins, numRows, binning, params, grad, hess);
  try {
    const random = new Random(params.seed + 1);
    const allFeatures = Int32Array.from({ length: numFeatures }, (_, f) => f);
    const bagSize = Math.max(1, Math.round(numRows * params.rowSubsample));
    const featureSampleSize = Math.max(1, Math.round(numFeatures * params.colSubsample));

    const valid = options.valid;
    const validWeights = valid === undefined ? null : effectiveWeights(valid, params);
    const validScores = valid === undefined ? null : new Float64Array(numRowsOf(valid)).fill(baseScore);
    const validLossHistory: number[] = [];
    let bestValidLoss = Infinity;
    let bestRound = -1;

    const trees: Tree[] = [];
    logisticGradients(scores, train.labels, weights, grad, hess);
    for (let round = 0; round < params.numRounds; round++) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('training aborted');
      const bagRows = bagSize < numRows ? random.sampleSorted(numRows, bagSize) : null;
      const features = featureSampleSize < numFeatures ? sortedInt32(random.sampleSorted(numFeatures, featureSampleSize)) : allFeatures;
      const tree = learner.grow(bagRows, features);
      trees.push(tree);
      if (bagRows === null) learner.addLeafValues(tree, scores);
      else addBinnedTreeOutputs(tree, bins, numRows, missingBins, scores);
      const trainLoss = logisticGradients(scores, train.labels, weights, grad, hess);

      let validLoss = NaN;
      if (valid !== undefined && validScores !== null) {
        addTreeOutputs(flattenTrees([tree]), valid.features, validScores, 0, validScores.length);
        validLoss = meanLogisticLoss(validScores, valid.labels, validWeights);
        validLossHistory.push(validLoss);
        if (validLoss < bestValidLoss) {
          bestValidLoss = validLoss;
          bestRound = round;
        }
      }
      options.onProgress?.({ round: round + 1, totalRounds: params.numRounds, trainLoss, validLoss });
      if (params.earlyStoppingRounds > 0 && bestRound >= 0 && round - bestRound >= params.earlyStoppingRounds) break;
      await yieldToEventLoop();
    }

    const kept = params.earlyStoppingRounds > 0 && bestRound >= 0 ? trees.slice(0, bestRound + 1) : trees;
    return { featureNames: [...featureNames], categorical: [...categorical], binning, params, baseScore, trees: kept, bestIteration: kept.length, validLossHistory };
  } finally {
    learner.dispose();
  }
}
