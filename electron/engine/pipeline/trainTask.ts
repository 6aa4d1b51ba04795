import { z } from 'zod';
import { bucketThresholdsSchema } from '../../../shared/contract/runs';

// z.custom keeps the plain array types (any backing buffer): the worker's arrays may sit on shared memory.
const float32 = z.custom<Float32Array>((value) => value instanceof Float32Array, 'expected a Float32Array');
const float64 = z.custom<Float64Array>((value) => value instanceof Float64Array, 'expected a Float64Array');
const uint8 = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected a Uint8Array');
const int16 = z.custom<Int16Array>((value) => value instanceof Int16Array, 'expected an Int16Array');
const float32Columns = z.array(float32);
/** Any JS number: evaluations carry NaN (empty bins) and Infinity (the first ROC threshold). */
const figure = z.custom<number>((value) => typeof value === 'number', 'expected a number');

/** What the engine hands the worker: the training matrix at the cutoff and the scoring matrix at as_of. */
export const trainTaskSchema = z.object({
  kind: z.literal('train'),
  train: z.object({ columns: float32Columns, labels: uint8 }),
  score: z.object({ columns: float32Columns, realized: uint8.nullable() }),
  featureKeys: z.array(z.string()),
  categorical: z.array(z.boolean()),
  /** The "days since the last event" column: the recency baseline ranks by it. */
  recencyFeature: z.number().int().nonnegative(),
  thresholds: bucketThresholdsSchema,
  seed: z.number().int(),
});
export type TrainTask = z.infer<typeof trainTaskSchema>;

const evaluation = z.object({
  count: figure,
  positives: figure,
  rocAuc: figure,
  prAuc: figure,
  logLoss: figure,
  brier: figure,
  deciles: z.array(z.object({ decile: figure, count: figure, positives: figure, lift: figure, cumulativeGain: figure, cumulativeLift: figure })),
  roc: z.array(z.object({ falsePositiveRate: figure, truePositiveRate: figure, threshold: figure })),
  calibration: z.array(z.object({ lower: figure, upper: figure, count: figure, meanPredicted: figure, fractionPositive: figure })),
  expectedCalibrationError: figure,
});

/** What the worker answers; checked on arrival like any input crossing a process boundary. */
export const trainOutcomeSchema = z.object({
  model: z.string(),
  setting: z.string(),
  rounds: z.number().int(),
  numLeaves: z.number().int(),
  learningRate: z.number(),
  settingsTried: z.array(z.object({ name: z.string(), validLogLoss: z.number(), rounds: z.number().int() })),
  validation: evaluation,
  baselines: z.array(z.object({ name: z.enum(['recency', 'single_tree']), evaluation })),
  /** The single feature that ranks the training labels best, and its AUC (either direction). */
  strongestFeature: z.object({ index: z.number().int(), auc: z.number() }).nullable(),
  probability: float64,
  percentile: uint8,
  bucket: uint8,
  baseRate: z.number(),
  /** TOP_FACTORS per scored row: feature index (-1 = none) and probability points. */
  factorFeature: int16,
  factorPoints: float64,
  meanAbsPoints: float64,
  meanPoints: float64,
  /** The same per bucket: BUCKETS.length blocks of one value per feature. */
  bucketMeanAbsPoints: float64,
  bucketMeanPoints: float64,
  realized: evaluation.nullable(),
  timings: z.object({ training: z.number(), scoring: z.number(), explaining: z.number(), backtest: z.number() }),
});
export type TrainOutcome = z.infer<typeof trainOutcomeSchema>;
