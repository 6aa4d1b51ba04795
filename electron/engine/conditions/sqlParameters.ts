import type { DuckDBValue } from '@duckdb/node-api';

/** Collects a statement's bound values in order; `bind` returns the placeholder that stands for the value in the SQL text. */
export class SqlParameters {
  readonly values: DuckDBValue[] = [];

  bind(value: DuckDBValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /**
   * A number bound as its decimal text and read as a DOUBLE: the client would otherwise bind a whole-valued
   * number as BIGINT and refuse one beyond its range (1e308).
   */
  bindNumber(value: number): string {
    return `CAST(${this.bind(String(value))} AS DOUBLE)`;
  }

  /** A wall-clock time (YYYY-MM-DD[THH:MM[:SS]]) bound as text and read as a TIMESTAMP. */
  bindTime(value: string): string {
    return `CAST(${this.bind(value)} AS TIMESTAMP)`;
  }
}
