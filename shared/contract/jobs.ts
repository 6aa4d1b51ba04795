import { z } from 'zod';
import { errorInfoSchema } from '../errors';

export const jobIdSchema = z.string().regex(/^job_[a-z0-9]+$/, 'not a job id');
export const jobKindSchema = z.enum(['demo', 'import', 'run', 'export']);

/** The file a finished export wrote and how many customers it holds. */
export const exportedFileSchema = z.object({ path: z.string(), rows: z.number().int().nonnegative() });
export type JobKind = z.infer<typeof jobKindSchema>;

export const jobStatusSchema = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobRefSchema = z.object({ jobId: jobIdSchema, kind: jobKindSchema });
export type JobRef = z.infer<typeof jobRefSchema>;

export const jobSnapshotSchema = z.object({
  jobId: jobIdSchema,
  kind: jobKindSchema,
  status: jobStatusSchema,
  fraction: z.number().min(0).max(1),
  message: z.string(),
  /** The step a multi-step job is in, as its last progress event named it. */
  phase: z.string().optional(),
  startedAt: z.string(),
  /** The dataset a finished import made. */
  datasetId: z.string().optional(),
  /** The run a finished training job saved. */
  runId: z.string().optional(),
  /** The file a finished export wrote. */
  exported: exportedFileSchema.optional(),
  /** Why a failed job failed, so a client that reconnects can still say it. */
  error: errorInfoSchema.optional(),
});
export type JobSnapshot = z.infer<typeof jobSnapshotSchema>;
