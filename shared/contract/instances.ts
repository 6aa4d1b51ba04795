import { z } from 'zod';
import { conditionOperatorSchema, fieldTypeSchema } from '../conditions';
import { instanceConfigSchema, propensityTypeSchema } from '../instanceConfig';

export const instanceIdSchema = z.string().regex(/^in_[a-z0-9]+$/, 'not an instance id');

/** A saved instance as the workspace holds it. */
export const instanceSchema = z.object({
  id: instanceIdSchema,
  name: z.string(),
  config: instanceConfigSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Instance = z.infer<typeof instanceSchema>;

export const instanceSummarySchema = z.object({
  id: instanceIdSchema,
  name: z.string(),
  propensity: propensityTypeSchema,
  events: z.string(),
  windowDays: z.number().int(),
  updatedAt: z.string(),
});
export type InstanceSummary = z.infer<typeof instanceSummarySchema>;

/** Where a field comes from in the events dataset. */
export const fieldRoleSchema = z.enum(['id', 'time', 'event_type', 'attribute']);

/** A column a condition can test, with the operators that fit its type. */
export const fieldInfoSchema = z.object({
  name: z.string(),
  type: fieldTypeSchema,
  /** The DuckDB type, shown as a hint. */
  sqlType: z.string(),
  role: fieldRoleSchema,
  operators: z.array(conditionOperatorSchema),
});
export type FieldInfo = z.infer<typeof fieldInfoSchema>;

export const valueCountSchema = z.object({ value: z.union([z.string(), z.boolean()]), count: z.number().int().nonnegative() });

/** What a field holds: the most frequent values (text, true/false) or the range (numbers, times). */
export const fieldValuesSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    values: z.array(valueCountSchema),
    /** Distinct values matching the search (or in the field, without one). */
    distinct: z.number().int().nonnegative(),
    missing: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('boolean'), values: z.array(valueCountSchema), missing: z.number().int().nonnegative() }),
  z.object({
    type: z.literal('number'),
    min: z.number().nullable(),
    max: z.number().nullable(),
    median: z.number().nullable(),
    missing: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('time'), min: z.string().nullable(), max: z.string().nullable(), missing: z.number().int().nonnegative() }),
]);
export type FieldValues = z.infer<typeof fieldValuesSchema>;

export const diagnosticCodeSchema = z.enum([
  'NOT_ENOUGH_POSITIVES',
  'NOT_ENOUGH_NEGATIVES',
  'SINGLE_VALUE_GOAL',
  'EMPTY_POPULATION',
  'NOT_ENOUGH_HISTORY',
  'NO_EVENTS_AFTER_EXCLUSIONS',
  'WINDOW_PAST_DATA',
  'POOR_MODEL',
  'LEAKAGE_SUSPECTED',
  'OUTCOME_LIKE_ATTRIBUTE',
]);
export type DiagnosticCode = z.infer<typeof diagnosticCodeSchema>;

export const diagnosticSchema = z.object({
  code: diagnosticCodeSchema,
  /** error: training is refused; warning: it runs, but the result may not hold. */
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  /** The change to try. */
  fix: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

/** Who the goal covers and how it labels them at the training cutoff. */
export const goalPreviewSchema = z.object({
  /** ISO wall-clock times, like the stored event times. */
  asOf: z.string().nullable(),
  trainCutoff: z.string().nullable(),
  windowDays: z.number().int(),
  firstEvent: z.string().nullable(),
  eventsConsidered: z.number().int().nonnegative(),
  eventsExcluded: z.number().int().nonnegative(),
  population: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
  negatives: z.number().int().nonnegative(),
  positiveRate: z.number().min(0).max(1).nullable(),
  /** Days of data before as_of, and how many the goal needs (lookback + window). */
  historyDays: z.number().nonnegative().nullable(),
  requiredHistoryDays: z.number().int().nonnegative(),
  customEvents: z.array(z.object({ name: z.string(), events: z.number().int().nonnegative(), customers: z.number().int().nonnegative() })),
  diagnostics: z.array(diagnosticSchema),
  /** No diagnostic refuses training. */
  canTrain: z.boolean(),
  elapsedMs: z.number().nonnegative(),
});
export type GoalPreview = z.infer<typeof goalPreviewSchema>;

export const presetKindSchema = z.enum(['conversion', 'churn']);
