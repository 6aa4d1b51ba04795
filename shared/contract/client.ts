import type { EventName, EventPayload } from './events';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/** What the renderer (and tests) use to talk to the engine, whatever the transport. */
export interface WorkbenchClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The raw bridge the Electron preload exposes as `window.workbench`. */
export interface WorkbenchBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  subscribe(listener: (message: unknown) => void): () => void;
}
