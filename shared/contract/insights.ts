import { z } from 'zod';
import { bucketSchema, runIdSchema } from './runs';

/** Counts per bucket: how many of the scored customers in each fall in a bin. */
export const bucketCountsSchema = z.object({ high: z.number().int().nonnegative(), medium: z.number().int().nonnegative(), low: z.number().int().nonnegative() });
export type BucketCounts = z.infer<typeof bucketCountsSchema>;

/** The scored probabilities in equal-width bins, split by bucket. */
export const scoreHistogramSchema = z.object({
  bins: z.array(z.object({ lower: z.number(), upper: z.number(), counts: bucketCountsSchema })),
  /** The lowest probability in the high bucket and the highest in the low bucket: the thresholds on the probability axis. */
  highFrom: z.number().nullable(),
  lowUpTo: z.number().nullable(),
});
export type ScoreHistogram = z.infer<typeof scoreHistogramSchema>;

export const runInsightsSchema = z.object({
  runId: runIdSchema,
  scoreHistogram: scoreHistogramSchema,
  /** Customers whose top reason is each feature, per bucket: which factor most often leads. */
  topReasons: z.array(z.object({ bucket: bucketSchema, key: z.string(), customers: z.number().int().nonnegative() })),
});
export type RunInsights = z.infer<typeof runInsightsSchema>;

/**
 * One feature's values among the scored customers, binned, with counts per bucket. Numbers get equal-width bins
 * (the last one open-ended above the 99th percentile when the tail is long); categories and flags get one bin each.
 * Customers without a value count in `missing`.
 */
export const featureDistributionSchema = z.object({
  runId: runIdSchema,
  key: z.string(),
  kind: z.enum(['numeric', 'categorical']),
  bins: z.array(
    z.object({
      label: z.string(),
      /** Numeric bins: [lower, upper); the last bin includes its upper edge, or is open when `openEnded`. */
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      counts: bucketCountsSchema,
    }),
  ),
  openEnded: z.boolean(),
  missing: bucketCountsSchema,
});
export type FeatureDistribution = z.infer<typeof featureDistributionSchema>;

export const customerSortColumnSchema = z.enum(['customer', 'probability', 'score', 'percentile', 'bucket']);
export type CustomerSortColumn = z.infer<typeof customerSortColumnSchema>;

/** Which scored customers a list shows: any of these buckets (all when empty), a probability range and an id search. */
export const customerFilterSchema = z.strictObject({
  buckets: z.array(bucketSchema).max(3).default([]),
  minProbability: z.number().min(0).max(1).default(0),
  maxProbability: z.number().min(0).max(1).default(1),
  /** Part of a customer id, ignoring case; empty matches everyone. */
  search: z.string().max(200).default(''),
});
export type CustomerFilter = z.infer<typeof customerFilterSchema>;
export type CustomerFilterInput = z.input<typeof customerFilterSchema>;

export const customerRowSchema = z.object({
  customer: z.string(),
  probability: z.number(),
  score: z.number(),
  percentile: z.number().int(),
  bucket: bucketSchema,
  /** The sentence of the factor that moves this customer's probability most, with its points; null when none does. */
  topReason: z.string().nullable(),
  topReasonPoints: z.number().nullable(),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;

export const customerPageSchema = z.object({
  /** Customers that pass the filter (all pages). */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(customerRowSchema),
});
export type CustomerPage = z.infer<typeof customerPageSchema>;

export const customerFactorSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** The customer's value as shown ("12", "3.5 days", "Gold", "missing"). */
  value: z.string(),
  /** The raw value (category code, 0/1 for flags); null when missing. */
  rawValue: z.number().nullable(),
  /** Probability points (0–1 scale) this factor adds: base rate + every factor's points = probability. */
  points: z.number(),
  sentence: z.string(),
});
export type CustomerFactor = z.infer<typeof customerFactorSchema>;

export const scoreCardSchema = z.object({
  runId: runIdSchema,
  customer: z.string(),
  probability: z.number(),
  score: z.number(),
  percentile: z.number().int(),
  bucket: bucketSchema,
  /** Whether the customer reached the goal in the backtest window; null without a backtest. */
  realized: z.boolean().nullable(),
  baseRate: z.number(),
  /** Every factor that moves the probability, largest effect first. */
  factors: z.array(customerFactorSchema),
  /** Events per day and type in the 365 days up to as_of. */
  timeline: z.object({
    from: z.string(),
    to: z.string(),
    days: z.array(z.object({ day: z.string(), eventType: z.string(), count: z.number().int().positive() })),
    /** Why there is no timeline (the events dataset was removed), else null. */
    note: z.string().nullable(),
  }),
  /** The customer's row in the profiles dataset, as text; empty without one. */
  profile: z.array(z.object({ name: z.string(), value: z.string().nullable() })),
});
export type ScoreCard = z.infer<typeof scoreCardSchema>;

export const insightsMethods = {
  /** The score distribution and top-reason counts of a run, computed from its saved scores. */
  'runs.insights': {
    input: z.strictObject({ runId: runIdSchema }),
    output: runInsightsSchema,
  },
  /** One feature's binned values among the scored customers, per bucket. */
  'runs.featureDistribution': {
    input: z.strictObject({ runId: runIdSchema, key: z.string().min(1).max(300), bins: z.number().int().min(2).max(100).default(20) }),
    output: featureDistributionSchema,
  },
  /** A page of a run's scored customers, filtered and sorted, with the total that pass the filter. */
  'runs.customers': {
    input: z.strictObject({
      runId: runIdSchema,
      filter: customerFilterSchema.default({ buckets: [], minProbability: 0, maxProbability: 1, search: '' }),
      sort: z.strictObject({ column: customerSortColumnSchema, descending: z.boolean() }).default({ column: 'probability', descending: true }),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: customerPageSchema,
  },
  /** Everything a customer's score card shows: the score, every factor, the event timeline and the profile. */
  'runs.scoreCard': {
    input: z.strictObject({ runId: runIdSchema, customer: z.string().min(1).max(500) }),
    output: scoreCardSchema,
  },
} as const;
