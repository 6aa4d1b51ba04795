/** A feature column: one value per row, NaN = missing. Categorical columns hold non-negative integer codes. */
export type FeatureColumn = Float64Array | Float32Array;

/** Rows as columns: `features[f][i]` is feature f of row i. */
export interface Dataset {
  features: readonly FeatureColumn[];
  /** 1 = positive, 0 = negative. */
  labels: Uint8Array;
  /** Optional per-row sample weights (default 1). */
  weights?: Float64Array;
}

export interface TrainParams {
  /** Maximum number of boosting rounds (trees). */
  numRounds: number;
  learningRate: number;
  /** Maximum leaves per tree (leaf-wise growth). */
  numLeaves: number;
  /** Maximum depth of a leaf; 0 = unlimited. */
  maxDepth: number;
  minDataInLeaf: number;
  minSumHessian: number;
  /** L2 regularisation on leaf values. */
  lambdaL2: number;
  /** A split must gain at least this much. */
  minSplitGain: number;
  /** Fraction of rows drawn (without replacement) for each tree; 1 = all. */
  rowSubsample: number;
  /** Fraction of features drawn for each tree; 1 = all. */
  colSubsample: number;
  /** Multiplies the weight of positive rows (xgboost's scale_pos_weight). */
  scalePosWeight: number;
  /** Per-class weights, applied on top of sample weights and scalePosWeight. */
  classWeights: { negative: number; positive: number };
  /** Stop when validation log loss has not improved for this many rounds; 0 = off. */
  earlyStoppingRounds: number;
  /** At most this many value bins per feature (≤ 255); missing values get their own extra bin. */
  maxBins: number;
  /** Rows sampled per feature to find quantile bin bounds. */
  binSampleSize: number;
  seed: number;
  /** Threads building histograms (1 = this thread only; 2 adds one helper). Does not change the model. */
  threads: number;
}

/** One tree as parallel arrays indexed by node id; the root is node 0. Leaves have feature -1. */
export interface Tree {
  feature: Int32Array;
  /** Numeric: rows with value <= threshold go left. Categorical: rows whose code equals threshold go left. */
  threshold: Float64Array;
  /** The same threshold as a bin index of the feature's binning. */
  thresholdBin: Int32Array;
  /** 1 if missing values go left. */
  missingLeft: Uint8Array;
  /** 1 if the split is a categorical equality test. */
  categorical: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  gain: Float64Array;
  /** Sum of hessians of the training rows that reached the node (used as cover by TreeSHAP). */
  cover: Float64Array;
  /** Number of training rows that reached the node. */
  count: Float64Array;
  /** Leaf output in log-odds, learning rate included (internal nodes: the value they would have as a leaf). */
  value: Float64Array;
}

export interface NumericBinning {
  kind: 'numeric';
  /** Value bin b holds values v with upperBounds[b-1] < v <= upperBounds[b]; the last value bin is unbounded above. */
  upperBounds: Float64Array;
  /** Number of value bins (upperBounds.length + 1). Bin `numBins` holds missing values. */
  numBins: number;
}

export interface CategoricalBinning {
  kind: 'categorical';
  /** The code each value bin stands for; -1 marks the shared bin of rare codes (never split on alone). */
  categories: Int32Array;
  numBins: number;
}

export type FeatureBinning = NumericBinning | CategoricalBinning;

export type Calibrator =
  | { method: 'platt'; slope: number; intercept: number }
  | { method: 'isotonic'; /** increasing raw probabilities */ x: number[]; y: number[] };

export interface GbdtModel {
  featureNames: string[];
  categorical: boolean[];
  binning: FeatureBinning[];
  params: TrainParams;
  /** Initial log-odds added to every prediction. */
  baseScore: number;
  trees: Tree[];
  /** Number of rounds kept (the best validation round when early stopping ran). */
  bestIteration: number;
  /** Validation log loss per round, when a validation set was given. */
  validLossHistory: number[];
  calibration?: Calibrator;
}

export interface RoundProgress {
  round: number;
  totalRounds: number;
  trainLoss: number;
  /** NaN without a validation set. */
  validLoss: number;
}
