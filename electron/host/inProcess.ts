import type { WorkbenchClient } from '../../shared/contract/client';
import { createClient } from '../../shared/contract/clientCore';
import type { Engine } from '../engine/engine';
import { createDispatcher } from './dispatcher';
import { createHandlers } from './handlers';

/**
 * The contract served in the same process, for tests and the CLI. Inputs and replies pass through
 * JSON, as they would over a wire, so what works here works over the other transports too.
 */
export function createInProcessClient(engine: Engine, version = '0.0.0-test'): WorkbenchClient {
  const dispatch = createDispatcher(createHandlers(engine, { transport: 'in-process', version }));
  return createClient(
    async (method, input) => roundTrip(await dispatch(method, roundTrip(input))),
    (listener) => engine.events.subscribe((message) => listener(roundTrip(message))),
  );
}

function roundTrip(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
