import type { ImportMapping, ImportWarning } from '../../../shared/contract/imports';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import type { SourceRelation } from './sourceRelation';
import { profileTextColumns } from './textProfile';

/**
 * CSV text columns that hold numbers the reader could not type: blanks written as spaces (` `) or thousands separators
 * (`1,234.50`). Judged on a sample; `convertNumericText` then checks every value before converting.
 */
export async function findNumericTextColumns(db: Database, sample: SourceRelation, mapping: ImportMapping): Promise<string[]> {
  if (sample.format !== 'csv') return [];
  const mapped = new Set([mapping.idColumn, mapping.timeColumn, mapping.eventTypeColumn]);
  const candidates = sample.columns.filter((column) => column.kind === 'text' && !mapped.has(column.name));
  const profiles = await profileTextColumns(db, sample, candidates);
  return profiles
    .filter(({ values, blank, separated, plain }) => values > blank && blank + separated + plain === values && (blank > 0 || separated > 0))
    .map(({ column }) => column.name);
}

/** Converts the candidate columns of the loaded table to numbers where every non-blank value is one; says what it did. */
export async function convertNumericText(db: Database, table: string, columns: string[]): Promise<{ converted: string[]; warnings: ImportWarning[] }> {
  const converted: string[] = [];
  const warnings: ImportWarning[] = [];
  for (const name of columns) {
    const column = quoteIdentifier(name);
    const number = `TRY_CAST(replace(NULLIF(trim(${column}), ''), ',', '') AS DOUBLE)`;
    const row = await db.one(
      `SELECT count(*) FILTER (trim(${column}) <> '' AND ${number} IS NULL) AS other, count(*) FILTER (trim(${column}) = '') AS blank,
              count(*) FILTER (contains(${column}, ',')) AS separated FROM ${table}`,
    );
    if (Number(row?.['other'] ?? 1) > 0) continue;
    await db.run(`ALTER TABLE ${table} ALTER ${column} SET DATA TYPE DOUBLE USING ${number}`);
    converted.push(name);
    const blank = Number(row?.['blank'] ?? 0);
    const separated = Number(row?.['separated'] ?? 0);
    const details = [
      ...(blank > 0 ? [`${blank.toLocaleString('en-US')} blank values (kept as empty)`] : []),
      ...(separated > 0 ? [`${separated.toLocaleString('en-US')} numbers with thousands separators`] : []),
    ];
    warnings.push({ code: 'NUMBERS_AS_TEXT', message: `${name} holds numbers written as text, with ${details.join(' and ')}; it was read as numbers.`, column: name, count: blank + separated });
  }
  return { converted, warnings };
}
