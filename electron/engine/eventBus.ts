import type { EventMessage, EventName, EventPayload } from '../../shared/contract/events';

type Listener = (message: EventMessage) => void;

/** Where the engine announces what happened; every transport forwards these to its clients. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const message = { event, payload } as EventMessage;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // A broken subscriber must not stop the others or the job that emitted.
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
