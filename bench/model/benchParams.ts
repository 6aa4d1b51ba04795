/**
 * The settings both sides train with. xgboost: tree_method=hist, depth-wise to max_depth 6, eta 0.1, lambda 1,
 * min_child_weight 1, max_bin 256 (255 value bins + missing). Ours: leaf-wise with up to 64 leaves capped at depth 6
 * (so the same tree shapes are reachable), the same rate, L2 and minimum hessian per leaf.
 */
export const ROUNDS = 100;
export const MAX_DEPTH = 6;
export const LEARNING_RATE = 0.1;
export const THREADS = 2;

export const OUR_PARAMS = {
  numRounds: ROUNDS,
  learningRate: LEARNING_RATE,
  maxDepth: MAX_DEPTH,
  numLeaves: 2 ** MAX_DEPTH,
  lambdaL2: 1,
  minSumHessian: 1,
  minDataInLeaf: 20,
  maxBins: 255,
  seed: 7,
};

export const PEER_PARAMS = {
  objective: 'binary:logistic',
  tree_method: 'hist',
  max_depth: MAX_DEPTH,
  eta: LEARNING_RATE,
  lambda: 1,
  min_child_weight: 1,
  max_bin: 256,
  nthread: THREADS,
  seed: 7,
};

/** Rows explained in the TreeSHAP comparison. */
export const SHAP_ROWS = 100_000;

/** scikit-learn's HistGradientBoostingClassifier with the same shape limits, for context (no goal is set against it). */
export const SKLEARN_PARAMS = {
  learning_rate: LEARNING_RATE,
  max_depth: MAX_DEPTH,
  max_leaf_nodes: 2 ** MAX_DEPTH,
  l2_regularization: 1,
  min_samples_leaf: 20,
  max_bins: 255,
};
