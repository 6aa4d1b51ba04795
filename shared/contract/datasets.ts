import { z } from 'zod';

export const datasetKindSchema = z.enum(['events', 'profiles']);
export type DatasetKind = z.infer<typeof datasetKindSchema>;

export const datasetSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: datasetKindSchema,
  idColumn: z.string(),
  timeColumn: z.string().nullable(),
  eventTypeColumn: z.string().nullable(),
  rows: z.number().int().nonnegative(),
  customers: z.number().int().nonnegative(),
  /** ISO 8601 without zone: event times are stored as local wall-clock TIMESTAMPs. */
  minTime: z.string().nullable(),
  maxTime: z.string().nullable(),
  createdAt: z.string(),
});
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;

export const datasetIdSchema = z.string().regex(/^ds_[a-z0-9]+$/, 'not a dataset id');

export const monthlyActivitySchema = z.object({
  /** YYYY-MM */
  month: z.string(),
  events: z.number().int().nonnegative(),
  customers: z.number().int().nonnegative(),
});
export type MonthlyActivity = z.infer<typeof monthlyActivitySchema>;
