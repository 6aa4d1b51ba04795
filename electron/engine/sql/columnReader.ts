import type { DuckDBValue } from '@duckdb/node-api';
import type { Database } from './database';

/** A query's result read column-wise: its first column as text ids, its second as 0/1 labels, the rest as numbers. */
export interface LabelledColumns {
  ids: string[];
  /** 1 where the label column is true; 0 where false or null. */
  labels: Uint8Array;
  /** One per remaining column; NULL becomes NaN. */
  columns: Float32Array[];
}

/**
 * Streams the result chunk by chunk straight into typed arrays: no row objects are built, so a feature matrix of
 * millions of values costs little beyond its own size.
 */
export async function readLabelledColumns(db: Database, sql: string, params: DuckDBValue[]): Promise<LabelledColumns> {
  const result = await db.connection.stream(sql, params);
  const numColumns = result.columnCount - 2;
  const ids: string[] = [];
  const labelParts: Uint8Array[] = [];
  const columnParts: Float32Array[][] = Array.from({ length: numColumns }, () => []);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    const rows = chunk.rowCount;
    const idVector = chunk.getColumnVector(0);
    const labelVector = chunk.getColumnVector(1);
    const labels = new Uint8Array(rows);
    for (let row = 0; row < rows; row++) {
      ids.push(String(idVector.getItem(row)));
      labels[row] = labelVector.getItem(row) === true ? 1 : 0;
    }
    labelParts.push(labels);
    for (let column = 0; column < numColumns; column++) {
      const vector = chunk.getColumnVector(column + 2);
      const values = new Float32Array(rows);
      for (let row = 0; row < rows; row++) {
        const value = vector.getItem(row);
        values[row] = typeof value === 'number' ? value : NaN;
      }
      columnParts[column].push(values);
    }
  }
  return { ids, labels: concat(labelParts, Uint8Array, ids.length), columns: columnParts.map((parts) => concat(parts, Float32Array, ids.length)) };
}

function concat<T extends Uint8Array | Float32Array>(parts: T[], kind: { new (length: number): T }, length: number): T {
  const out = new kind(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
