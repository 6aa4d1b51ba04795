import type { ImportMapping } from '../../../shared/contract/imports';
import type { Database } from '../sql/database';
import type { SourceRelation } from './sourceRelation';

const SAMPLE_SIZE = 5000;
const SEPARATED = '-?\\d{1,3}(,\\d{3})+(\\.\\d+)?';
const PLAIN = '-?\\d+(\\.\\d+)?';

/**
 * Text columns whose values are all numbers, some written with thousands separators (`1,234.50`): these are read as
 * numbers. Returns each such column with how many sampled values carried separators. CSV only; the mapped columns stay as they are.
 */
export async function findSeparatedNumbers(db: Database, relation: SourceRelation, mapping: ImportMapping): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (relation.format !== 'csv') return found;
  const mapped = new Set([mapping.idColumn, mapping.timeColumn, mapping.eventTypeColumn]);
  const candidates = relation.columns.filter((column) => column.kind === 'text' && !mapped.has(column.name));
  if (candidates.length === 0) return found;
  const measures = candidates
    .map(
      (column, index) =>
        `count(${column.expr}) AS n${index}, count(*) FILTER (regexp_full_match(${column.expr}, $separated)) AS s${index}, count(*) FILTER (regexp_full_match(${column.expr}, $plain)) AS p${index}`,
    )
    .join(', ');
  const row = await db.one(`SELECT ${measures} FROM (SELECT * FROM ${relation.from} LIMIT ${SAMPLE_SIZE})`, {
    ...relation.params,
    separated: SEPARATED,
    plain: PLAIN,
  });
  candidates.forEach((column, index) => {
    const values = Number(row?.[`n${index}`] ?? 0);
    const separated = Number(row?.[`s${index}`] ?? 0);
    const plain = Number(row?.[`p${index}`] ?? 0);
    if (separated > 0 && separated + plain === values) found.set(column.name, separated);
  });
  return found;
}

/** SQL that reads such a column as a number (NULL where a later value is not one). */
export function separatedNumberExpr(expr: string): string {
  return `TRY_CAST(replace(${expr}, ',', '') AS DOUBLE)`;
}
