import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Engine } from '../../engine/engine';
import { CONTENT_SECURITY_POLICY } from '../contentSecurityPolicy';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { guardRequest, TOKEN_COOKIE } from './requestGuard';
import { readStaticFile } from './staticFiles';
import { receiveUpload, removeOldUploads, UploadError } from './uploadReceiver';

export interface BrowserHostOptions {
  engine: Engine;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  version: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface BrowserHost {
  port: number;
  token: string;
  origin: string;
  /** The URL to open, token included. */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const CALL_PREFIX = '/api/call/';
const EVENTS_PATH = '/api/events';
const UPLOAD_PATH = '/api/upload';

/** Serves the contract over HTTP (calls) and WebSocket (events), and the built renderer, on 127.0.0.1 only. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const dispatch = createDispatcher(createHandlers(options.engine, { transport: 'browser', version: options.version }));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  let port = 0;

  const uploadsDir = join(options.engine.stateDir, 'uploads');
  await removeOldUploads(uploadsDir);

  // No whole-request deadline: an upload of several GiB takes longer than any sane one; uploads have an idle timeout instead.
  const server = createServer({ requestTimeout: 0 }, (request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `Internal error: ${String(error)}`);
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const isCall = url.pathname.startsWith(CALL_PREFIX);
    const isUpload = url.pathname === UPLOAD_PATH;
    const verdict = guardRequest(request, port, token, { allowCookie: !isCall && !isUpload });
    if (!verdict.allowed) return send(response, verdict.status, 'text/plain; charset=utf-8', verdict.reason);

    if (isUpload) {
      // Like a call, an upload must present the token itself; unlike one, not in the URL either, where it would stay in logs and history.
      if (verdict.tokenFrom !== 'header') return send(response, 401, 'text/plain; charset=utf-8', 'Uploads need the token in the X-Pwb-Token header.');
      return handleUpload(request, response, url);
    }

    if (isCall) {
      if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'Calls are POST requests.');
      const method = url.pathname.slice(CALL_PREFIX.length);
      const body = await readBody(request);
      if (body === null) return send(response, 413, 'text/plain; charset=utf-8', 'The request body is too large.');
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return sendJson(response, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.', field: 'input' } });
      }
      return sendJson(response, await dispatch(method, input));
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    const file = readStaticFile(options.staticDir, url.pathname);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    if (verdict.tokenFrom === 'query') {
      response.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`);
    }
    send(response, 200, file.contentType, file.body);
  }

  async function handleUpload(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method !== 'POST') return sendUploadError(response, 405, 'Uploads are POST requests.');
    const name = url.searchParams.get('name');
    if (!name) return sendUploadError(response, 400, 'The upload needs the file name (?name=).');
    try {
      sendJson(response, await receiveUpload(request, uploadsDir, name));
    } catch (error) {
      if (request.destroyed || response.destroyed) return;
      const status = error instanceof UploadError ? error.status : 500;
      response.setHeader('Connection', 'close');
      sendUploadError(response, status, error instanceof Error ? error.message : String(error));
    }
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const verdict = guardRequest(request, port, token, { allowCookie: false });
    if (url.pathname !== EVENTS_PATH || !verdict.allowed) {
      const status = !verdict.allowed ? verdict.status : 404;
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws: WebSocket) => {
      const unsubscribe = options.engine.events.subscribe((message) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
      });
      ws.on('close', unsubscribe);
      ws.on('error', unsubscribe);
      // Clients only listen; anything they send is ignored.
      ws.on('message', () => undefined);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The browser host did not get a TCP port.');
  port = address.port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    token,
    origin,
    url: `${origin}/?token=${token}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function sendJson(response: ServerResponse, value: unknown, status = 200): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function sendUploadError(response: ServerResponse, status: number, message: string): void {
  sendJson(response, { error: { code: status === 500 ? 'io_error' : 'invalid_input', message } }, status);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
