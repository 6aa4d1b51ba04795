import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMappingSchema } from '../../../shared/contract/imports';
import { EXPORT_COLUMNS } from '../../../shared/contract/segments';
import { importDataset } from '../../../electron/engine/imports/importDataset';
import { listRuns, runTables } from '../../../electron/engine/pipeline/runStore';
import { saveSegment } from '../../../electron/engine/segments/segmentStore';
import { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import { quietControl, RETAIL_CSV_GZ } from '../../helpers/importFixture';
import { runCli } from '../../helpers/runCli';

/** The best of recency, frequency, BG/NBD, xgboost and sklearn on hand-made RFM features under the same protocol. */
const BEST_BASELINE_AUC = 0.7277;
const GOAL_AUC = 0.733;

let dir: string;
let path: string;
let configPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pwb-retail-run-'));
  path = join(dir, 'retail.pwb');
  const workspace = await Workspace.create(path, 'Retail');
  try {
    const mapping = importMappingSchema.parse({ name: 'retail', kind: 'events', idColumn: 'CustomerID', timeColumn: 'InvoiceDate', numericIds: true });
    await importDataset(workspace.db, { files: [RETAIL_CSV_GZ] }, mapping, quietControl());
  } finally {
    workspace.close();
  }
  const example = JSON.parse(readFileSync(join(process.cwd(), 'examples', 'retail-orders-90d.json'), 'utf8'));
  configPath = join(dir, 'retail-all-customers.json');
  writeFileSync(configPath, JSON.stringify({ ...example, population: { ...example.population, active_within_days: null } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pwb run on the retail data (orders in the 90 days after 2011-09-01, every customer with history)', () => {
  it(`backtests above the best hand-made baseline (${BEST_BASELINE_AUC}) and reaches the goal AUC ${GOAL_AUC}`, () => {
    const out = join(dir, 'scores.csv');
    const result = runCli(['run', '--workspace', path, '--config', configPath, '--out', out, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    console.log(`retail realized AUC ${report.realized.auc} (validation ${report.metrics.validation.auc}; recency ${report.metrics.baselines.recency.auc}, single tree ${report.metrics.baselines.single_tree.auc})`);
    expect(report).toMatchObject({ as_of: '2011-09-01T00:00:00', train_cutoff: '2011-06-03T00:00:00', version: 1 });
    expect(report.train_population).toBeGreaterThan(2500);
    expect(report.scored).toBeGreaterThan(report.train_population);
    for (const key of ['auc', 'pr_auc', 'log_loss', 'brier']) expect(typeof report.metrics.validation[key]).toBe('number');
    expect(Object.keys(report.metrics.baselines)).toEqual(['recency', 'single_tree']);
    expect(report.realized.auc).toBeGreaterThanOrEqual(GOAL_AUC);
    expect(report.realized.positive_rate).toBeGreaterThan(0.3);
    expect(Object.keys(report.timings)).toEqual(expect.arrayContaining(['labels', 'features', 'training', 'scoring', 'explaining', 'saving', 'total']));

    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(lines.length - 1).toBe(report.scored);
    expect(lines[1]).toMatch(/^\d+,0\.\d+,[\d.]+,100,high,".+: .+, (raises|lowers) the likelihood by [\d.]+ points",-?0\.\d+/);
    expect(lines[1].endsWith(`,${report.run_id},2011-09-01,Orders in the next 90 days`)).toBe(true);
  });

  it('runs a goal saved in the workspace by name, as its next version', () => {
    const result = runCli(['run', '--workspace', path, '--instance', 'orders in the next 90 DAYS', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ instance: 'Orders in the next 90 days', version: 2, as_of: '2011-09-01T00:00:00' });
  });

  it('refuses a config that names a missing dataset, with the names it has', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(configPath, 'utf8')), name: 'Other', events: 'nope' }));
    const result = runCli(['run', '--workspace', path, '--config', bad, '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).error.message).toMatch(/no dataset "nope".*"retail"/);
  });

  it('exports the latest run, and a saved segment of it by name, with pwb export', async () => {
    const workspace = await Workspace.open(path);
    let highCount: number;
    try {
      const [latest] = await listRuns(workspace.db);
      await saveSegment(workspace.db, { runId: latest.runId, name: 'High bucket', definition: { match: 'all', conditions: [{ field: 'bucket', op: 'eq', value: 'high' }] } });
      highCount = Number((await workspace.db.one(`SELECT count(*) AS n FROM ${runTables(latest.runId).scores} WHERE bucket = 'high'`))?.['n']);
    } finally {
      workspace.close();
    }
    const parquet = join(dir, 'high.parquet');
    const segment = runCli(['export', '--workspace', path, '--run', 'latest', '--segment', 'high BUCKET', '--format', 'parquet', '--out', parquet, '--json']);
    expect(segment.status, segment.stderr).toBe(0);
    expect(JSON.parse(segment.stdout)).toMatchObject({ rows: highCount, path: parquet, format: 'parquet', segment: 'High bucket' });
    const all = runCli(['export', '--workspace', path, '--run', 'latest', '--format', 'json', '--out', join(dir, 'all.ndjson'), '--json']);
    expect(all.status, all.stderr).toBe(0);
    const lines = readFileSync(join(dir, 'all.ndjson'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(JSON.parse(all.stdout).rows);
    expect(Object.keys(JSON.parse(lines[0]))).toEqual([...EXPORT_COLUMNS]);

    const again = runCli(['export', '--workspace', path, '--run', 'latest', '--segment', 'High bucket', '--format', 'parquet', '--out', parquet, '--json']);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout).error.message).toMatch(/already exists; pass --force/);
    expect(runCli(['export', '--workspace', path, '--run', 'latest', '--segment', 'High bucket', '--format', 'parquet', '--out', parquet, '--force']).status).toBe(0);
    const missing = runCli(['export', '--workspace', path, '--run', 'latest', '--segment', 'Nope', '--format', 'csv', '--out', join(dir, 'x.csv'), '--json']);
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout).error.message).toMatch(/no segment "Nope".*"High bucket"/);
    expect(runCli(['export', '--workspace', path, '--run', 'latest', '--format', 'xlsx', '--out', join(dir, 'x.xlsx')]).status).toBe(2);
  });

  it('lists the runs newest first with pwb runs, and deletes one with its segments', () => {
    const listed = runCli(['runs', '--workspace', path, '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    const { runs } = JSON.parse(listed.stdout);
    expect(runs.map((run: { goal: string; version: number }) => [run.goal, run.version])).toEqual([
      ['Orders in the next 90 days', 2],
      ['Orders in the next 90 days', 1],
    ]);
    const [latest, first] = runs;
    expect(latest).toMatchObject({ as_of: '2011-09-01T00:00:00', segments: 1, propensity: 'conversion' });
    expect(latest.realized_auc).toBeGreaterThanOrEqual(GOAL_AUC);
    expect(first.segments).toBe(0);
    const table = runCli(['runs', '--workspace', path, '--goal', 'ORDERS IN THE NEXT 90 DAYS']);
    expect(table.stdout.split('\n')[0]).toMatch(/^RUN +GOAL +VERSION +AS OF +SCORED +VALIDATION AUC +REALIZED AUC +SEGMENTS +SAVED$/);
    expect(table.stdout).toContain(`${latest.run_id}  Orders in the next 90 days  v2`);
    const otherGoal = runCli(['runs', '--workspace', path, '--goal', 'Churn', '--json']);
    expect(otherGoal.status).toBe(1);
    expect(JSON.parse(otherGoal.stdout).error.message).toMatch(/No run of a goal named "Churn".*"Orders in the next 90 days"/);

    expect(runCli(['runs', '--workspace', path, '--delete', 'latest']).status).toBe(2);
    const deleted = runCli(['runs', '--workspace', path, '--delete', latest.run_id, '--json']);
    expect(deleted.status, deleted.stderr).toBe(0);
    expect(JSON.parse(deleted.stdout)).toEqual({ deleted: latest.run_id, segments: 1 });
    const after = JSON.parse(runCli(['runs', '--workspace', path, '--json']).stdout);
    expect(after.runs.map((run: { run_id: string }) => run.run_id)).toEqual([first.run_id]);
    const again = runCli(['runs', '--workspace', path, '--delete', latest.run_id, '--json']);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout).error.message).toBe(`No run ${latest.run_id} in this workspace.`);
    const exported = runCli(['export', '--workspace', path, '--run', 'latest', '--format', 'csv', '--out', join(dir, 'after-delete.csv'), '--json']);
    expect(JSON.parse(exported.stdout)).toMatchObject({ run_id: first.run_id, rows: first.scored });
  });
});
