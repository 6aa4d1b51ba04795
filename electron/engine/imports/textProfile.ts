import type { Database } from '../sql/database';
import type { RelationColumn, SourceRelation } from './sourceRelation';

export interface TextColumnProfile {
  column: RelationColumn;
  /** Values present (not NULL). */
  values: number;
  blank: number;
  /** Numbers with thousands separators (`1,234.50`). */
  separated: number;
  /** Plain numbers (`1234.5`). */
  plain: number;
  /** Values that start with a double quote. */
  quoted: number;
}

const SEPARATED = '-?\\d{1,3}(,\\d{3})+(\\.\\d+)?';
const PLAIN = '-?\\d+(\\.\\d+)?';

/**
 * What the sampled values of text columns look like, in one pass: the columns are unpivoted into rows, so a file with
 * thousands of columns costs one grouped query, not thousands of aggregates.
 */
export async function profileTextColumns(db: Database, sample: SourceRelation, columns: RelationColumn[]): Promise<TextColumnProfile[]> {
  if (columns.length === 0) return [];
  const aliased = columns.map((column, index) => `CAST(${column.expr} AS VARCHAR) AS c${index}`).join(', ');
  const rows = await db.all(
    `SELECT name, count(*) AS values_, count(*) FILTER (trim(value) = '') AS blank,
            count(*) FILTER (regexp_full_match(trim(value), $separated)) AS separated,
            count(*) FILTER (regexp_full_match(trim(value), $plain)) AS plain,
            count(*) FILTER (starts_with(value, '"')) AS quoted
     FROM (UNPIVOT (SELECT ${aliased} FROM ${sample.from}) ON COLUMNS(*) INTO NAME name VALUE value)
     GROUP BY name`,
    { separated: SEPARATED, plain: PLAIN },
  );
  const byAlias = new Map(rows.map((row) => [String(row['name']), row]));
  return columns.map((column, index) => {
    const row = byAlias.get(`c${index}`);
    return {
      column,
      values: Number(row?.['values_'] ?? 0),
      blank: Number(row?.['blank'] ?? 0),
      separated: Number(row?.['separated'] ?? 0),
      plain: Number(row?.['plain'] ?? 0),
      quoted: Number(row?.['quoted'] ?? 0),
    };
  });
}
