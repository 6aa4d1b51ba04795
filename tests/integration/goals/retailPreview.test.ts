import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMappingSchema } from '../../../shared/contract/imports';
import { instanceConfigSchema } from '../../../shared/instanceConfig';
import { datasetTable, getDatasetTable } from '../../../electron/engine/datasets/datasetCatalog';
import { importDataset } from '../../../electron/engine/imports/importDataset';
import { previewGoal } from '../../../electron/engine/instances/goalPreview';
import { saveInstance } from '../../../electron/engine/instances/instanceStore';
import { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import { quietControl, RETAIL_CSV_GZ } from '../../helpers/importFixture';
import { runCli } from '../../helpers/runCli';

const EXAMPLE = join(process.cwd(), 'examples', 'retail-orders-90d.json');
let dir: string;
let path: string;
let datasetId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pwb-retail-goal-'));
  path = join(dir, 'retail.pwb');
  const workspace = await Workspace.create(path, 'Retail');
  try {
    const mapping = importMappingSchema.parse({ name: 'retail', kind: 'events', idColumn: 'CustomerID', timeColumn: 'InvoiceDate', numericIds: true });
    const { dataset } = await importDataset(workspace.db, { files: [RETAIL_CSV_GZ] }, mapping, quietControl());
    datasetId = dataset.id;
  } finally {
    workspace.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Counted by hand-written SQL with the example's dates worked out by hand, not by the goal compiler. */
async function independentCounts(workspace: Workspace): Promise<{ population: number; positives: number }> {
  const table = await getDatasetTable(workspace.db, datasetId);
  const row = await workspace.db.one(
    `WITH active AS (
       SELECT DISTINCT "CustomerID" AS customer FROM ${datasetTable(table!.tableName)}
       WHERE "InvoiceDate" >= TIMESTAMP '2011-04-19 00:00:00' AND "InvoiceDate" < TIMESTAMP '2011-06-03 00:00:00'
     ), ordered AS (
       SELECT DISTINCT "CustomerID" AS customer FROM ${datasetTable(table!.tableName)}
       WHERE "InvoiceDate" >= TIMESTAMP '2011-06-03 00:00:00' AND "InvoiceDate" < TIMESTAMP '2011-09-01 00:00:00'
         AND "InvoiceNo" NOT LIKE 'C%'
     )
     SELECT (SELECT count(*) FROM active) AS population,
            (SELECT count(*) FROM active WHERE customer IN (SELECT customer FROM ordered)) AS positives`,
  );
  return { population: Number(row!['population']), positives: Number(row!['positives']) };
}

describe('the retail example goal (orders in the next 90 days as of 2011-09-01)', () => {
  it('previews the same population, positives and negatives as an independent SQL count', async () => {
    const workspace = await Workspace.open(path);
    try {
      const config = instanceConfigSchema.parse(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
      const preview = await previewGoal(workspace.db, config);
      const expected = await independentCounts(workspace);
      expect(expected.population).toBeGreaterThan(1000);
      expect(preview).toMatchObject({
        asOf: '2011-09-01T00:00:00',
        trainCutoff: '2011-06-03T00:00:00',
        population: expected.population,
        positives: expected.positives,
        negatives: expected.population - expected.positives,
      });
      expect(preview.customEvents[0]).toMatchObject({ name: 'Cancellation' });
      expect(preview.customEvents[0]!.events).toBeGreaterThan(1000);
    } finally {
      workspace.close();
    }
  });

  it('prints the same counts from pwb preview --json, and --as-of moves the cutoff', async () => {
    const workspace = await Workspace.open(path);
    const expected = await independentCounts(workspace).finally(() => workspace.close());
    const result = runCli(['preview', '--workspace', path, '--config', EXAMPLE, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    expect(json).toMatchObject({
      as_of: '2011-09-01T00:00:00',
      train_cutoff: '2011-06-03T00:00:00',
      population: expected.population,
      positives: expected.positives,
      negatives: expected.population - expected.positives,
      can_train: true,
    });
    expect(Array.isArray(json.diagnostics)).toBe(true);
    for (const diagnostic of json.diagnostics) expect(Object.keys(diagnostic)).toEqual(expect.arrayContaining(['code', 'message']));

    const later = JSON.parse(runCli(['preview', '--workspace', path, '--config', EXAMPLE, '--as-of', '2011-12-01', '--json']).stdout.trim());
    expect(later).toMatchObject({ as_of: '2011-12-01T00:00:00', train_cutoff: '2011-09-02T00:00:00' });
    expect(later.population).not.toBe(json.population);
  });

  it('previews a goal saved in the workspace by name, with the same counts as its file', async () => {
    const workspace = await Workspace.open(path);
    try {
      await saveInstance(workspace.db, instanceConfigSchema.parse(JSON.parse(readFileSync(EXAMPLE, 'utf8'))));
    } finally {
      workspace.close();
    }
    const fromFile = JSON.parse(runCli(['preview', '--workspace', path, '--config', EXAMPLE, '--json']).stdout.trim());
    const saved = runCli(['preview', '--workspace', path, '--instance', 'orders in the next 90 days', '--json']);
    expect(saved.status).toBe(0);
    expect({ ...JSON.parse(saved.stdout.trim()), seconds: 0 }).toEqual({ ...fromFile, seconds: 0 });
    const missing = runCli(['preview', '--workspace', path, '--instance', 'Churn']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no saved goal named "Churn" in this workspace \("Orders in the next 90 days"\)/);
    expect(runCli(['preview', '--workspace', path, '--instance', 'x', '--config', EXAMPLE]).status).toBe(2);
  });

  it('explains a config that names a missing field or is not valid, with the failing path', () => {
    const bad = join(dir, 'bad.json');
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    writeFileSync(bad, JSON.stringify({ ...example, goal: { ...example.goal, conditions: [{ field: 'InvoiceNumber', op: 'eq', value: '1' }] } }));
    const unknownField = runCli(['preview', '--workspace', path, '--config', bad, '--json']);
    expect(unknownField.status).toBe(1);
    expect(JSON.parse(unknownField.stdout.trim())).toMatchObject({ error: { code: 'invalid_input', field: 'goal.conditions.0.field' } });
    expect(unknownField.stderr).toMatch(/no field "InvoiceNumber" in the dataset "retail"/);

    writeFileSync(bad, JSON.stringify({ ...example, goal: { ...example.goal, conditions: [{ field: 'Quantity', op: 'between', value: [1] }] } }));
    const malformed = runCli(['preview', '--workspace', path, '--config', bad]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/goal\.conditions\.0\.value: "between" takes two values/);

    writeFileSync(bad, '{"name": ');
    expect(runCli(['preview', '--workspace', path, '--config', bad]).stderr).toMatch(/not valid JSON/);
    expect(runCli(['preview', '--workspace', path, '--config', EXAMPLE, '--as-of', '2011-13-01']).status).toBe(2);
  });
});
