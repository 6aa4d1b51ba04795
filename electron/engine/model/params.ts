import type { TrainParams } from './types';

export const DEFAULT_TRAIN_PARAMS: TrainParams = {
  numRounds: 100,
  learningRate: 0.1,
  numLeaves: 31,
  maxDepth: 0,
  minDataInLeaf: 20,
  minSumHessian: 1e-3,
  lambdaL2: 1,
  minSplitGain: 0,
  rowSubsample: 1,
  colSubsample: 1,
  scalePosWeight: 1,
  classWeights: { negative: 1, positive: 1 },
  earlyStoppingRounds: 0,
  maxBins: 255,
  binSampleSize: 200_000,
  seed: 1,
  threads: 2,
};

function check(condition: boolean, message: string): void {
  if (!condition) throw new RangeError(`Invalid training parameter: ${message}`);
}

/** Fills defaults and rejects values the learner cannot honour. */
export function resolveParams(overrides: Partial<TrainParams> = {}): TrainParams {
  const p: TrainParams = { ...DEFAULT_TRAIN_PARAMS, ...overrides, classWeights: { ...DEFAULT_TRAIN_PARAMS.classWeights, ...overrides.classWeights } };
  check(Number.isInteger(p.numRounds) && p.numRounds >= 1, 'numRounds must be a positive integer');
  check(p.learningRate > 0, 'learningRate must be > 0');
  check(Number.isInteger(p.numLeaves) && p.numLeaves >= 2, 'numLeaves must be an integer >= 2');
  check(Number.isInteger(p.maxDepth) && p.maxDepth >= 0, 'maxDepth must be an integer >= 0');
  check(p.minDataInLeaf >= 1, 'minDataInLeaf must be >= 1');
  check(p.minSumHessian >= 0, 'minSumHessian must be >= 0');
  check(p.lambdaL2 >= 0, 'lambdaL2 must be >= 0');
  check(p.rowSubsample > 0 && p.rowSubsample <= 1, 'rowSubsample must be in (0, 1]');
  check(p.colSubsample > 0 && p.colSubsample <= 1, 'colSubsample must be in (0, 1]');
  check(p.scalePosWeight > 0, 'scalePosWeight must be > 0');
  check(p.classWeights.negative > 0 && p.classWeights.positive > 0, 'class weights must be > 0');
  check(Number.isInteger(p.earlyStoppingRounds) && p.earlyStoppingRounds >= 0, 'earlyStoppingRounds must be an integer >= 0');
  check(Number.isInteger(p.maxBins) && p.maxBins >= 2 && p.maxBins <= 255, 'maxBins must be an integer in [2, 255]');
  check(Number.isInteger(p.binSampleSize) && p.binSampleSize >= 1, 'binSampleSize must be a positive integer');
  check(Number.isInteger(p.seed), 'seed must be an integer');
  check(Number.isInteger(p.threads) && p.threads >= 1, 'threads must be a positive integer');
  return p;
}
