import { DuckDBListType, DuckDBMapType, DuckDBStructType, type DuckDBType } from '@duckdb/node-api';
import { quoteIdentifier } from '../sql/quote';

export interface FlatColumn {
  /** Dotted name: `commerce.order.priceTotal`, `productListItems[0].SKU`. */
  name: string;
  /** SQL over the raw relation that yields this column's value. */
  expr: string;
  type: string;
}

const MAX_DEPTH = 8;

/**
 * Nested objects (JSON, Parquet) become dotted columns. A list of objects contributes its first item's fields
 * as `name[0].field` (the shape of event exports, where most lists hold one item); other lists and maps are kept as JSON text.
 */
export function flattenColumns(columns: Array<{ name: string; type: DuckDBType }>): FlatColumn[] {
  const flat: FlatColumn[] = [];
  for (const column of columns) visit(column.name, quoteIdentifier(column.name), column.type, 0, flat);
  return dedupeNames(flat);
}

function visit(name: string, expr: string, type: DuckDBType, depth: number, out: FlatColumn[]): void {
  if (type instanceof DuckDBStructType && depth < MAX_DEPTH) {
    type.entryNames.forEach((field, index) => {
      const fieldType = type.entryTypes[index] as DuckDBType;
      visit(`${name}.${field}`, `(${expr}).${quoteIdentifier(field)}`, fieldType, depth + 1, out);
    });
    return;
  }
  if (type instanceof DuckDBListType && type.valueType instanceof DuckDBStructType && depth < MAX_DEPTH) {
    visit(`${name}[0]`, `(${expr})[1]`, type.valueType, depth + 1, out);
    return;
  }
  if (type instanceof DuckDBListType || type instanceof DuckDBMapType || type instanceof DuckDBStructType) {
    out.push({ name, expr: `CAST(to_json(${expr}) AS VARCHAR)`, type: 'VARCHAR' });
    return;
  }
  const sqlType = type.toString();
  out.push({ name, expr: sqlType === 'JSON' ? `CAST(${expr} AS VARCHAR)` : expr, type: sqlType === 'JSON' ? 'VARCHAR' : sqlType });
}

/** Keeps every name unique (`a.b` from a nested object may meet a column literally named `a.b`). */
function dedupeNames(columns: FlatColumn[]): FlatColumn[] {
  const seen = new Set<string>();
  return columns.map((column) => {
    let name = column.name;
    for (let suffix = 2; seen.has(name); suffix += 1) name = `${column.name}_${suffix}`;
    seen.add(name);
    return { ...column, name };
  });
}
