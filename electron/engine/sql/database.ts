import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export type SqlParams = DuckDBValue[];
export type Row = Record<string, unknown>;

/** One open DuckDB file (or :memory:) with a single connection, and small helpers to query it. */
export class Database {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string, options: { readOnly?: boolean } = {}): Promise<Database> {
    const settings: Record<string, string> = {};
    if (options.readOnly) settings['access_mode'] = 'READ_ONLY';
    const instance = await DuckDBInstance.create(path, settings);
    try {
      const connection = await instance.connect();
      return new Database(path, instance, connection);
    } catch (error) {
      instance.closeSync();
      throw error;
    }
  }

  async run(sql: string, params: SqlParams = []): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Rows as plain JS objects; BIGINT columns arrive as bigint. */
  async all(sql: string, params: SqlParams = []): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as Row[];
  }

  async one(sql: string, params: SqlParams = []): Promise<Row | undefined> {
    const rows = await this.all(sql, params);
    return rows[0];
  }

  /** Runs `work` inside one transaction: all of it lands, or none of it does. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
