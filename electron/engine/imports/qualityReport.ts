import type { ColumnQuality, ImportWarning, QualityReport } from '../../../shared/contract/imports';
import type { SourceFile } from './sourceFiles';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import { columnKind } from './columnKinds';
import { nullableString } from '../sql/cellValues';

export interface ReportTarget {
  /** Qualified, quoted table name. */
  table: string;
  columns: Array<{ name: string; type: string }>;
  idColumn: string;
  timeColumn: string | null;
  eventTypeColumn: string | null;
}

export type TableQuality = Pick<
  QualityReport,
  'customers' | 'minTime' | 'maxTime' | 'duplicateRows' | 'futureRows' | 'eventsPerMonth' | 'eventsPerType' | 'columns' | 'warnings'
> & { rows: number };

const TOP_EVENT_TYPES = 50;
const MAX_EMPTY_VALUE_WARNINGS = 50;

/** What the imported rows look like: completeness per column, customers, time span, duplicates, months and event types. */
export async function measureTable(db: Database, target: ReportTarget, now: Date = new Date()): Promise<TableQuality> {
  const id = quoteIdentifier(target.idColumn);
  const time = target.timeColumn === null ? null : quoteIdentifier(target.timeColumn);
  const nonNull = target.columns.map((column, index) => `count(${quoteIdentifier(column.name)}) AS c${index}`).join(', ');
  const summary = await db.one(
    `SELECT count(*) AS rows, count(DISTINCT ${id}) AS customers, ${nonNull},
            ${time ? `strftime(min(${time}), '%Y-%m-%dT%H:%M:%S')` : 'NULL'} AS min_time,
            ${time ? `strftime(max(${time}), '%Y-%m-%dT%H:%M:%S')` : 'NULL'} AS max_time,
            ${time ? `count(*) FILTER (${time} > CAST($now AS TIMESTAMP))` : '0'} AS future
     FROM ${target.table}`,
    time ? { now: wallClock(now) } : {},
  );
  const rows = Number(summary?.['rows'] ?? 0);
  const everyColumn = target.columns.map((column) => quoteIdentifier(column.name)).join(', ');
  const distinctRows = await db.one(`SELECT count(DISTINCT hash(${everyColumn})) AS distinct_rows FROM ${target.table}`);
  const duplicateRows = rows - Number(distinctRows?.['distinct_rows'] ?? rows);
  const columns: ColumnQuality[] = target.columns.map((column, index) => {
    const count = Number(summary?.[`c${index}`] ?? 0);
    return { name: column.name, type: column.type, kind: columnKind(column.type), nonNull: count, completeness: rows === 0 ? 0 : count / rows };
  });
  const eventsPerMonth = time
    ? (
        await db.all(
          `SELECT strftime(month, '%Y-%m') AS month, events FROM (SELECT date_trunc('month', ${time}) AS month, count(*) AS events FROM ${target.table} WHERE ${time} IS NOT NULL GROUP BY 1) ORDER BY 1`,
        )
      ).map((row) => ({
        month: String(row['month']),
        events: Number(row['events']),
      }))
    : [];
  const eventsPerType = target.eventTypeColumn
    ? (
        await db.all(
          `SELECT CAST(${quoteIdentifier(target.eventTypeColumn)} AS VARCHAR) AS type, count(*) AS events FROM ${target.table} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP_EVENT_TYPES}`,
        )
      ).map((row) => ({ type: row['type'] === null ? null : String(row['type']), events: Number(row['events']) }))
    : [];
  const futureRows = Number(summary?.['future'] ?? 0);
  return {
    rows,
    customers: Number(summary?.['customers'] ?? 0),
    minTime: nullableString(summary?.['min_time']),
    maxTime: nullableString(summary?.['max_time']),
    duplicateRows,
    futureRows,
    eventsPerMonth,
    eventsPerType,
    columns,
    warnings: tableWarnings(rows, columns, duplicateRows, futureRows),
  };
}

function tableWarnings(rows: number, columns: ColumnQuality[], duplicateRows: number, futureRows: number): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const withGaps = columns.filter((column) => column.nonNull < rows);
  for (const column of withGaps.slice(0, MAX_EMPTY_VALUE_WARNINGS)) {
    const empty = rows - column.nonNull;
    warnings.push({
      code: column.nonNull === 0 ? 'EMPTY_COLUMN' : 'EMPTY_VALUES',
      message: column.nonNull === 0 ? `${column.name} is empty in every row.` : `${column.name} is empty in ${empty.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows.`,
      column: column.name,
      count: empty,
    });
  }
  if (withGaps.length > MAX_EMPTY_VALUE_WARNINGS) {
    warnings.push({ code: 'EMPTY_VALUES', message: `${withGaps.length - MAX_EMPTY_VALUE_WARNINGS} more columns have empty values.`, count: withGaps.length - MAX_EMPTY_VALUE_WARNINGS });
  }
  if (duplicateRows > 0) {
    warnings.push({ code: 'DUPLICATE_ROWS', message: `${duplicateRows.toLocaleString('en-US')} rows repeat an earlier row exactly; they were kept.`, count: duplicateRows });
  }
  if (futureRows > 0) {
    warnings.push({ code: 'FUTURE_TIMESTAMPS', message: `${futureRows.toLocaleString('en-US')} rows are timed after the moment of import.`, count: futureRows });
  }
  return warnings;
}

/** The machine's local time as a wall-clock TIMESTAMP literal, the way event times are stored. */
function wallClock(now: Date): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().replace('T', ' ').replace('Z', '');
}

/** What the report says about how the rows were read, beside what `measureTable` found in them. */
export interface ReadSummary {
  rowsRead: number;
  rowsImported: number;
  rowsRejected: QualityReport['rowsRejected'];
  rejectSamples: QualityReport['rejectSamples'];
  /** Warnings about the reading, listed before the table's own. */
  warnings: ImportWarning[];
  timeFormat: string | null;
  sources: SourceFile[];
  format: QualityReport['format'];
  durationMs: number;
}

/** The one way a quality report is put together. */
export function composeReport(read: ReadSummary, measured: TableQuality): QualityReport {
  return {
    rowsRead: read.rowsRead,
    rowsImported: read.rowsImported,
    rowsRejected: read.rowsRejected,
    rejectSamples: read.rejectSamples,
    customers: measured.customers,
    minTime: measured.minTime,
    maxTime: measured.maxTime,
    duplicateRows: measured.duplicateRows,
    futureRows: measured.futureRows,
    eventsPerMonth: measured.eventsPerMonth,
    eventsPerType: measured.eventsPerType,
    columns: measured.columns,
    warnings: [...read.warnings, ...measured.warnings],
    timeFormat: read.timeFormat,
    sources: read.sources,
    format: read.format,
    importedAt: new Date().toISOString(),
    durationMs: read.durationMs,
  };
}
