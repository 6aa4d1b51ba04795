import { randomBytes } from 'node:crypto';
import type { DatasetKind, DatasetSummary } from '../../../shared/contract/datasets';
import { qualityReportSchema, type QualityReport } from '../../../shared/contract/imports';
import { WorkbenchError } from '../../../shared/errors';
import type { Database, Row } from '../sql/database';
import { qualifiedName, quoteIdentifier } from '../sql/quote';
import { nullableString } from '../sql/cellValues';

export const DATA_SCHEMA = 'data';
/** Imported tables are named after their dataset id; one without a catalog entry was left by an interrupted import. */
const IMPORTED_TABLE_PREFIX = 'd_';

export function datasetTableName(datasetId: string): string {
  return `${IMPORTED_TABLE_PREFIX}${datasetId.replace(/^ds_/, '')}`;
}

export interface DatasetRegistration {
  name: string;
  kind: DatasetKind;
  /** Table (in the `data` schema) that already holds the rows. */
  tableName: string;
  idColumn: string;
  timeColumn: string | null;
  eventTypeColumn: string | null;
  source: unknown;
  /** The catalog id; a fresh one when omitted. */
  id?: string;
  /** The import's quality report; its counts then stand in for a summary query over the table. */
  report?: QualityReport;
}

export function newDatasetId(): string {
  return `ds_${randomBytes(6).toString('hex')}`;
}

export function datasetTable(tableName: string): string {
  return qualifiedName(DATA_SCHEMA, tableName);
}

/** Records a dataset whose table exists, with its row, customer and time-span summary computed in DuckDB. */
export async function registerDataset(db: Database, registration: DatasetRegistration): Promise<DatasetSummary> {
  const columns = await tableColumns(db, registration.tableName);
  for (const [field, column] of [
    ['idColumn', registration.idColumn],
    ['timeColumn', registration.timeColumn],
    ['eventTypeColumn', registration.eventTypeColumn],
  ] as const) {
    if (column !== null && !columns.includes(column)) {
      throw new WorkbenchError('invalid_input', `Column "${column}" is not in the dataset.`, field);
    }
  }
  const report = registration.report;
  const summary = report
    ? { rows: report.rowsImported, customers: report.customers, min_time: report.minTime, max_time: report.maxTime }
    : await summarizeTable(db, registration);
  const datasetId = registration.id ?? newDatasetId();
  await db.run(
    `INSERT INTO pwb.datasets (id, name, kind, table_name, id_column, time_column, event_type_column, source,
                               row_count, customer_count, min_time, max_time, quality, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::JSON, $9, $10, $11::TIMESTAMP, $12::TIMESTAMP, $13::JSON, now()::TIMESTAMP)`,
    [
      datasetId,
      registration.name,
      registration.kind,
      registration.tableName,
      registration.idColumn,
      registration.timeColumn,
      registration.eventTypeColumn,
      JSON.stringify(registration.source ?? null),
      Number(summary?.['rows'] ?? 0),
      Number(summary?.['customers'] ?? 0),
      nullableString(summary?.['min_time']),
      nullableString(summary?.['max_time']),
      report ? JSON.stringify(report) : null,
    ],
  );
  const stored = await getDataset(db, datasetId);
  if (!stored) throw new WorkbenchError('internal', `Dataset ${registration.name} was not recorded.`);
  return stored;
}

async function summarizeTable(db: Database, registration: DatasetRegistration): Promise<Row | undefined> {
  const id = quoteIdentifier(registration.idColumn);
  const time = registration.timeColumn === null ? null : quoteIdentifier(registration.timeColumn);
  return db.one(
    `SELECT count(*) AS rows, count(DISTINCT ${id}) AS customers,
            ${time ? `CAST(min(${time}) AS TIMESTAMP)::VARCHAR` : 'NULL'} AS min_time,
            ${time ? `CAST(max(${time}) AS TIMESTAMP)::VARCHAR` : 'NULL'} AS max_time
     FROM ${datasetTable(registration.tableName)}`,
  );
}

export async function datasetNameTaken(db: Database, name: string, exceptId: string | null = null): Promise<boolean> {
  const row = await db.one('SELECT count(*) AS n FROM pwb.datasets WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2', [name, exceptId]);
  return Number(row?.['n'] ?? 0) > 0;
}

/** The quality report stored at import; null for datasets recorded without one. */
export async function getQualityReport(db: Database, id: string): Promise<QualityReport | null> {
  const row = await db.one('SELECT CAST(quality AS VARCHAR) AS quality FROM pwb.datasets WHERE id = $1', [id]);
  if (!row) throw new WorkbenchError('not_found', `No dataset ${id} in this workspace.`, 'datasetId');
  if (row['quality'] === null) return null;
  return qualityReportSchema.parse(JSON.parse(String(row['quality'])));
}

export async function renameDataset(db: Database, id: string, name: string): Promise<DatasetSummary> {
  if (!(await getDataset(db, id))) throw new WorkbenchError('not_found', `No dataset ${id} in this workspace.`, 'datasetId');
  if (await datasetNameTaken(db, name, id)) throw new WorkbenchError('conflict', `A dataset named "${name}" already exists; choose another name.`, 'name');
  await db.run('UPDATE pwb.datasets SET name = $1 WHERE id = $2', [name, id]);
  const renamed = await getDataset(db, id);
  if (!renamed) throw new WorkbenchError('internal', `Dataset ${id} vanished while being renamed.`);
  return renamed;
}

/** Removes a dataset's rows and its catalog entry together. */
export async function deleteDataset(db: Database, id: string): Promise<boolean> {
  const dataset = await getDatasetTable(db, id);
  if (!dataset) return false;
  await db.transaction(async () => {
    await db.run(`DROP TABLE IF EXISTS ${datasetTable(dataset.tableName)}`);
    await db.run('DELETE FROM pwb.datasets WHERE id = $1', [id]);
  });
  return true;
}

/** Drops the tables interrupted imports left outside the catalog; returns how many. */
export async function dropUncataloguedImports(db: Database): Promise<number> {
  const rows = await db.all(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = $1 AND starts_with(table_name, $2) AND table_name NOT IN (SELECT table_name FROM pwb.datasets)`,
    [DATA_SCHEMA, IMPORTED_TABLE_PREFIX],
  );
  for (const row of rows) await db.run(`DROP TABLE IF EXISTS ${datasetTable(String(row['table_name']))}`);
  return rows.length;
}

export async function listDatasets(db: Database): Promise<DatasetSummary[]> {
  const rows = await db.all(`${SELECT_DATASET} ORDER BY created_at, name`);
  return rows.map(toSummary);
}

export async function getDataset(db: Database, id: string): Promise<DatasetSummary | undefined> {
  const row = await db.one(`${SELECT_DATASET} WHERE id = $1`, [id]);
  return row ? toSummary(row) : undefined;
}

/** Where a dataset's rows live and which columns are mapped, as recorded in the catalog. */
export async function getDatasetTable(
  db: Database,
  id: string,
): Promise<{ name: string; tableName: string; idColumn: string; timeColumn: string | null } | undefined> {
  const row = await db.one('SELECT name, table_name, id_column, time_column FROM pwb.datasets WHERE id = $1', [id]);
  if (!row) return undefined;
  return {
    name: String(row['name']),
    tableName: String(row['table_name']),
    idColumn: String(row['id_column']),
    timeColumn: nullableString(row['time_column']),
  };
}

export async function tableColumns(db: Database, tableName: string): Promise<string[]> {
  const rows = await db.all(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [DATA_SCHEMA, tableName],
  );
  return rows.map((row) => String(row['column_name']));
}

export async function tableColumnTypes(db: Database, tableName: string): Promise<Array<{ name: string; type: string }>> {
  const rows = await db.all(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [DATA_SCHEMA, tableName],
  );
  return rows.map((row) => ({ name: String(row['column_name']), type: String(row['data_type']) }));
}

const SELECT_DATASET = `SELECT id, name, kind, id_column, time_column, event_type_column, row_count, customer_count,
  strftime(min_time, '%Y-%m-%dT%H:%M:%S') AS min_time, strftime(max_time, '%Y-%m-%dT%H:%M:%S') AS max_time,
  strftime(created_at, '%Y-%m-%dT%H:%M:%S') AS created_at FROM pwb.datasets`;

function toSummary(row: Row): DatasetSummary {
  return {
    id: String(row['id']),
    name: String(row['name']),
    kind: row['kind'] === 'profiles' ? 'profiles' : 'events',
    idColumn: String(row['id_column']),
    timeColumn: nullableString(row['time_column']),
    eventTypeColumn: nullableString(row['event_type_column']),
    rows: Number(row['row_count']),
    customers: Number(row['customer_count']),
    minTime: nullableString(row['min_time']),
    maxTime: nullableString(row['max_time']),
    createdAt: String(row['created_at']),
  };
}
