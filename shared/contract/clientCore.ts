import { WorkbenchError } from '../errors';
import type { WorkbenchClient } from './client';
import { envelopeSchema } from './envelope';
import { eventMessageSchema, type EventMessage, type EventName, type EventPayload } from './events';
import type { MethodInput, MethodName, MethodOutput } from './methods';

type Send = (method: MethodName, input: unknown) => Promise<unknown>;
type Subscribe = (listener: (message: unknown) => void) => () => void;

/**
 * Builds a typed client over any transport: `send` delivers a call and resolves with the raw envelope,
 * `subscribe` delivers raw event messages. Replies are checked here so every transport behaves the same.
 */
export function createClient(send: Send, subscribe: Subscribe): WorkbenchClient {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let unsubscribe: (() => void) | null = null;

  const deliver = (raw: unknown): void => {
    const parsed = eventMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message: EventMessage = parsed.data;
    for (const listener of listeners.get(message.event) ?? []) {
      (listener as (payload: EventMessage['payload']) => void)(message.payload);
    }
  };

  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const raw = await send(method, input);
      const envelope = envelopeSchema.safeParse(raw);
      if (!envelope.success) {
        throw new WorkbenchError('internal', `The engine sent a malformed reply to ${method}.`);
      }
      if (!envelope.data.ok) throw WorkbenchError.fromInfo(envelope.data.error);
      return envelope.data.result as MethodOutput<M>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!unsubscribe) unsubscribe = subscribe(deliver);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
  };
}
