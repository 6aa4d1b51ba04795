import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function electronBinaryPresent(): boolean {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  return existsSync(pathFile) && existsSync(join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()));
}

describe('npm start without the Electron binary', () => {
  it('says so in one plain sentence and serves browser mode at the printed URL', async () => {
    // This machine cannot download Electron; if a binary is ever present the desktop app starts instead.
    expect(electronBinaryPresent()).toBe(false);
    const stateDir = mkdtempSync(join(tmpdir(), 'pwb-start-'));
    dirs.push(stateDir);
    const child = spawn(process.execPath, ['scripts/start.mjs'], { env: { ...process.env, PWB_STATE_DIR: stateDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; output so far:\n${output}`)), 120_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    const lines = output.trim().split('\n');
    expect(lines[0]).toMatch(/^The Electron desktop shell is not available on this machine .* browser mode instead; open the URL below\.$/);
    expect(lines[1]).toBe(url);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const token = new URL(url).searchParams.get('token')!;
    const info = await fetch(new URL('/api/call/app.info', url), { method: 'POST', headers: { 'X-Pwb-Token': token }, body: '{}' });
    expect(await info.json()).toMatchObject({ ok: true, result: { name: 'Propensity Workbench', transport: 'browser' } });
  });
});
