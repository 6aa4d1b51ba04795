import { z } from 'zod';
import { conditionListSchema, matchSchema } from '../conditions';
import { fieldInfoSchema, fieldValuesSchema } from './instances';
import { featureDistributionSchema } from './insights';
import { jobRefSchema } from './jobs';
import { runIdSchema } from './runs';

export const segmentIdSchema = z.string().regex(/^seg_[a-f0-9]+$/, 'not a segment id');

export const segmentNameSchema = z
  .string()
  .trim()
  .min(1, 'a segment needs a name')
  .max(120, 'a segment name is at most 120 characters')
  // oxlint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'a segment name cannot contain control characters');

/**
 * Which of a run's scored customers a segment holds: the condition tree of the goal builder, over the run's segment
 * fields (customer, probability, score, percentile, bucket, the top three reasons, every feature by its label, and
 * the profile attributes as "profile: <column>"). No condition: every scored customer.
 */
export const segmentDefinitionSchema = z.strictObject({
  match: matchSchema.default('all'),
  conditions: conditionListSchema.default([]),
});
export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>;
export type SegmentDefinitionInput = z.input<typeof segmentDefinitionSchema>;

export const segmentStatsSchema = z.object({
  customers: z.number().int().nonnegative(),
  /** Share of the run's scored customers. */
  share: z.number(),
  /** Mean calibrated probability, 0 when empty. */
  meanProbability: z.number(),
  /** Sum of the calibrated probabilities: how many are expected to reach the goal (or churn). */
  expectedConversions: z.number(),
  /** The features that are most often a member's top reason. */
  topFactors: z.array(z.object({ key: z.string(), label: z.string(), customers: z.number().int().nonnegative() })),
});
export type SegmentStats = z.infer<typeof segmentStatsSchema>;

export const segmentSchema = z.object({
  segmentId: segmentIdSchema,
  runId: runIdSchema,
  name: z.string(),
  definition: segmentDefinitionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const segmentSummarySchema = segmentSchema.extend({ stats: segmentStatsSchema });
export type SegmentSummary = z.infer<typeof segmentSummarySchema>;

/**
 * A saved segment as the list shows it: with its figures, or, when its definition no longer holds over the run (a
 * profile dataset renamed or removed since), without them and with the reason, so it can still be edited or deleted.
 */
export const savedSegmentSchema = segmentSchema.extend({ stats: segmentStatsSchema.nullable(), problem: z.string().nullable() });
export type SavedSegment = z.infer<typeof savedSegmentSchema>;

/** A segment saved on another run of the same goal, with that run's version. */
export const segmentElsewhereSchema = segmentSchema.extend({ runVersion: z.number().int().positive() });
export type SegmentElsewhere = z.infer<typeof segmentElsewhereSchema>;

export const segmentCarryOverSchema = z.object({
  copied: z.array(segmentSummarySchema),
  skipped: z.array(z.object({ segmentId: segmentIdSchema, name: z.string(), reason: z.string() })),
});
export type SegmentCarryOver = z.infer<typeof segmentCarryOverSchema>;

/** Both segments over the same probability bins and, for their top factors, the same feature bins. */
export const segmentComparisonSchema = z.object({
  runId: runIdSchema,
  segments: z.array(segmentSummarySchema).length(2),
  probabilityBins: z.array(z.object({ lower: z.number(), upper: z.number(), counts: z.array(z.number().int().nonnegative()).length(2) })),
  factors: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: featureDistributionSchema.shape.kind,
      bins: z.array(z.object({ label: z.string(), counts: z.array(z.number().int().nonnegative()).length(2) })),
      missing: z.array(z.number().int().nonnegative()).length(2),
    }),
  ),
});
export type SegmentComparison = z.infer<typeof segmentComparisonSchema>;

export const profitInputSchema = z.strictObject({
  runId: runIdSchema,
  /** Only these customers are candidates (all scored customers when empty). */
  definition: segmentDefinitionSchema.default({ match: 'all', conditions: [] }),
  valuePerConversion: z.number().finite().nonnegative().max(1e12),
  costPerContact: z.number().finite().nonnegative().max(1e12),
  /** At most this many customers can be contacted; null: no limit. */
  capacity: z.number().int().positive().nullable().default(null),
});

/**
 * Expected profit of contacting the k most likely customers, value × Σ probability − cost × k, at every cut a
 * probability threshold can make (between distinct probabilities), thinned to at most a few hundred points for the chart.
 */
export const profitCurveSchema = z.object({
  candidates: z.number().int().nonnegative(),
  points: z.array(z.object({ targeted: z.number().int().nonnegative(), expectedConversions: z.number(), expectedProfit: z.number(), probability: z.number().nullable() })),
  /** The best cut (none targeted when no contact pays): target customers whose probability ≥ `probabilityCutoff`. */
  optimum: z.object({ targeted: z.number().int().nonnegative(), expectedConversions: z.number(), expectedProfit: z.number(), probabilityCutoff: z.number().nullable() }),
});
export type ProfitCurve = z.infer<typeof profitCurveSchema>;

export const exportFormatSchema = z.enum(['csv', 'parquet', 'json']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** Columns of every export, in order; reason_k is the sentence of the k-th factor, reason_k_points its probability points. */
export const EXPORT_COLUMNS = [
  'customer_id',
  'probability',
  'score',
  'percentile',
  'bucket',
  'reason_1',
  'reason_1_points',
  'reason_2',
  'reason_2_points',
  'reason_3',
  'reason_3_points',
  'run_id',
  'as_of',
  'instance',
] as const;

export const exportPathSchema = z
  .string()
  .trim()
  .min(1, 'the file to write is required')
  .max(4096)
  .refine((path) => !path.includes('\u0000'), 'a path cannot contain the NUL character');

export const segmentsMethods = {
  /** The fields a segment's conditions can test over a run, with their types and operators. */
  'segments.fields': {
    input: z.strictObject({ runId: runIdSchema }),
    output: z.object({ fields: z.array(fieldInfoSchema) }),
  },
  'segments.fieldValues': {
    input: z.strictObject({ runId: runIdSchema, field: z.string().min(1).max(300), search: z.string().max(200).default(''), limit: z.number().int().min(1).max(100).default(100) }),
    output: fieldValuesSchema,
  },
  /** Size, share, mean probability, expected conversions and top reasons of a definition: the live count. */
  'segments.count': {
    input: z.strictObject({ runId: runIdSchema, definition: segmentDefinitionSchema }),
    output: segmentStatsSchema,
  },
  'segments.list': {
    input: z.strictObject({ runId: runIdSchema.optional() }),
    output: z.object({ segments: z.array(savedSegmentSchema) }),
  },
  'segments.get': {
    input: z.strictObject({ segmentId: segmentIdSchema }),
    output: segmentSummarySchema,
  },
  /** Creates a segment (no id) or replaces a saved one's name and definition; names are unique per run. */
  'segments.save': {
    input: z.strictObject({ segmentId: segmentIdSchema.optional(), runId: runIdSchema, name: segmentNameSchema, definition: segmentDefinitionSchema }),
    output: segmentSummarySchema,
  },
  'segments.rename': {
    input: z.strictObject({ segmentId: segmentIdSchema, name: segmentNameSchema }),
    output: segmentSummarySchema,
  },
  'segments.clone': {
    input: z.strictObject({ segmentId: segmentIdSchema, name: segmentNameSchema.optional() }),
    output: segmentSummarySchema,
  },
  'segments.delete': {
    input: z.strictObject({ segmentId: segmentIdSchema }),
    output: z.object({ deleted: z.boolean() }),
  },
  /**
   * Segments saved on the goal's other runs whose names this run does not have: one per name, from the newest run
   * with it. A retrained goal's new run starts without segments; these can be copied to it.
   */
  'segments.fromOtherRuns': {
    input: z.strictObject({ runId: runIdSchema }),
    output: z.object({ segments: z.array(segmentElsewhereSchema) }),
  },
  /** Copies segments of other runs of the same goal to this run, under their names; what cannot be copied says why. */
  'segments.copyToRun': {
    input: z.strictObject({ runId: runIdSchema, segmentIds: z.array(segmentIdSchema).min(1).max(500) }),
    output: segmentCarryOverSchema,
  },
  /** Two saved segments of the same run side by side. */
  'segments.compare': {
    input: z.strictObject({ segmentIds: z.tuple([segmentIdSchema, segmentIdSchema]), bins: z.number().int().min(2).max(100).default(20) }),
    output: segmentComparisonSchema,
  },
  'segments.profit': {
    input: profitInputSchema,
    output: profitCurveSchema,
  },
  /**
   * Writes a run's scores (a saved segment's, or all) to a file as a cancellable job: under a temporary name beside
   * it, renamed at the end. An existing file is replaced only with `overwrite`.
   */
  'exports.start': {
    input: z.strictObject({
      runId: runIdSchema,
      segmentId: segmentIdSchema.nullable().default(null),
      format: exportFormatSchema,
      path: exportPathSchema,
      overwrite: z.boolean().default(false),
    }),
    output: jobRefSchema,
  },
  /** Whether a file is already there, so the app can ask before replacing it. */
  'exports.check': {
    input: z.strictObject({ path: exportPathSchema }),
    output: z.object({ exists: z.boolean(), directoryExists: z.boolean() }),
  },
} as const;
