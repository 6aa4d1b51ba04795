import type { ColumnKind } from '../../../shared/contract/imports';

/** What a DuckDB type holds, in the words the UI uses. */
export function columnKind(type: string): ColumnKind {
  const upper = type.toUpperCase();
  if (upper === 'VARCHAR' || upper.startsWith('ENUM') || upper === 'UUID') return 'text';
  if (upper.startsWith('TIMESTAMP') || upper === 'DATE') return 'time';
  if (upper === 'BOOLEAN') return 'boolean';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/.test(upper)) return 'number';
  return 'other';
}
