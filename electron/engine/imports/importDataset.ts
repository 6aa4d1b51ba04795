import type { DatasetSummary } from '../../../shared/contract/datasets';
import type { ImportMapping, ImportSource, ImportWarning, QualityReport, RejectReason } from '../../../shared/contract/imports';
import { WorkbenchError } from '../../../shared/errors';
import { datasetNameTaken, datasetTable, registerDataset } from '../datasets/datasetCatalog';
import type { Database } from '../sql/database';
import { checkMappedColumns } from './mappedColumns';
import { convertNumericText, findNumericTextColumns } from './numericText';
import { composeReport, measureTable } from './qualityReport';
import { checkQuoting } from './quoting';
import { explainReadError } from './readErrors';
import { countRejects, dropRejectedRows, dropRepeatedIds, missingIdSamples, mixedTypeWarnings, rejectedTimeSamples } from './rejectedRows';
import { checkSourceHasRows, verifyCompressedFiles } from './sourceChecks';
import { openSource, sampleOf, withTextColumns, type SourceRelation } from './sourceRelation';
import { loadStaging, type StagedLoad } from './stagedLoad';
import { checkTimeSettings, planTimeParsing, type TimeParsing } from './timeParsing';

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
    await checkTimeSettings(db, mapping);
    control.progress(0.01, 'Reading the file layout');
    const retried = new Map<string, number>();
    const opened = await openSource(db, source);
    for (let attempt = 0; ; attempt += 1) {
      control.signal.throwIfAborted();
      const relation = withTextColumns(opened, new Set([...retried.keys(), mapping.idColumn, ...(mapping.timeColumn ? [mapping.timeColumn] : [])]));
      // DuckDB stops quietly at the end of a cut-off gzip stream; Node checks the whole stream alongside the load.
      if (gzipCheck === null) {
        gzipCheck = verifyCompressedFiles(relation.files, control.signal);
        // Awaited before publishing; until then its failure must not count as unhandled.
        gzipCheck.catch(() => undefined);
      }
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
    ...(counted.rejected.unparsable_time ? await rejectedTimeSamples(db, table) : []),
  ];
  if (rowsRead === 0) throw new WorkbenchError('invalid_input', `${fileNames(relation)} has no data rows${relation.header ? ' (only a header line)' : ''}.`, 'source.files');
  await dropRejectedRows(db, table, select.idColumn, select.timeColumn, Object.keys(counted.rejected).length > 0);
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
  const report = composeReport(
    {
      rowsRead,
      rowsImported,
      rowsRejected,
      rejectSamples: samples,
      warnings: [...relation.warnings, ...quoting, ...numbers.warnings, ...mixedTypeWarnings(retried, parseRejects.castFailures)],
      timeFormat: time?.description ?? null,
      sources: relation.files,
      format: relation.format,
      durationMs: 0,
    },
    measured,
  );
  control.progress(0.97, 'Recording the dataset');
  await beforePublish();
  // Another import may have taken the name while this one was reading.
  if (await datasetNameTaken(db, mapping.name)) throw new WorkbenchError('conflict', `A dataset named "${mapping.name}" already exists; choose another name.`, 'mapping.name');
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
