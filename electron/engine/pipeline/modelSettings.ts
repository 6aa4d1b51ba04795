import type { TrainParams } from '../model/types';

export interface ModelSetting {
  name: string;
  params: Partial<TrainParams>;
}

/** Above this many training customers only the first setting is tried: each try costs a full training. */
export const SEARCH_MAX_ROWS = 150_000;

/**
 * The settings tried, best-known first. Trees stay shallow enough (depth ≤ 8) for TreeSHAP to explain every scored
 * customer quickly; early stopping on the validation customers picks the number of rounds.
 */
export const MODEL_SETTINGS: readonly ModelSetting[] = [
  { name: 'balanced (15 leaves)', params: { numLeaves: 15, maxDepth: 6, minDataInLeaf: 40, lambdaL2: 1, learningRate: 0.05, rowSubsample: 0.8, colSubsample: 0.8 } },
  { name: 'shallow (7 leaves)', params: { numLeaves: 7, maxDepth: 3, minDataInLeaf: 80, lambdaL2: 5, learningRate: 0.05, rowSubsample: 0.8, colSubsample: 0.8 } },
  { name: 'deeper (31 leaves)', params: { numLeaves: 31, maxDepth: 8, minDataInLeaf: 20, lambdaL2: 1, learningRate: 0.05, rowSubsample: 0.8, colSubsample: 0.8 } },
];

/** The setting for large populations: one try, a faster rate. */
export const LARGE_SETTING: ModelSetting = {
  name: 'balanced (15 leaves, fast)',
  // With this many customers the validation loss is smooth: 20 rounds without improvement is a clear stop.
  params: { numLeaves: 15, maxDepth: 6, minDataInLeaf: 100, lambdaL2: 1, learningRate: 0.1, rowSubsample: 0.7, colSubsample: 0.5, earlyStoppingRounds: 20 },
};

export const MAX_ROUNDS = 500;
/** Rounds without a better validation loss before training stops (unless a setting says otherwise). */
export const EARLY_STOPPING_ROUNDS = 40;
