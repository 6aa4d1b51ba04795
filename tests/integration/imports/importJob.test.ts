import { spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract/events';
import { createInProcessClient } from '../../../electron/host/inProcess';
import { useEngines } from '../../helpers/engineFixture';
import { PWB } from '../../helpers/runCli';

const { makeEngine, tempDir } = useEngines();

/** A CSV large enough that its import takes a few seconds on this machine. */
async function writeLargeCsv(path: string, rows: number): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `COPY (SELECT 'C' || (i % 50000) AS customer_id, TIMESTAMP '2025-01-01' + to_seconds(i % 31536000) AS event_time,
           ['view', 'cart', 'purchase'][i % 3 + 1] AS event_type, (i % 1000) / 10.0 AS amount, md5(i::VARCHAR) AS note
           FROM range(${rows}) t(i)) TO '${path.replaceAll("'", "''")}' (HEADER)`,
  );
  connection.closeSync();
  instance.closeSync();
}

function waitFor<E extends 'job.finished' | 'job.progress'>(client: ReturnType<typeof createInProcessClient>, event: E, jobId: string): Promise<EventPayload<E>> {
  return new Promise((resolve) => {
    const off = client.on(event, (payload) => {
      if (payload.jobId !== jobId) return;
      off();
      resolve(payload as EventPayload<E>);
    });
  });
}

describe('import jobs through the contract', () => {
  it('previews, imports with progress events, reports quality, renames and deletes a dataset', async () => {
    const client = createInProcessClient(makeEngine());
    await client.call('workspace.create', { path: join(tempDir(), 'jobs.pwb') });
    const file = join(tempDir(), 'events.csv');
    writeFileSync(file, 'customer,when,what\nc1,2025-01-01 10:00:00,buy\nc2,2025-02-01 10:00:00,view\n,2025-02-02 10:00:00,view\n');
    const preview = await client.call('imports.preview', { source: { files: [file] } });
    expect(preview.suggestion).toMatchObject({ kind: 'events', idColumn: 'customer', timeColumn: 'when' });

    const progress: string[] = [];
    client.on('job.progress', ({ message }) => progress.push(message));
    const { jobId, kind } = await client.call('imports.start', { source: { files: [file] }, mapping: { name: 'Events', kind: 'events', idColumn: 'customer', timeColumn: 'when', eventTypeColumn: 'what' } });
    expect(kind).toBe('import');
    const finished = await waitFor(client, 'job.finished', jobId);
    expect(finished).toMatchObject({ status: 'succeeded', datasetId: expect.stringMatching(/^ds_/) });
    expect(progress).toContain('Reading the file layout');
    const datasetId = finished.datasetId as string;
    const { report } = await client.call('datasets.quality', { datasetId });
    expect(report).toMatchObject({ rowsRead: 3, rowsImported: 2, rowsRejected: { null_id: 1 }, customers: 2, eventsPerMonth: [{ month: '2025-01', events: 1 }, { month: '2025-02', events: 1 }] });
    expect((await client.call('jobs.list', {})).jobs.find((job) => job.jobId === jobId)).toMatchObject({ status: 'succeeded', datasetId });

    const { jobId: second } = await client.call('imports.start', { source: { files: [file] }, mapping: { name: 'Copy', kind: 'events', idColumn: 'customer', timeColumn: 'when' } });
    await waitFor(client, 'job.finished', second);
    await expect(client.call('datasets.rename', { datasetId, name: 'copy' })).rejects.toMatchObject({ code: 'conflict', field: 'name' });
    expect(await client.call('datasets.rename', { datasetId, name: 'Web events' })).toMatchObject({ id: datasetId, name: 'Web events' });
    expect(await client.call('datasets.delete', { datasetId })).toEqual({ deleted: true });
    expect(await client.call('datasets.delete', { datasetId })).toEqual({ deleted: false });
    expect((await client.call('datasets.list', {})).datasets.map((dataset) => dataset.name)).toEqual(['Copy']);
    await expect(client.call('datasets.quality', { datasetId })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('runs two imports into the same workspace at once, each on its own connection', async () => {
    const client = createInProcessClient(makeEngine());
    await client.call('workspace.create', { path: join(tempDir(), 'both.pwb') });
    const events = join(tempDir(), 'events.csv');
    await writeLargeCsv(events, 300_000);
    const profiles = join(tempDir(), 'profiles.csv');
    writeFileSync(profiles, ['customer_id,tier', ...Array.from({ length: 5000 }, (_, index) => `C${index},${index % 3 ? 'silver' : 'gold'}`)].join('\n'));
    const first = await client.call('imports.start', { source: { files: [events] }, mapping: { name: 'Events', kind: 'events', idColumn: 'customer_id', timeColumn: 'event_time' } });
    const second = await client.call('imports.start', { source: { files: [profiles] }, mapping: { name: 'Profiles', kind: 'profiles', idColumn: 'customer_id' } });
    const [one, two] = await Promise.all([waitFor(client, 'job.finished', first.jobId), waitFor(client, 'job.finished', second.jobId)]);
    expect([one.status, two.status]).toEqual(['succeeded', 'succeeded']);
    const datasets = (await client.call('datasets.list', {})).datasets;
    expect(datasets.map((dataset) => [dataset.name, dataset.rows]).sort()).toEqual([
      ['Events', 300_000],
      ['Profiles', 5000],
    ]);
  }, 60_000);

  it('cancels a running import within a second and leaves no table or catalog entry behind', async () => {
    const engine = makeEngine();
    const client = createInProcessClient(engine);
    await client.call('workspace.create', { path: join(tempDir(), 'cancel.pwb') });
    const file = join(tempDir(), 'large.csv');
    await writeLargeCsv(file, 3_000_000);
    const { jobId } = await client.call('imports.start', { source: { files: [file] }, mapping: { name: 'Large', kind: 'events', idColumn: 'customer_id', timeColumn: 'event_time' } });
    const reading = new Promise<void>((resolve) => {
      const off = client.on('job.progress', ({ message }) => {
        if (message.startsWith('Reading rows')) {
          off();
          resolve();
        }
      });
    });
    await reading;
    const finished = waitFor(client, 'job.finished', jobId);
    const asked = performance.now();
    expect(await client.call('jobs.cancel', { jobId })).toEqual({ cancelled: true });
    const outcome = await finished;
    expect(performance.now() - asked).toBeLessThan(1000);
    expect(outcome).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });
    expect((await client.call('datasets.list', {})).datasets).toEqual([]);
    const workspace = engine.requireWorkspace();
    expect(await workspace.db.all("SELECT table_name FROM information_schema.tables WHERE table_schema = 'data'")).toEqual([]);
  }, 60_000);

  it('cancels an import still running when the workspace is closed, and the workspace reopens clean', async () => {
    const client = createInProcessClient(makeEngine());
    const path = join(tempDir(), 'close.pwb');
    await client.call('workspace.create', { path });
    const file = join(tempDir(), 'large.csv');
    await writeLargeCsv(file, 2_000_000);
    const { jobId } = await client.call('imports.start', { source: { files: [file] }, mapping: { name: 'Large', kind: 'events', idColumn: 'customer_id', timeColumn: 'event_time' } });
    const finished = waitFor(client, 'job.finished', jobId);
    expect(await client.call('workspace.close', {})).toEqual({ closed: true });
    expect((await finished).status).toBe('cancelled');
    await client.call('workspace.open', { path });
    expect((await client.call('datasets.list', {})).datasets).toEqual([]);
  }, 60_000);
});

describe('an import killed half-way', () => {
  it('leaves no table behind once the workspace is opened again', async () => {
    const dir = tempDir();
    const path = join(dir, 'killed.pwb');
    const file = join(dir, 'large.csv');
    await writeLargeCsv(file, 3_000_000);
    const child = spawn(process.execPath, [PWB, 'import', '--workspace', path, '--name', 'Large', '--kind', 'events', '--file', file, '--id', 'customer_id', '--time', 'event_time'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill it once the load is writing rows: the database file has grown well past an empty workspace.
    const emptySize = 300_000;
    await expect.poll(() => (existsSync(path) ? statSync(path).size : 0) + (existsSync(`${path}.wal`) ? statSync(`${path}.wal`).size : 0), { timeout: 30_000, interval: 20 }).toBeGreaterThan(emptySize);
    child.kill('SIGKILL');
    await exited;

    const engine = makeEngine();
    const client = createInProcessClient(engine);
    await client.call('workspace.open', { path });
    expect((await client.call('datasets.list', {})).datasets).toEqual([]);
    expect(await engine.requireWorkspace().db.all("SELECT table_name FROM information_schema.tables WHERE table_schema = 'data'")).toEqual([]);
  }, 60_000);
});

describe('tables outside the catalog', () => {
  it('are dropped when the workspace opens, while catalogued datasets stay', async () => {
    const path = join(tempDir(), 'leftover.pwb');
    const file = join(tempDir(), 'events.csv');
    writeFileSync(file, 'customer,when\nc1,2025-01-01 10:00:00\n');
    const first = createInProcessClient(makeEngine());
    await first.call('workspace.create', { path });
    const { jobId } = await first.call('imports.start', { source: { files: [file] }, mapping: { name: 'Kept', kind: 'events', idColumn: 'customer', timeColumn: 'when' } });
    await waitFor(first, 'job.finished', jobId);
    await first.call('workspace.close', {});

    // What a crash between the load and the catalog entry leaves: a filled table no dataset points to.
    const raw = await DuckDBInstance.create(path);
    const connection = await raw.connect();
    await connection.run(`CREATE TABLE data.d_0123456789ab AS SELECT 1 AS customer`);
    connection.closeSync();
    raw.closeSync();

    const engine = makeEngine();
    const second = createInProcessClient(engine);
    await second.call('workspace.open', { path });
    const tables = await engine.requireWorkspace().db.all("SELECT table_name FROM information_schema.tables WHERE table_schema = 'data'");
    const datasets = (await second.call('datasets.list', {})).datasets;
    expect(datasets.map((dataset) => dataset.name)).toEqual(['Kept']);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.['table_name']).not.toBe('d_0123456789ab');
  });
});
