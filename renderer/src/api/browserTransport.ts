import type { WorkbenchClient } from '../../../shared/contract/client';
import { createClient } from '../../../shared/contract/clientCore';
import { WorkbenchError } from '../../../shared/errors';

const TOKEN_KEY = 'pwb.token';
const RECONNECT_DELAY_MS = 1000;

/** Takes the token from the URL once, keeps it for this tab, and removes it from the address bar. */
export function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The token this tab keeps, once takeToken has read it from the URL. */
export function storedToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The contract over HTTP (calls) and a WebSocket (events) to the browser host that served this page. */
export function createBrowserClient(token: string): WorkbenchClient {
  return createClient(
    async (method, input) => {
      const response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Pwb-Token': token },
        body: JSON.stringify(input ?? {}),
      });
      if (response.status === 401) throw new WorkbenchError('unsupported', 'This page needs the URL with its token, as printed when the host started.');
      if (!response.ok) throw new WorkbenchError('internal', `The host answered ${response.status} ${response.statusText}.`);
      return response.json();
    },
    (listener) => {
      let socket: WebSocket | null = null;
      let stopped = false;
      const connect = () => {
        const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
        socket = new WebSocket(`${scheme}://${window.location.host}/api/events?token=${encodeURIComponent(token)}`);
        socket.addEventListener('message', (event) => {
          try {
            listener(JSON.parse(String(event.data)));
          } catch {
            // A malformed message is dropped; the client validates the ones it reads.
          }
        });
        socket.addEventListener('close', () => {
          if (!stopped) setTimeout(connect, RECONNECT_DELAY_MS);
        });
      };
      connect();
      return () => {
        stopped = true;
        socket?.close();
      };
    },
  );
}
