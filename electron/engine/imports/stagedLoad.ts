import { datasetTable, datasetTableName, newDatasetId, tableColumns } from '../datasets/datasetCatalog';
import type { ImportMapping } from '../../../shared/contract/imports';
import type { Database } from '../sql/database';
import { buildImportSelect, RAW_TIME_COLUMN, type ImportSelect } from './importSelect';
import type { ImportControl } from './importDataset';
import { readParseRejects, type ParseRejects } from './parseRejects';
import type { SourceRelation } from './sourceRelation';
import type { TimeParsing } from './timeParsing';

const PROGRESS_POLL_MS = 200;

export interface StagedLoad {
  datasetId: string;
  staging: string;
  select: ImportSelect;
  parseRejects: ParseRejects;
  started: number;
}

/**
 * Reads every row into the dataset's table, committed on its own but not yet in the catalog: deleting rows from a table
 * written in the same transaction makes DuckDB's commit rewrite it, which costs as much as the read. `finishImport`
 * records it in the catalog, or the table is dropped (at the end of the import, or when the workspace next opens
 * after a crash).
 */
export async function loadStaging(db: Database, relation: SourceRelation, mapping: ImportMapping, time: TimeParsing | null, control: ImportControl): Promise<StagedLoad> {
  const started = performance.now();
  const datasetId = newDatasetId();
  const staging = datasetTableName(datasetId);
  const table = datasetTable(staging);
  const params = { ...relation.params, ...time?.params };
  const read = (sql: string, extra: Record<string, string> = {}) =>
    withProgress(db, control, (percent) => control.progress(0.05 + 0.75 * (percent / 100), `Reading rows: ${Math.round(percent)}%`), () =>
      db.run(`CREATE TABLE ${table} AS ${sql}`, { ...params, ...extra }),
    );
  control.progress(0.05, 'Reading rows');
  if (relation.strictFrom !== null) {
    const strict = buildImportSelect(relation, mapping, time, relation.strictFrom);
    try {
      await read(strict.sql);
      if (await hasColumns(db, staging, strict)) return { datasetId, staging, select: strict, parseRejects: NO_PARSE_REJECTS, started };
    } catch (error) {
      if (control.signal.aborted) throw error;
    }
    // A line the strict read could not parse (or a dialect it settled differently): read again, recording such lines.
    await db.run(`DROP TABLE IF EXISTS ${table}`);
    control.progress(0.05, 'Reading rows again, setting aside lines that cannot be parsed');
  }
  const select = buildImportSelect(relation, mapping, time);
  // A rejects table of this load's own: the sampling reads before it recorded their rejects elsewhere.
  const rejectsTable = relation.rejectsTable === null ? null : `pwb_rejects_${datasetId.slice(3)}`;
  await read(select.sql, rejectsTable === null ? {} : { rejects_table: rejectsTable, rejects_scan: `${rejectsTable}_scan` });
  return { datasetId, staging, select, parseRejects: await readParseRejects(db, rejectsTable), started };
}

const NO_PARSE_REJECTS: ParseRejects = { counts: {}, samples: [], castFailures: new Map(), total: 0 };

/** Whether the loaded table has exactly the columns the select makes (a read that sniffed another dialect would not). */
async function hasColumns(db: Database, tableName: string, select: ImportSelect): Promise<boolean> {
  const expected = [...select.columns.map((column) => column.name), ...(select.timeColumn === null ? [] : [RAW_TIME_COLUMN])];
  const columns = await tableColumns(db, tableName);
  return columns.length === expected.length && columns.every((name, index) => name === expected[index]);
}

/** Runs a long statement while reporting DuckDB's own progress estimate. */
async function withProgress(db: Database, control: ImportControl, report: (percent: number) => void, work: () => Promise<void>): Promise<void> {
  control.signal.throwIfAborted();
  const timer = setInterval(() => {
    const percent = db.progressPercent();
    if (percent >= 0) report(Math.min(100, percent));
  }, PROGRESS_POLL_MS);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  control.signal.throwIfAborted();
}
