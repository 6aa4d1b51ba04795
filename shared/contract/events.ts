import { z } from 'zod';
import { errorInfoSchema } from '../errors';
import { exportedFileSchema, jobIdSchema, jobKindSchema } from './jobs';
import { workspaceInfoSchema } from './workspace';

/** Every event the engine pushes to its clients. */
export const events = {
  'job.progress': z.object({
    jobId: jobIdSchema,
    kind: jobKindSchema,
    fraction: z.number().min(0).max(1),
    message: z.string(),
    /** The step a multi-step job is in (a run: features, labels, training, …). */
    phase: z.string().optional(),
  }),
  'job.finished': z.object({
    jobId: jobIdSchema,
    kind: jobKindSchema,
    status: z.enum(['succeeded', 'failed', 'cancelled']),
    error: errorInfoSchema.optional(),
    elapsedMs: z.number().nonnegative(),
    /** What the job made, when it made something: the dataset of an import. */
    datasetId: z.string().optional(),
    /** The run a training job saved. */
    runId: z.string().optional(),
    /** The file an export wrote. */
    exported: exportedFileSchema.optional(),
  }),
  'workspace.changed': z.object({ workspace: workspaceInfoSchema.nullable() }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

/** One pushed event as it crosses a transport. */
export type EventMessage = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

export const eventMessageSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('job.progress'), payload: events['job.progress'] }),
  z.object({ event: z.literal('job.finished'), payload: events['job.finished'] }),
  z.object({ event: z.literal('workspace.changed'), payload: events['workspace.changed'] }),
]);
