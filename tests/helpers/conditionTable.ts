import type { DatasetSummary } from '../../shared/contract/datasets';
import { loadFieldCatalog, type FieldCatalog } from '../../electron/engine/conditions/fieldCatalog';
import { datasetTable } from '../../electron/engine/datasets/datasetCatalog';
import { Database } from '../../electron/engine/sql/database';

/**
 * An in-memory DuckDB with one small table of every field type (and missing values), for condition tests.
 * Rows: id 1..6.
 */
export const CONDITION_ROWS = [
  // id, txt, num, whole, ts, flag
  [1, 'C536379', 12.5, 3, '2011-01-05 10:00:00', true],
  [2, '536380', -4, 0, '2011-03-01 00:00:00', false],
  [3, 'Ca\'fé; --', 0, 7, '2011-06-30 23:59:59', true],
  [4, null, null, null, null, null],
  [5, 'c536381', 1e6, -2, '2010-12-31 08:00:00', false],
  [6, '', 3.25, 3, '2011-03-01 00:00:01', true],
] as const;

export interface ConditionTable {
  db: Database;
  table: string;
  catalog: FieldCatalog;
}

export async function openConditionTable(): Promise<ConditionTable> {
  const db = await Database.open(':memory:');
  await db.run('CREATE SCHEMA data');
  const table = datasetTable('conditions');
  await db.run(`CREATE TABLE ${table} (id INTEGER, txt VARCHAR, num DOUBLE, whole BIGINT, ts TIMESTAMP, flag BOOLEAN, "odd ""name""; --" VARCHAR, tags VARCHAR[])`);
  for (const row of CONDITION_ROWS) {
    await db.run(`INSERT INTO ${table} VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP), $6, $2, NULL)`, [...row]);
  }
  const summary: DatasetSummary = {
    id: 'ds_test',
    name: 'conditions',
    kind: 'events',
    idColumn: 'id',
    timeColumn: 'ts',
    eventTypeColumn: 'txt',
    rows: CONDITION_ROWS.length,
    customers: CONDITION_ROWS.length,
    minTime: null,
    maxTime: null,
    createdAt: '2026-01-01T00:00:00',
  };
  return { db, table, catalog: await loadFieldCatalog(db, summary, 'conditions') };
}
