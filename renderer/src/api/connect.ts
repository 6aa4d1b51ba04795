import type { WorkbenchBridge, WorkbenchClient } from '../../../shared/contract/client';
import { createClient } from '../../../shared/contract/clientCore';
import { createBrowserClient, takeToken } from './browserTransport';

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}

/** The desktop app's bridge when the preload provided one, else the browser host that served the page. */
export function connectToEngine(): WorkbenchClient {
  const bridge = window.workbench;
  if (bridge) return createClient((method, input) => bridge.invoke(method, input), (listener) => bridge.subscribe(listener));
  return createBrowserClient(takeToken());
}
