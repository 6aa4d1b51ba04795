import { DuckDBInstance, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

/** Bound values: positional ($1, $2, …) or named ($files, $delimiter, …). */
export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/** One open DuckDB file (or :memory:) through one connection, and small helpers to query it. */
export class Database {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    /** Only the first handle owns the instance; extra connections close just themselves. */
    private readonly ownsInstance: boolean,
  ) {}

  static async open(path: string, options: { readOnly?: boolean } = {}): Promise<Database> {
    const settings: Record<string, string> = {};
    if (options.readOnly) settings['access_mode'] = 'READ_ONLY';
    const instance = await DuckDBInstance.create(path, settings);
    try {
      const connection = await instance.connect();
      return new Database(path, instance, connection, true);
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  /** A second connection to the same database, for long work that must not hold up the first (its own transactions). */
  /** The same object for every connection to one open database: a key for caches shared by its connections. */
  get database(): object {
    return this.instance;
  }

  async connect(): Promise<Database> {
    return new Database(this.path, this.instance, await this.instance.connect(), false);
  }

  async run(sql: string, params: SqlParams = []): Promise<void> {
    await this.connection.run(sql, usedParams(sql, params));
  }

  /** Rows as plain JS objects; BIGINT columns arrive as bigint. */
  async all(sql: string, params: SqlParams = []): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql, usedParams(sql, params));
    return reader.getRowObjectsJS() as Row[];
  }

  async one(sql: string, params: SqlParams = []): Promise<Row | undefined> {
    const rows = await this.all(sql, params);
    return rows[0];
  }

  /** The names and types of a query's result columns, without reading its rows. */
  async describe(sql: string, params: SqlParams = []): Promise<Array<{ name: string; type: DuckDBType }>> {
    const result = await this.connection.run(`SELECT * FROM (${sql}) LIMIT 0`, usedParams(sql, params));
    const types = result.columnTypes();
    return result.columnNames().map((name, index) => ({ name, type: types[index] as DuckDBType }));
  }

  /** Runs `work` inside one transaction: all of it lands, or none of it does. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    let result: T;
    try {
      result = await work();
    } catch (error) {
      // The work's own error is the one to report; a rollback refused because DuckDB already ended the transaction is not.
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
    // A commit that fails has already rolled the transaction back.
    await this.connection.run('COMMIT');
    return result;
  }

  /** Stops the statement running on this connection; it fails with an interrupt error. */
  interrupt(): void {
    this.connection.interrupt();
  }

  /** How far the running statement is, 0–100, or -1 when DuckDB cannot tell. */
  progressPercent(): number {
    return this.connection.progress.percentage;
  }

  close(): void {
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}

/**
 * DuckDB refuses named values a statement does not use, so statements built from parts can share one value map:
 * only the names the SQL mentions are bound.
 */
export function usedParams(sql: string, params: SqlParams): SqlParams {
  if (Array.isArray(params)) return params;
  const mentioned = new Set([...sql.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]));
  return Object.fromEntries(Object.entries(params).filter(([name]) => mentioned.has(name)));
}
