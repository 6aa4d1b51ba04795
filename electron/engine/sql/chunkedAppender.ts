import { DuckDBDataChunk, type DuckDBAppender, type DuckDBType } from '@duckdb/node-api';

/** Rows per data chunk: DuckDB's vector size, the most one chunk holds. */
const ROWS_PER_CHUNK = 2048;

export type StagedValue = number | boolean | string | null;

/**
 * Buffers rows column by column and hands them to the appender one full data chunk at a time,
 * which is far faster than appending value by value. Plain numbers, booleans and strings go in;
 * timestamps are built from numbers later in SQL.
 */
export class ChunkedAppender {
  private readonly columns: StagedValue[][];
  private rows = 0;
  private appended = 0;
  private closed = false;

  constructor(
    private readonly appender: DuckDBAppender,
    private readonly types: readonly DuckDBType[],
  ) {
    this.columns = types.map(() => Array.from<StagedValue>({ length: ROWS_PER_CHUNK }).fill(null));
  }

  /** Sets one value of the row being built; `endRow` completes it. */
  set(column: number, value: StagedValue): void {
    this.columns[column][this.rows] = value;
  }

  endRow(): void {
    this.rows++;
    if (this.rows === ROWS_PER_CHUNK) this.flushChunk();
  }

  get rowCount(): number {
    return this.appended + this.rows;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flushChunk();
    this.appender.flushSync();
    this.appender.closeSync();
  }

  /** Closes the appender without writing what is still buffered; does nothing once closed. */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    this.rows = 0;
    this.appender.clear();
    this.appender.closeSync();
  }

  private flushChunk(): void {
    if (this.rows === 0) return;
    const chunk = DuckDBDataChunk.create(this.types, this.rows);
    this.columns.forEach((values, column) => {
      const vector = chunk.getColumnVector(column);
      for (let row = 0; row < this.rows; row++) vector.setItem(row, values[row]);
      vector.flush();
    });
    this.appender.appendDataChunk(chunk);
    this.appended += this.rows;
    this.rows = 0;
  }
}
