import type { FieldValues } from '../../../shared/contract/instances';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import type { FieldCatalog } from './fieldCatalog';
import { SqlParameters } from './sqlParameters';
import { nullableNumber, nullableString } from '../sql/cellValues';

/** What a field holds, for the value pickers: the most frequent values with counts, or the range. */
export async function fieldValues(db: Database, table: string, catalog: FieldCatalog, fieldName: string, search: string, limit: number): Promise<FieldValues> {
  const field = catalog.fields.get(fieldName);
  if (!field) throw new WorkbenchError('invalid_input', `There is no field "${fieldName}" in ${catalog.source}.`, 'field');
  const column = quoteIdentifier(field.name);
  if (field.type === 'number') {
    const row = await db.one(
      `SELECT CAST(min(${column}) AS DOUBLE) AS min, CAST(max(${column}) AS DOUBLE) AS max,
              CAST(approx_quantile(${column}, 0.5) AS DOUBLE) AS median, count(*) FILTER (WHERE ${column} IS NULL) AS missing
       FROM ${table}`,
    );
    return { type: 'number', min: nullableNumber(row?.['min']), max: nullableNumber(row?.['max']), median: nullableNumber(row?.['median']), missing: Number(row?.['missing'] ?? 0) };
  }
  if (field.type === 'time') {
    const row = await db.one(
      `SELECT strftime(CAST(min(${column}) AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S') AS min, strftime(CAST(max(${column}) AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S') AS max,
              count(*) FILTER (WHERE ${column} IS NULL) AS missing
       FROM ${table}`,
    );
    return { type: 'time', min: nullableString(row?.['min']), max: nullableString(row?.['max']), missing: Number(row?.['missing'] ?? 0) };
  }
  const params = new SqlParameters();
  const text = field.type === 'text' ? `CAST(${column} AS VARCHAR)` : column;
  const matching = search.length > 0 && field.type === 'text' ? ` AND contains(lower(${text}), lower(${params.bind(search)}))` : '';
  const counted = `SELECT ${text} AS value, count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL${matching} GROUP BY ALL`;
  const limitParam = params.bind(limit);
  const rows = await db.all(
    `WITH counted AS (${counted})
     SELECT value, n, (SELECT count(*) FROM counted) AS distinct_values,
            (SELECT count(*) FROM ${table} WHERE ${column} IS NULL) AS missing
     FROM counted ORDER BY n DESC, value LIMIT CAST(${limitParam} AS BIGINT)`,
    params.values,
  );
  const values = rows.map((row) => ({ value: field.type === 'boolean' ? Boolean(row['value']) : String(row['value']), count: Number(row['n']) }));
  const missing = rows.length > 0 ? Number(rows[0]!['missing']) : Number((await db.one(`SELECT count(*) AS n FROM ${table} WHERE ${column} IS NULL`))?.['n'] ?? 0);
  if (field.type === 'boolean') return { type: 'boolean', values, missing };
  return { type: 'text', values, distinct: rows.length > 0 ? Number(rows[0]!['distinct_values']) : 0, missing };
}
