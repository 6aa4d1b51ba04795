import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { basename, dirname, join, relative, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { uploadResultSchema } from '../../../shared/contract/imports';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser/browserHost';
import { removeOldUploads, safeUploadName, UPLOAD_RETENTION_MS } from '../../../electron/host/browser/uploadReceiver';
import { useEngines } from '../../helpers/engineFixture';
import { writeStaticSite } from '../../helpers/rendererFixture';

const { makeEngine, tempDir } = useEngines();
const hosts: BrowserHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function startHost(): Promise<{ host: BrowserHost; uploadsDir: string }> {
  const engine = makeEngine();
  const host = await startBrowserHost({ engine, staticDir: writeStaticSite(tempDir()), version: 'test' });
  hosts.push(host);
  return { host, uploadsDir: join(engine.stateDir, 'uploads') };
}

function upload(host: BrowserHost, name: string, body: BodyInit, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}/api/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-Pwb-Token': host.token, ...headers },
    body,
  });
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('browser host uploads', () => {
  it('answers 401 without the token in the header, even with it in the URL or a cookie', async () => {
    const { host, uploadsDir } = await startHost();
    expect((await upload(host, 'a.csv', 'x', { 'X-Pwb-Token': '' })).status).toBe(401);
    expect((await upload(host, 'a.csv', 'x', { 'X-Pwb-Token': 'wrong' })).status).toBe(401);
    const byQuery = await fetch(`${host.origin}/api/upload?name=a.csv&token=${host.token}`, { method: 'POST', body: 'x' });
    expect(byQuery.status).toBe(401);
    const byCookie = await fetch(`${host.origin}/api/upload?name=a.csv`, { method: 'POST', headers: { Cookie: `pwb_token=${host.token}` }, body: 'x' });
    expect(byCookie.status).toBe(401);
    expect(filesUnder(uploadsDir)).toEqual([]);
  });

  it('answers 403 to a foreign Origin even with the token', async () => {
    const { host, uploadsDir } = await startHost();
    expect((await upload(host, 'a.csv', 'x', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload(host, 'a.csv', 'x', { Origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect(filesUnder(uploadsDir)).toEqual([]);
  });

  it('stores the body byte for byte in a fresh folder under the state folder, keeping the extension', async () => {
    const { host, uploadsDir } = await startHost();
    const body = randomBytes(3 * 1024 * 1024 + 17);
    const response = await upload(host, 'events 2025.csv.gz', new Uint8Array(body), { Origin: host.origin });
    expect(response.status).toBe(200);
    const result = uploadResultSchema.parse(await response.json());
    expect(result.bytes).toBe(body.length);
    expect(basename(result.path)).toBe('events 2025.csv.gz');
    expect(relative(uploadsDir, result.path).split(sep)).toHaveLength(2);
    expect(readFileSync(result.path).equals(body)).toBe(true);

    const again = uploadResultSchema.parse(await (await upload(host, 'events 2025.csv.gz', 'second')).json());
    expect(dirname(again.path)).not.toBe(dirname(result.path));
    expect(readFileSync(result.path).equals(body)).toBe(true);
  });

  it('keeps only the last segment of a name that tries to leave the folder', async () => {
    const { host, uploadsDir } = await startHost();
    for (const name of ['../../x.csv', '..\\..\\x.csv', '/etc/x.csv']) {
      const result = uploadResultSchema.parse(await (await upload(host, name, 'id\n1\n')).json());
      expect(basename(result.path)).toBe('x.csv');
      expect(result.path.startsWith(uploadsDir + sep)).toBe(true);
      expect(readFileSync(result.path, 'utf8')).toBe('id\n1\n');
    }
    const dots = uploadResultSchema.parse(await (await upload(host, '..', 'x')).json());
    expect(dots.path.startsWith(uploadsDir + sep)).toBe(true);
    expect(basename(dots.path)).toBe('upload');
    expect(readdirSync(join(uploadsDir, '..'))).not.toContain('x.csv');
  });

  it('makes names safe to read back as a source pattern', () => {
    expect(safeUploadName('sales[2025]*?.csv')).toBe('sales_2025___.csv');
    expect(safeUploadName('.hidden.csv')).toBe('hidden.csv');
    expect(safeUploadName('a\u0000b\nc.tsv')).toBe('a_b_c.tsv');
    const long = safeUploadName(`${'x'.repeat(500)}.csv.gz`);
    expect(long.length).toBeLessThanOrEqual(180);
    expect(long.endsWith('.csv.gz')).toBe(true);
  });

  it('refuses other methods and a missing name', async () => {
    const { host } = await startHost();
    expect((await fetch(`${host.origin}/api/upload?name=a.csv`, { headers: { 'X-Pwb-Token': host.token } })).status).toBe(405);
    const nameless = await fetch(`${host.origin}/api/upload`, { method: 'POST', headers: { 'X-Pwb-Token': host.token }, body: 'x' });
    expect(nameless.status).toBe(400);
    expect(await nameless.json()).toMatchObject({ error: { message: expect.stringContaining('file name') } });
  });

  it('leaves nothing behind when the client breaks off mid-body', async () => {
    const { host, uploadsDir } = await startHost();
    const socket = connect({ host: '127.0.0.1', port: host.port });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`POST /api/upload?name=broken.csv HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Pwb-Token: ${host.token}\r\nContent-Length: 1000000\r\n\r\n`);
    socket.write(Buffer.alloc(64 * 1024, 'a'));
    // The partial file exists while the body is still arriving...
    await expect.poll(() => filesUnder(uploadsDir).map((file) => basename(file)), { timeout: 5000 }).toEqual(['broken.csv']);
    socket.destroy();
    // ...and is gone, folder and all, once the client breaks off.
    await expect.poll(() => (existsSync(uploadsDir) ? readdirSync(uploadsDir) : []), { timeout: 5000 }).toEqual([]);
  });

  it('refuses a body declared larger than 50 GiB before reading it', async () => {
    const { host, uploadsDir } = await startHost();
    const status = await new Promise<number>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: host.port }, () => {
        socket.write(
          `POST /api/upload?name=huge.csv HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Pwb-Token: ${host.token}\r\nContent-Length: ${60 * 1024 ** 3}\r\n\r\nabc`,
        );
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(Number(text.split(' ')[1])));
    });
    expect(status).toBe(413);
    expect(filesUnder(uploadsDir)).toEqual([]);
  });

  it('removes uploads older than a week and keeps recent ones', async () => {
    const uploadsDir = join(tempDir(), 'uploads');
    for (const folder of ['old', 'recent']) {
      mkdirSync(join(uploadsDir, folder), { recursive: true });
      writeFileSync(join(uploadsDir, folder, 'events.csv'), 'id\n1\n');
    }
    const weekAndADayAgo = (Date.now() - UPLOAD_RETENTION_MS - 86_400_000) / 1000;
    utimesSync(join(uploadsDir, 'old'), weekAndADayAgo, weekAndADayAgo);
    expect(await removeOldUploads(uploadsDir)).toBe(1);
    expect(readdirSync(uploadsDir)).toEqual(['recent']);
    expect(await removeOldUploads(join(tempDir(), 'missing'))).toBe(0);
  });
});
