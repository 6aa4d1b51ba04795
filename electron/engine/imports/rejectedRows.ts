import type { ImportWarning, RejectReason } from '../../../shared/contract/imports';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import { RAW_TIME_COLUMN } from './importSelect';

/** Rows without an id, without a time, or with a time that could not be read (its text kept in the working column). */
export async function countRejects(db: Database, table: string, idColumn: string, timeColumn: string | null) {
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

/** Removes the rejected rows (a scan of the whole table, skipped when there are none) and the working column. */
export async function dropRejectedRows(db: Database, table: string, idColumn: string, timeColumn: string | null, anyRejected: boolean): Promise<void> {
  const id = quoteIdentifier(idColumn);
  if (anyRejected) {
    await db.run(`DELETE FROM ${table} WHERE ${id} IS NULL${timeColumn === null ? '' : ` OR ${quoteIdentifier(timeColumn)} IS NULL`}`);
  }
  if (timeColumn !== null) await db.run(`ALTER TABLE ${table} DROP COLUMN ${quoteIdentifier(RAW_TIME_COLUMN)}`);
}

/** A few rows without an id, shown by their first other columns so the user can find them in the file. */
export async function missingIdSamples(db: Database, table: string, select: { idColumn: string; columns: Array<{ name: string }> }) {
  const shown = select.columns.filter((column) => column.name !== select.idColumn && column.name !== RAW_TIME_COLUMN).slice(0, 4);
  if (shown.length === 0) return [{ reason: 'null_id' as const, line: null, detail: `no ${select.idColumn}` }];
  const values = shown.map((column) => `CAST(${quoteIdentifier(column.name)} AS VARCHAR)`).join(', ');
  const rows = await db.all(`SELECT [${values}] AS shown FROM ${table} WHERE ${quoteIdentifier(select.idColumn)} IS NULL LIMIT 3`);
  return rows.map((row) => {
    const cells = (row['shown'] as Array<string | null>).map((value, index) => `${shown[index]?.name}=${value ?? ''}`);
    return { reason: 'null_id' as const, line: null, detail: `no ${select.idColumn}: ${cells.join(', ')}` };
  });
}

export async function rejectedTimeSamples(db: Database, table: string) {
  const rows = await db.all(
    `SELECT ${quoteIdentifier(RAW_TIME_COLUMN)} AS raw FROM ${table} WHERE trim(${quoteIdentifier(RAW_TIME_COLUMN)}) <> '' LIMIT 3`,
  );
  return rows.map((row) => ({ reason: 'unparsable_time' as const, line: null, detail: `could not read "${String(row['raw'])}" as a time` }));
}

/** A profile has one row per customer: the first row of each id is kept, the later ones are rejected. */
export async function dropRepeatedIds(db: Database, table: string, idColumn: string) {
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

export function mixedTypeWarnings(retried: ReadonlyMap<string, number>, castFailures: ReadonlyMap<string, number>): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (const [column, count] of retried) {
    warnings.push({ code: 'MIXED_TYPES', message: `${column} mixes values of different types (${count} lines did not fit the type detected from the first rows); it was imported as text.`, column, count });
  }
  for (const [column, count] of castFailures) {
    warnings.push({ code: 'MIXED_TYPES', message: `${column} mixes values of different types; ${count} lines that did not fit were rejected.`, column, count });
  }
  return warnings;
}
