import { z } from 'zod';
import { errorInfoSchema } from '../../../shared/errors';
import { trainTaskSchema } from '../pipeline/trainTask';

/** Work a worker process can do; each kind has its own input. */
export const workerTaskSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo'), path: z.string(), customers: z.number().int().positive().optional() }),
  trainTaskSchema,
]);
export type WorkerTask = z.infer<typeof workerTaskSchema>;

export const parentMessageSchema = z.object({ type: z.literal('start'), task: workerTaskSchema });
export type ParentMessage = z.infer<typeof parentMessageSchema>;

export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), fraction: z.number(), message: z.string(), phase: z.string().optional() }),
  z.object({ type: z.literal('done'), result: z.unknown() }),
  z.object({ type: z.literal('failed'), error: errorInfoSchema }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;
