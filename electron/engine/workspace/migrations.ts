import type { Database } from '../sql/database';

export interface Migration {
  /** The schema version this migration brings the workspace to. */
  version: number;
  description: string;
  apply(db: Database): Promise<void>;
}

/** The catalog's history, oldest first. Append only: a released migration never changes. */
export const catalogMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'catalog of datasets, instances, runs and segments',
    async apply(db) {
      await db.run(`CREATE SCHEMA IF NOT EXISTS data`);
      await db.run(`CREATE TABLE pwb.datasets (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL UNIQUE,
        kind VARCHAR NOT NULL CHECK (kind IN ('events', 'profiles')),
        table_name VARCHAR NOT NULL,
        id_column VARCHAR NOT NULL,
        time_column VARCHAR,
        event_type_column VARCHAR,
        source JSON,
        row_count BIGINT NOT NULL DEFAULT 0,
        customer_count BIGINT NOT NULL DEFAULT 0,
        min_time TIMESTAMP,
        max_time TIMESTAMP,
        quality JSON,
        created_at TIMESTAMP NOT NULL
      )`);
      await db.run(`CREATE TABLE pwb.instances (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        config JSON NOT NULL,
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL
      )`);
      await db.run(`CREATE TABLE pwb.runs (
        id VARCHAR PRIMARY KEY,
        instance_id VARCHAR NOT NULL,
        version INTEGER NOT NULL,
        status VARCHAR NOT NULL,
        config JSON NOT NULL,
        metrics JSON,
        created_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP
      )`);
      await db.run(`CREATE TABLE pwb.segments (
        id VARCHAR PRIMARY KEY,
        run_id VARCHAR,
        name VARCHAR NOT NULL,
        definition JSON NOT NULL,
        created_at TIMESTAMP NOT NULL
      )`);
    },
  },
  {
    version: 2,
    description: 'run details, model and per-run score and feature tables',
    async apply(db) {
      await db.run(`CREATE SCHEMA IF NOT EXISTS runs`);
      await db.run(`ALTER TABLE pwb.runs ADD COLUMN details JSON`);
      await db.run(`ALTER TABLE pwb.runs ADD COLUMN model JSON`);
      await db.run(`ALTER TABLE pwb.runs ADD COLUMN fingerprint VARCHAR`);
    },
  },
  {
    version: 3,
    description: 'segments record when they were last changed',
    async apply(db) {
      await db.run(`ALTER TABLE pwb.segments ADD COLUMN updated_at TIMESTAMP`);
      await db.run(`UPDATE pwb.segments SET updated_at = created_at`);
    },
  },
  {
    version: 4,
    description: 'datasets keep their monthly activity once counted',
    async apply(db) {
      await db.run(`ALTER TABLE pwb.datasets ADD COLUMN monthly_activity JSON`);
    },
  },
];

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
}
