import { z } from 'zod';
import { errorInfoSchema } from '../errors';

/** The reply to every call, on every transport: a result or a structured error, never a thrown exception. */
export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;
