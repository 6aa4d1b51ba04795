import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import { runCli, startCli } from '../../helpers/runCli';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

describe('pwb command line', () => {
  it('prints its commands for --help and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^pwb \d+\.\d+\.\d+: Propensity Workbench on the command line/);
    expect(result.stdout).toContain('serve');
    expect(result.stdout).toContain('demo');
  });

  it('runs as the package bin through npx', () => {
    const result = spawnSync('npx', ['--no-install', 'pwb', '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^pwb \d+\.\d+\.\d+: Propensity Workbench/);
    expect(result.stdout).toContain('Commands:');
  });

  it('exits 2 with the usage for an unknown command or flag', () => {
    const unknown = runCli(['train-everything']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "train-everything"');
    const badFlag = runCli(['serve', '--colour', 'blue']);
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toContain("Unknown option '--colour'");
    const badPort = runCli(['serve', '--port', 'eighty']);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('--port must be a whole number');
  });

  it('exits 1 with a readable message when the workspace to serve is not a workspace', () => {
    const result = runCli(['serve', '--workspace', join(process.cwd(), 'package.json')], { PWB_STATE_DIR: tempDir() });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('pwb serve: package.json is not a Propensity Workbench workspace.\n');
  });

  it('serves a workspace and prints the URL with its token on one line', async () => {
    const path = join(tempDir(), 'served.pwb');
    (await Workspace.create(path, 'Served')).close();
    const serve = startCli(['serve', '--workspace', path], { PWB_STATE_DIR: tempDir() });
    try {
      const url = await serve.firstLine;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+$/);
      const token = new URL(url).searchParams.get('token')!;
      const reply = await fetch(new URL('/api/call/workspace.current', url), { method: 'POST', headers: { 'X-Pwb-Token': token }, body: '{}' });
      expect(await reply.json()).toMatchObject({ ok: true, result: { name: 'Served', path } });
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });

  it('refuses to write the demo over an existing file', async () => {
    const path = join(tempDir(), 'existing.pwb');
    (await Workspace.create(path, 'Existing')).close();
    const again = runCli(['demo', '--workspace', path]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(existsSync(path)).toBe(true);
  });

  it('writes the demo workspace with its two datasets', async () => {
    const path = join(tempDir(), 'demo.pwb');
    const result = runCli(['demo', '--workspace', path]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Demo workspace written to ${path}\n`);
    const workspace = await Workspace.open(path);
    try {
      const rows = await workspace.db.all('SELECT kind, row_count, customer_count FROM pwb.datasets ORDER BY kind');
      expect(rows.map((row) => row['kind'])).toEqual(['events', 'profiles']);
      expect(Number(rows[0]!['row_count'])).toBeGreaterThanOrEqual(1_000_000);
      expect(Number(rows[0]!['customer_count'])).toBeGreaterThanOrEqual(20_000);
    } finally {
      workspace.close();
    }
  });
});
