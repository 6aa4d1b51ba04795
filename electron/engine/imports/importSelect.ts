import type { ImportMapping } from '../../../shared/contract/imports';
import { quoteIdentifier } from '../sql/quote';
import type { SourceRelation } from './sourceRelation';
import type { TimeParsing } from './timeParsing';

/** Working column of the freshly loaded table (the source text of times that could not be read), dropped before the import commits. */
export const RAW_TIME_COLUMN = '__pwb_raw_time';

export interface ImportSelect {
  sql: string;
  idColumn: string;
  timeColumn: string | null;
  /** The dataset's columns as they will be stored. */
  columns: Array<{ name: string; type: string }>;
}

/**
 * One pass over the source: ids as trimmed text (normalised when asked), times parsed, and the source text kept only
 * where a time could not be read, so the reasons for rejecting rows can be counted afterwards. Nothing per row beyond
 * that: this statement is most of an import's time.
 */
export function buildImportSelect(relation: SourceRelation, mapping: ImportMapping, time: TimeParsing | null, from: string = relation.from): ImportSelect {
  const inner: string[] = [];
  const outer: string[] = [];
  const columns: ImportSelect['columns'] = [];
  const timeColumn = mapping.kind === 'events' ? mapping.timeColumn : null;
  relation.columns.forEach((column, index) => {
    const alias = `c${index}`;
    const name = quoteIdentifier(column.name);
    if (column.name === mapping.idColumn) {
      inner.push(`${idExpression(column.expr, mapping.numericIds)} AS ${alias}`);
      columns.push({ name: column.name, type: 'VARCHAR' });
    } else if (column.name === timeColumn && time !== null) {
      inner.push(`${column.expr} AS raw_time, ${time.expr} AS ${alias}`);
      columns.push({ name: column.name, type: 'TIMESTAMP' });
    } else {
      inner.push(`${column.expr} AS ${alias}`);
      columns.push({ name: column.name, type: column.type });
    }
    outer.push(`${alias} AS ${name}`);
  });
  const timeAlias = timeColumn === null ? null : `c${relation.columns.findIndex((column) => column.name === timeColumn)}`;
  if (timeAlias) outer.push(`CASE WHEN ${timeAlias} IS NULL AND raw_time IS NOT NULL THEN left(CAST(raw_time AS VARCHAR), 200) END AS ${quoteIdentifier(RAW_TIME_COLUMN)}`);
  return {
    sql: `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${from})`,
    idColumn: mapping.idColumn,
    timeColumn,
    columns,
  };
}

/**
 * Ids stay text: blank as missing, spaces around them trimmed (only looked at where there are some, which is cheap);
 * with `numericIds`, `17850.0` and `017850` both become `17850`.
 */
function idExpression(expr: string, numericIds: boolean): string {
  const raw = `CAST(${expr} AS VARCHAR)`;
  const text = `(CASE WHEN starts_with(${raw}, ' ') OR ends_with(${raw}, ' ') THEN NULLIF(trim(${raw}), '') ELSE NULLIF(${raw}, '') END)`;
  if (!numericIds) return text;
  return `CASE WHEN regexp_full_match(${text}, '-?\\d+(\\.0+)?') THEN coalesce(CAST(TRY_CAST(regexp_replace(${text}, '\\.0+$', '') AS HUGEINT) AS VARCHAR), ${text}) ELSE ${text} END`;
}
