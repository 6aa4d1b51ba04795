import { basename } from 'node:path';
import type { DatasetSummary } from '../../../shared/contract/datasets';
import type { ImportMapping, ImportSource, ImportWarning, QualityReport, RejectReason } from '../../../shared/contract/imports';
import { WorkbenchError } from '../../../shared/errors';
import { datasetNameTaken, datasetTable, datasetTableName, newDatasetId, registerDataset, tableColumns } from '../datasets/datasetCatalog';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import { buildImportSelect, RAW_TIME_COLUMN, type ImportSelect } from './importSelect';
import { checkMappedColumns } from './mappedColumns';
import { readParseRejects, type ParseRejects } from './parseRejects';
import { measureTable } from './qualityReport';
import { explainReadError } from './readErrors';
import { checkQuoting } from './quoting';
import { verifyGzip } from './fileScans';
import { emptyTextReason, isGzip, type SourceFile } from './sourceFiles';
import { convertNumericText, findNumericTextColumns } from './numericText';
import { openSource, sampleOf, type SourceRelation } from './sourceRelation';
import { planTimeParsing, type TimeParsing } from './timeParsing';

export interface ImportControl {
  signal: AbortSignal;
  progress(fraction: number, message: string): void;
}

export interface ImportOutcome {
  dataset: DatasetSummary;
  report: QualityReport;
  timings: { loadMs: number; reportMs: number };
}

/** Columns that may hold mixed types are retried as text this many times before the import gives up. */
const MAX_TYPE_RETRIES = 3;
const PROGRESS_POLL_MS = 200;
const INTERRUPT_REPEAT_MS = 50;

/**
 * Imports a source as a new dataset, on a connection of its own: the rows, the rejects by reason, the quality report
 * and the catalog entry land together, or nothing does. The table is filled outside the catalog and the dataset comes
 * into being with one INSERT into it; a failed or cancelled import drops the table, a crash's leftover is dropped when
 * the workspace next opens.
 */
export async function importDataset(workspaceDb: Database, source: ImportSource, mapping: ImportMapping, control: ImportControl): Promise<ImportOutcome> {
  if (mapping.kind === 'events' && mapping.timeColumn === null) {
    throw new WorkbenchError('invalid_input', 'An events dataset needs a time column: choose which column says when each event happened.', 'mapping.timeColumn');
  }
  if (await datasetNameTaken(workspaceDb, mapping.name)) {
    throw new WorkbenchError('conflict', `A dataset named "${mapping.name}" already exists; choose another name.`, 'mapping.name');
  }
  const db = await workspaceDb.connect();
  // A cancel that lands between two statements would miss them both, so the interrupt repeats until the import ends.
  let interrupting: ReturnType<typeof setInterval> | undefined;
  const interrupt = () => {
    db.interrupt();
    interrupting = setInterval(() => db.interrupt(), INTERRUPT_REPEAT_MS);
  };
  control.signal.addEventListener('abort', interrupt);
  let gzipCheck: Promise<void> | null = null;
  const staged: string[] = [];
  let succeeded = false;
  try {
    control.progress(0.01, 'Reading the file layout');
    const retried = new Map<string, number>();
    for (let attempt = 0; ; attempt += 1) {
      control.signal.throwIfAborted();
      const textColumns = new Set([...retried.keys(), mapping.idColumn, ...(mapping.timeColumn ? [mapping.timeColumn] : [])]);
      const relation = await openSource(db, source, { textColumns });
      // DuckDB stops quietly at the end of a cut-off gzip stream; Node checks the whole stream alongside the load.
      gzipCheck ??= verifyCompressedFiles(relation.files, control.signal);
      const sample = await sampleOf(db, relation);
      await checkSourceHasRows(db, relation, sample);
      checkMappedColumns(relation, mapping);
      const quoting = relation.format === 'csv' ? await checkQuoting(db, relation, sample, source.delimiter) : [];
      const time = mapping.kind === 'events' ? await planTimeParsing(db, sample, findColumn(relation, mapping.timeColumn), mapping) : null;
      const numericText = await findNumericTextColumns(db, sample, mapping);
      const check = gzipCheck;
      const loaded = await loadStaging(db, relation, mapping, time, control);
      staged.push(loaded.staging);
      if (loaded.parseRejects.castFailures.size > 0 && attempt < MAX_TYPE_RETRIES) {
        // Columns whose later values do not fit the type read from the first rows are read again as text.
        await db.run(`DROP TABLE ${datasetTable(loaded.staging)}`);
        for (const [column, count] of loaded.parseRejects.castFailures) retried.set(column, (retried.get(column) ?? 0) + count);
        continue;
      }
      const outcome = await finishImport(db, relation, mapping, time, numericText, retried, quoting, loaded, control, async () => {
        control.progress(0.98, 'Checking the compressed files');
        await check;
      });
      succeeded = true;
      return outcome;
    }
  } catch (error) {
    if (control.signal.aborted) throw new WorkbenchError('cancelled', 'Import cancelled; the workspace is unchanged.');
    throw await explainReadError(error, source.files, source.format ?? 'csv');
  } finally {
    control.signal.removeEventListener('abort', interrupt);
    clearInterval(interrupting);
    await gzipCheck?.catch(() => undefined);
    // A table a failed or cancelled import left outside the catalog goes now (one left by a crash goes when the workspace next opens).
    if (!succeeded) for (const staging of staged) await db.run(`DROP TABLE IF EXISTS ${datasetTable(staging)}`).catch(() => undefined);
    db.close();
  }
}

/** Every gzip source decompressed end to end in Node; a damaged or truncated one fails the import by name. */
async function verifyCompressedFiles(files: SourceFile[], signal: AbortSignal): Promise<void> {
  for (const file of files.filter((candidate) => isGzip(candidate.path))) {
    try {
      await verifyGzip(file.path, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new WorkbenchError('invalid_input', `${basename(file.path)} is damaged or truncated: its compressed data ${/end of file/i.test(reason) ? 'ends too early' : `cannot be read (${reason})`}. Nothing was imported.`, 'source.files');
    }
  }
}

/** A source without a single row is refused before anything else is judged, with the reason in its own words. */
async function checkSourceHasRows(db: Database, relation: SourceRelation, sample: SourceRelation): Promise<void> {
  if (relation.format === 'csv') {
    // Blank lines read as rows of NULLs, so small files are judged by their text first.
    const reasons = relation.files.map((file) => emptyTextReason(file.path));
    const reason = reasons.find((entry) => entry !== null);
    if (reason && reasons.every((entry) => entry !== null)) throw new WorkbenchError('invalid_input', reason, 'source.files');
  }
  const row = await db.one(`SELECT count(*) AS n FROM ${sample.from}`);
  if (Number(row?.['n'] ?? 0) > 0) return;
  const parseRejects = relation.rejectsTable === null ? undefined : await db.one(`SELECT count(*) AS n FROM ${quoteIdentifier(relation.rejectsTable)}`).catch(() => undefined);
  if (Number(parseRejects?.['n'] ?? 0) > 0) return;
  throw new WorkbenchError('invalid_input', `${relation.files.map((entry) => basename(entry.path)).join(', ')} has no data rows.`, 'source.files');
}

interface StagedLoad {
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
async function loadStaging(db: Database, relation: SourceRelation, mapping: ImportMapping, time: TimeParsing | null, control: ImportControl): Promise<StagedLoad> {
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

/**
 * Everything after the read: rejects counted and removed, the report, and last the catalog entry, whose single
 * INSERT is the moment the dataset exists. Until then the table is nobody's and is dropped on any failure.
 */
async function finishImport(
  db: Database,
  relation: SourceRelation,
  mapping: ImportMapping,
  time: TimeParsing | null,
  numericText: string[],
  retried: ReadonlyMap<string, number>,
  quoting: ImportWarning[],
  loaded: StagedLoad,
  control: ImportControl,
  beforePublish: () => Promise<void>,
): Promise<ImportOutcome> {
  const { datasetId, select, parseRejects, started } = loaded;
  const tableName = loaded.staging;
  const table = datasetTable(tableName);
  control.progress(0.82, 'Counting rejected rows');
  const counted = await countRejects(db, table, select.idColumn, select.timeColumn);
  const rowsRejected: Partial<Record<RejectReason, number>> = { ...parseRejects.counts, ...counted.rejected };
  const rowsRead = parseRejects.total + counted.rows;
  const samples = [
    ...parseRejects.samples,
    ...(counted.rejected.null_id ? await missingIdSamples(db, table, select) : []),
    ...(select.timeColumn === null ? [] : await rejectedTimeSamples(db, table)),
  ];
  if (rowsRead === 0) throw new WorkbenchError('invalid_input', `${fileNames(relation)} has no data rows${relation.header ? ' (only a header line)' : ''}.`, 'source.files');
  await dropRejectedRows(db, table, select.idColumn, select.timeColumn);
  if (mapping.kind === 'profiles') {
    const duplicates = await dropRepeatedIds(db, table, select.idColumn);
    if (duplicates.count > 0) {
      rowsRejected.duplicate_id = duplicates.count;
      samples.push(...duplicates.samples);
    }
  }
  const numbers = await convertNumericText(db, table, numericText);
  const columns = select.columns.map((column) => (numbers.converted.includes(column.name) ? { ...column, type: 'DOUBLE' } : column));
  const rowsImported = rowsRead - Object.values(rowsRejected).reduce((sum, count) => sum + count, 0);
  if (rowsImported === 0) throw nothingImported(relation, mapping, rowsRead, rowsRejected, samples);
  const loadMs = performance.now() - started;

  control.progress(0.88, 'Measuring data quality');
  const reportStarted = performance.now();
  const measured = await measureTable(db, {
    table,
    columns,
    idColumn: select.idColumn,
    timeColumn: select.timeColumn,
    eventTypeColumn: mapping.eventTypeColumn,
  });
  const warnings: ImportWarning[] = [...relation.warnings, ...quoting, ...numbers.warnings, ...mixedTypeWarnings(retried, parseRejects.castFailures), ...measured.warnings];
  const report: QualityReport = {
    rowsRead,
    rowsImported,
    rowsRejected,
    rejectSamples: samples,
    customers: measured.customers,
    minTime: measured.minTime,
    maxTime: measured.maxTime,
    duplicateRows: measured.duplicateRows,
    futureRows: measured.futureRows,
    eventsPerMonth: measured.eventsPerMonth,
    eventsPerType: measured.eventsPerType,
    columns: measured.columns,
    warnings,
    timeFormat: time?.description ?? null,
    sources: relation.files,
    format: relation.format,
    importedAt: new Date().toISOString(),
    durationMs: 0,
  };
  control.progress(0.97, 'Recording the dataset');
  await beforePublish();
  report.durationMs = performance.now() - started;
  const dataset = await registerDataset(db, {
    id: datasetId,
    name: mapping.name,
    kind: mapping.kind,
    tableName,
    idColumn: select.idColumn,
    timeColumn: select.timeColumn,
    eventTypeColumn: mapping.eventTypeColumn,
    source: { files: relation.files, format: relation.format, mapping },
    report,
  });
  return { dataset, report, timings: { loadMs, reportMs: performance.now() - reportStarted } };
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

/** Rows without an id, without a time, or with a time that could not be read (its text kept in the working column). */
async function countRejects(db: Database, table: string, idColumn: string, timeColumn: string | null) {
  const id = quoteIdentifier(idColumn);
  const time = timeColumn === null ? null : quoteIdentifier(timeColumn);
  const raw = quoteIdentifier(RAW_TIME_COLUMN);
  const row = await db.one(
    `SELECT count(*) AS rows, count(*) FILTER (${id} IS NULL) AS null_id,
            ${time ? `count(*) FILTER (${id} IS NOT NULL AND ${time} IS NULL AND (${raw} IS NULL OR trim(${raw}) = ''))` : '0'} AS null_time,
            ${time ? `count(*) FILTER (${id} IS NOT NULL AND ${time} IS NULL AND trim(${raw}) <> '')` : '0'} AS unparsable_time
     FROM ${table}`,
  );
  const rejected: Partial<Record<RejectReason, number>> = {};
  for (const reason of ['null_id', 'null_time', 'unparsable_time'] as const) {
    const count = Number(row?.[reason] ?? 0);
    if (count > 0) rejected[reason] = count;
  }
  return { rows: Number(row?.['rows'] ?? 0), rejected };
}

async function dropRejectedRows(db: Database, table: string, idColumn: string, timeColumn: string | null): Promise<void> {
  const id = quoteIdentifier(idColumn);
  if (timeColumn === null) {
    await db.run(`DELETE FROM ${table} WHERE ${id} IS NULL`);
    return;
  }
  await db.run(`DELETE FROM ${table} WHERE ${id} IS NULL OR ${quoteIdentifier(timeColumn)} IS NULL`);
  await db.run(`ALTER TABLE ${table} DROP COLUMN ${quoteIdentifier(RAW_TIME_COLUMN)}`);
}

/** A few rows without an id, shown by their first other columns so the user can find them in the file. */
async function missingIdSamples(db: Database, table: string, select: { idColumn: string; columns: Array<{ name: string }> }) {
  const shown = select.columns.filter((column) => column.name !== select.idColumn && column.name !== RAW_TIME_COLUMN).slice(0, 4);
  if (shown.length === 0) return [{ reason: 'null_id' as const, line: null, detail: `no ${select.idColumn}` }];
  const values = shown.map((column) => `CAST(${quoteIdentifier(column.name)} AS VARCHAR)`).join(', ');
  const rows = await db.all(`SELECT [${values}] AS shown FROM ${table} WHERE ${quoteIdentifier(select.idColumn)} IS NULL LIMIT 3`);
  return rows.map((row) => {
    const cells = (row['shown'] as Array<string | null>).map((value, index) => `${shown[index]?.name}=${value ?? ''}`);
    return { reason: 'null_id' as const, line: null, detail: `no ${select.idColumn}: ${cells.join(', ')}` };
  });
}

async function rejectedTimeSamples(db: Database, table: string) {
  const rows = await db.all(
    `SELECT ${quoteIdentifier(RAW_TIME_COLUMN)} AS raw FROM ${table} WHERE trim(${quoteIdentifier(RAW_TIME_COLUMN)}) <> '' LIMIT 3`,
  );
  return rows.map((row) => ({ reason: 'unparsable_time' as const, line: null, detail: `could not read "${String(row['raw'])}" as a time` }));
}

/** A profile has one row per customer: the first row of each id is kept, the later ones are rejected. */
async function dropRepeatedIds(db: Database, table: string, idColumn: string) {
  const id = quoteIdentifier(idColumn);
  const row = await db.one(`SELECT count(*) - count(DISTINCT ${id}) AS repeats FROM ${table}`);
  const count = Number(row?.['repeats'] ?? 0);
  if (count === 0) return { count, samples: [] };
  const repeated = await db.all(`SELECT ${id} AS id, count(*) AS n FROM ${table} GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC, 1 LIMIT 3`);
  await db.run(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM (SELECT rowid, row_number() OVER (PARTITION BY ${id} ORDER BY rowid) AS n FROM ${table}) WHERE n > 1)`);
  const samples = repeated.map((entry) => ({
    reason: 'duplicate_id' as const,
    line: null,
    detail: `${idColumn} ${String(entry['id'])} appears in ${Number(entry['n'])} rows; the first was kept`,
  }));
  return { count, samples };
}

function mixedTypeWarnings(retried: ReadonlyMap<string, number>, castFailures: ReadonlyMap<string, number>): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (const [column, count] of retried) {
    warnings.push({ code: 'MIXED_TYPES', message: `${column} mixes values of different types (${count} lines did not fit the type detected from the first rows); it was imported as text.`, column, count });
  }
  for (const [column, count] of castFailures) {
    warnings.push({ code: 'MIXED_TYPES', message: `${column} mixes values of different types; ${count} lines that did not fit were rejected.`, column, count });
  }
  return warnings;
}

function nothingImported(relation: SourceRelation, mapping: ImportMapping, rowsRead: number, rejected: Partial<Record<RejectReason, number>>, samples: QualityReport['rejectSamples']): WorkbenchError {
  const read = rowsRead.toLocaleString('en-US');
  if (rejected.null_id === rowsRead) {
    return new WorkbenchError('invalid_input', `Every one of the ${read} rows has an empty "${mapping.idColumn}"; nothing was imported. Is it the right id column?`, 'mapping.idColumn');
  }
  if ((rejected.unparsable_time ?? 0) + (rejected.null_id ?? 0) + (rejected.null_time ?? 0) === rowsRead && (rejected.unparsable_time ?? 0) > 0) {
    const example = samples.find((sample) => sample.reason === 'unparsable_time')?.detail ?? '';
    return new WorkbenchError('invalid_input', `None of the ${read} values of "${mapping.timeColumn}" could be read as a time (${example}). Give their format (--time-format).`, 'mapping.timeFormat');
  }
  if (rejected.null_time === rowsRead) {
    return new WorkbenchError('invalid_input', `Every one of the ${read} rows has an empty "${mapping.timeColumn}"; nothing was imported.`, 'mapping.timeColumn');
  }
  const breakdown = Object.entries(rejected).map(([reason, count]) => `${count} ${reason.replaceAll('_', ' ')}`).join(', ');
  return new WorkbenchError('invalid_input', `None of the ${read} rows of ${fileNames(relation)} could be imported (${breakdown}).`, 'source.files');
}

function findColumn(relation: SourceRelation, name: string | null) {
  const column = relation.columns.find((candidate) => candidate.name === name);
  if (!column) throw new WorkbenchError('internal', `Column ${String(name)} vanished from the source.`);
  return column;
}

function fileNames(relation: SourceRelation): string {
  return relation.files.map((file) => file.path.split('/').pop()).join(', ');
}
