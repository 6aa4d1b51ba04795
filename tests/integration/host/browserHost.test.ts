import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { methodNames } from '../../../shared/contract/methods';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser/browserHost';
import { useEngines } from '../../helpers/engineFixture';
import { invalidInputs } from '../../helpers/invalidInputs';
import { writeStaticSite } from '../../helpers/rendererFixture';

const { makeEngine, tempDir } = useEngines();
const hosts: BrowserHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function startHost(): Promise<BrowserHost> {
  const host = await startBrowserHost({ engine: makeEngine(), staticDir: writeStaticSite(tempDir()), version: 'test' });
  hosts.push(host);
  return host;
}

function call(host: BrowserHost, method: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Pwb-Token': host.token, ...headers },
    body: JSON.stringify(input),
  });
}

function openSocket(url: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }));
    ws.once('error', () => resolve({ status: -1 }));
  });
}

describe('browser host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const host = await startHost();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (external) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: external.address, port: host.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      expect(reached, `port ${host.port} answered on ${external.address}`).toBe(false);
    }
    const loopback = await fetch(`${host.origin}/?token=${host.token}`);
    expect(loopback.status).toBe(200);
  });

  it('answers 401 to calls, pages and sockets without the token, or with a wrong one', async () => {
    const host = await startHost();
    expect((await call(host, 'app.info', {}, { 'X-Pwb-Token': '' })).status).toBe(401);
    expect((await call(host, 'app.info', {}, { 'X-Pwb-Token': 'wrong-token' })).status).toBe(401);
    expect((await fetch(`${host.origin}/`)).status).toBe(401);
    expect((await fetch(`${host.origin}/assets/app.js`)).status).toBe(401);
    expect(await openSocket(`ws://127.0.0.1:${host.port}/api/events`)).toEqual({ status: 401 });
  });

  it('answers 403 to a foreign Origin or Host even with the right token', async () => {
    const host = await startHost();
    expect((await call(host, 'app.info', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await call(host, 'app.info', {}, { Origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await fetch(`${host.origin}/?token=${host.token}`, { headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    expect(await openSocket(`ws://127.0.0.1:${host.port}/api/events?token=${host.token}`, { Origin: 'http://evil.example' })).toEqual({ status: 403 });
    const rebound = await new Promise<number>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: host.port }, () => {
        socket.write(`POST /api/call/app.info HTTP/1.1\r\nHost: attacker.example:${host.port}\r\nX-Pwb-Token: ${host.token}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(Number(text.split(' ')[1])));
    });
    expect(rebound).toBe(403);
  });

  it('serves the page once with the token in the URL, then by cookie, and never outside its folder', async () => {
    const host = await startHost();
    const first = await fetch(host.url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-security-policy')).toContain("script-src 'self'");
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pwb_token=.+; Path=\/; HttpOnly; SameSite=Strict$/);
    const asset = await fetch(`${host.origin}/assets/app.js`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    // Calls never ride on the cookie: the page must present the token itself.
    const byCookie = await fetch(`${host.origin}/api/call/app.info`, { method: 'POST', headers: { Cookie: cookie.split(';')[0]! }, body: '{}' });
    expect(byCookie.status).toBe(401);
    const escape = await fetch(`${host.origin}/..%2f..%2f..%2fetc%2fpasswd?token=${host.token}`);
    expect(escape.status).toBe(404);
    const malformed = await fetch(`${host.origin}/%E0%A4%A?token=${host.token}`);
    expect(malformed.status).toBe(404);
  });

  it('answers calls with the token and validates every method’s input over HTTP', async () => {
    const host = await startHost();
    const info = await (await call(host, 'app.info', {})).json();
    expect(info).toMatchObject({ ok: true, result: { transport: 'browser', nativeDialogs: false, workspace: null } });
    for (const method of methodNames) {
      for (const { input, field } of invalidInputs[method]) {
        const reply = await (await call(host, method, input)).json();
        expect(reply, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
      }
    }
    const broken = await fetch(`${host.origin}/api/call/app.info`, { method: 'POST', headers: { 'X-Pwb-Token': host.token }, body: '{not json' });
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('pushes engine events to a socket that presents the token', async () => {
    const host = await startHost();
    const opened = await openSocket(`ws://127.0.0.1:${host.port}/api/events?token=${host.token}`, { Origin: host.origin });
    if (!('ws' in opened)) throw new Error(`socket refused with ${opened.status}`);
    const received = new Promise<unknown>((resolve) => opened.ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    const path = join(tempDir(), 'events.pwb');
    await call(host, 'workspace.create', { path, name: 'Events' });
    expect(await received).toMatchObject({ event: 'workspace.changed', payload: { workspace: { name: 'Events', path } } });
    opened.ws.close();
  });
});
