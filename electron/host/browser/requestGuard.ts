import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'pwb_token';
export const TOKEN_HEADER = 'x-pwb-token';

export type GuardVerdict = { allowed: true; tokenFrom: 'header' | 'query' | 'cookie' } | { allowed: false; status: 401 | 403; reason: string };

/**
 * Decides whether a request may reach the host: the Host header must name this host (no DNS rebinding),
 * an Origin, when sent, must be this host's own, and the per-start token must be presented.
 */
export function guardRequest(request: IncomingMessage, port: number, token: string, options: { allowCookie: boolean }): GuardVerdict {
  const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = request.headers.host ?? '';
  if (!ownHosts.includes(host)) return { allowed: false, status: 403, reason: 'This host only answers to 127.0.0.1.' };
  const origin = request.headers.origin;
  if (origin !== undefined && !ownHosts.some((own) => origin === `http://${own}`)) {
    return { allowed: false, status: 403, reason: 'Requests from other origins are refused.' };
  }
  const url = new URL(request.url ?? '/', `http://${host}`);
  const candidates: Array<['header' | 'query' | 'cookie', string | undefined]> = [
    ['header', headerToken(request)],
    ['query', url.searchParams.get('token') ?? undefined],
    ['cookie', options.allowCookie ? cookieToken(request) : undefined],
  ];
  for (const [source, presented] of candidates) {
    if (presented !== undefined && sameToken(presented, token)) return { allowed: true, tokenFrom: source };
  }
  return { allowed: false, status: 401, reason: 'A valid token is required. Use the URL printed when the host started.' };
}

function headerToken(request: IncomingMessage): string | undefined {
  const direct = request.headers[TOKEN_HEADER];
  if (typeof direct === 'string') return direct;
  const authorization = request.headers.authorization;
  return authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
}

function cookieToken(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
}

function sameToken(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
