import { z } from 'zod';
import { instanceConfigSchema } from '../instanceConfig';
import { diagnosticSchema, instanceIdSchema } from './instances';

export const runIdSchema = z.string().regex(/^run_[a-z0-9]+$/, 'not a run id');

/** The steps of a run, in order; progress events name the one running. */
export const runPhaseSchema = z.enum(['labels', 'features', 'training', 'scoring', 'explaining', 'backtest', 'saving']);
export type RunPhase = z.infer<typeof runPhaseSchema>;

export const bucketSchema = z.enum(['high', 'medium', 'low']);
export type Bucket = z.infer<typeof bucketSchema>;

/** Percentile cut points: high from `high` up, low below `low`, medium between. */
export const bucketThresholdsSchema = z.object({ high: z.number().int().min(2).max(100), low: z.number().int().min(1).max(99) });
export type BucketThresholds = z.infer<typeof bucketThresholdsSchema>;

export const featureFamilySchema = z.enum(['activity', 'event_type', 'custom_event', 'numeric', 'distinct', 'category_count', 'profile']);

/** One automatic feature: its column in the run's feature table, its plain-language name and what it measures. */
export const featureDefinitionSchema = z.object({
  key: z.string(),
  label: z.string(),
  sentence: z.string(),
  family: featureFamilySchema,
  /** How values read: counts and days as whole numbers, amounts with decimals, categories by name. */
  unit: z.enum(['count', 'days', 'amount', 'ratio', 'category', 'flag']),
  /** Category names by code, for categorical features. */
  categories: z.array(z.string()).optional(),
  /** Set on profile attributes whose name suggests they record the outcome itself. */
  leakageWarning: z.string().optional(),
});
export type FeatureDefinition = z.infer<typeof featureDefinitionSchema>;

export const metricSetSchema = z.object({
  count: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
  auc: z.number(),
  prAuc: z.number(),
  logLoss: z.number(),
  brier: z.number(),
});
export type MetricSet = z.infer<typeof metricSetSchema>;

export const decileSchema = z.object({
  decile: z.number().int(),
  count: z.number().int(),
  positives: z.number().int(),
  lift: z.number(),
  cumulativeGain: z.number(),
  cumulativeLift: z.number(),
});

/** Metrics with the curves the insights draw. */
export const evaluationSchema = metricSetSchema.extend({
  deciles: z.array(decileSchema),
  roc: z.array(z.object({ falsePositiveRate: z.number(), truePositiveRate: z.number(), threshold: z.number() })),
  /** Equal-width probability bins that hold rows. */
  calibration: z.array(z.object({ lower: z.number(), upper: z.number(), count: z.number().int(), meanPredicted: z.number(), fractionPositive: z.number() })),
});
export type RunEvaluation = z.infer<typeof evaluationSchema>;

export const baselineNameSchema = z.enum(['recency', 'single_tree']);
export const baselineResultSchema = metricSetSchema.extend({ name: baselineNameSchema, label: z.string() });
export type BaselineResult = z.infer<typeof baselineResultSchema>;

export const bucketSummarySchema = z.object({
  bucket: bucketSchema,
  customers: z.number().int().nonnegative(),
  meanProbability: z.number(),
  /** Share that reached the goal in the backtest window; null without a backtest. */
  actualRate: z.number().nullable(),
});

/** How a feature moves probabilities across the scored customers, in probability points. */
export const featureInfluenceSchema = z.object({ key: z.string(), meanAbsPoints: z.number(), meanPoints: z.number() });

export const runTimingsSchema = z.record(z.string(), z.number().nonnegative());

export const runSummarySchema = z.object({
  runId: runIdSchema,
  instanceId: instanceIdSchema,
  instanceName: z.string(),
  version: z.number().int().positive(),
  status: z.literal('succeeded'),
  /** When the run was saved: an ISO instant in UTC (`…Z`). */
  createdAt: z.string(),
  asOf: z.string(),
  trainCutoff: z.string(),
  windowDays: z.number().int(),
  propensity: z.enum(['conversion', 'churn']),
  trainPopulation: z.number().int().nonnegative(),
  scored: z.number().int().nonnegative(),
  validationAuc: z.number(),
  realizedAuc: z.number().nullable(),
  totalSeconds: z.number().nonnegative(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runSchema = runSummarySchema.extend({
  config: instanceConfigSchema,
  /** Identifies the events (and profiles) the run read: a later import or edit changes it. */
  fingerprint: z.string(),
  features: z.array(featureDefinitionSchema),
  model: z.object({ setting: z.string(), rounds: z.number().int(), numLeaves: z.number().int(), learningRate: z.number() }),
  /** The model's probability with no feature known: each customer's factors add up from it to their probability. */
  baseRate: z.number(),
  trainPositives: z.number().int().nonnegative(),
  thresholds: bucketThresholdsSchema,
  validation: evaluationSchema,
  baselines: z.array(baselineResultSchema),
  /** The outcome seen after as_of, when the data covers the whole window. */
  realized: evaluationSchema.extend({ positiveRate: z.number() }).nullable(),
  buckets: z.array(bucketSummarySchema),
  influence: z.array(featureInfluenceSchema),
  /** The same per bucket, largest first (runs saved before it was kept have none). */
  bucketInfluence: z.array(z.object({ bucket: bucketSchema, factors: z.array(featureInfluenceSchema) })).default([]),
  diagnostics: z.array(diagnosticSchema),
  timings: runTimingsSchema,
});
export type Run = z.infer<typeof runSchema>;
