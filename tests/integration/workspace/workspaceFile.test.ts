import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../shared/errors';
import { catalogMigrations, type Migration } from '../../../electron/engine/workspace/migrations';
import { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import { fileHash } from '../../helpers/fileHash';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

async function expectWorkbenchError(promise: Promise<unknown>, code: string): Promise<WorkbenchError> {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WorkbenchError);
  expect((error as WorkbenchError).code).toBe(code);
  return error as WorkbenchError;
}

describe('workspace file', () => {
  it('creates a workspace with the catalog tables and reopens it with the same name and version', async () => {
    const path = join(tempDir(), 'shop.pwb');
    const created = await Workspace.create(path, 'Shop analysis');
    const tables = await created.db.all(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'pwb' ORDER BY table_name`);
    expect(tables.map((row) => row['table_name'])).toEqual(['datasets', 'instances', 'meta', 'runs', 'segments']);
    created.close();

    const reopened = await Workspace.open(path);
    expect(reopened.info.name).toBe('Shop analysis');
    expect(reopened.info.schemaVersion).toBe(catalogMigrations.length);
    expect(reopened.info.createdAt).toBe(created.info.createdAt);
    reopened.close();
  });

  it('refuses to create over an existing file and leaves that file alone', async () => {
    const path = join(tempDir(), 'taken.pwb');
    writeFileSync(path, 'precious');
    const before = fileHash(path);
    await expectWorkbenchError(Workspace.create(path, undefined), 'conflict');
    expect(fileHash(path)).toBe(before);
  });

  it('refuses a file that is not a database without changing a byte or leaving files behind', async () => {
    const dir = tempDir();
    const path = join(dir, 'notes.pwb');
    writeFileSync(path, 'this is a text file, not a workspace\n'.repeat(100));
    const before = fileHash(path);
    const error = await expectWorkbenchError(Workspace.open(path), 'not_a_workspace');
    expect(error.message).toContain('not a Propensity Workbench workspace');
    expect(fileHash(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['notes.pwb']);
  });

  it('refuses a DuckDB database that is not a workspace without changing it', async () => {
    const path = join(tempDir(), 'other.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE sales (id INTEGER, amount DOUBLE)');
    await connection.run('INSERT INTO sales VALUES (1, 9.5)');
    connection.closeSync();
    instance.closeSync();
    const before = fileHash(path);
    await expectWorkbenchError(Workspace.open(path), 'not_a_workspace');
    expect(fileHash(path)).toBe(before);
  });

  it('refuses a workspace written by a newer version and leaves it unchanged', async () => {
    const path = join(tempDir(), 'future.pwb');
    const workspace = await Workspace.create(path, 'From the future');
    await workspace.db.run(`UPDATE pwb.meta SET value = '999' WHERE key = 'schema_version'`);
    await workspace.db.run('CHECKPOINT');
    workspace.close();
    const before = fileHash(path);
    const error = await expectWorkbenchError(Workspace.open(path), 'newer_workspace');
    expect(error.message).toMatch(/newer version.*format 999/);
    expect(fileHash(path)).toBe(before);
  });

  it('upgrades a first-version workspace to the run tables: details, model and fingerprint columns and the runs schema', async () => {
    const path = join(tempDir(), 'v1.pwb');
    (await Workspace.create(path, 'First version', { migrations: catalogMigrations.slice(0, 1) })).close();
    const upgraded = await Workspace.open(path);
    try {
      expect(upgraded.info.schemaVersion).toBe(catalogMigrations.length);
      const columns = await upgraded.db.all(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'pwb' AND table_name = 'runs'`);
      expect(columns.map((row) => row['column_name'])).toEqual(expect.arrayContaining(['details', 'model', 'fingerprint']));
      const schema = await upgraded.db.one(`SELECT count(*) AS n FROM information_schema.schemata WHERE schema_name = 'runs'`);
      expect(Number(schema?.['n'])).toBe(1);
    } finally {
      upgraded.close();
    }
  });

  it('applies pending migrations once, in order, when an older workspace is opened', async () => {
    const path = join(tempDir(), 'old.pwb');
    (await Workspace.create(path, 'Old')).close();
    const applied: number[] = [];
    const addNotes: Migration = {
      version: catalogMigrations.length + 1,
      description: 'notes table',
      async apply(db) {
        applied.push(this.version);
        await db.run('CREATE TABLE pwb.notes (text VARCHAR)');
      },
    };
    const migrations = [...catalogMigrations, addNotes];

    const upgraded = await Workspace.open(path, { migrations });
    expect(upgraded.info.schemaVersion).toBe(addNotes.version);
    const notes = await upgraded.db.one(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'pwb' AND table_name = 'notes'`);
    expect(Number(notes?.['n'])).toBe(1);
    upgraded.close();

    (await Workspace.open(path, { migrations })).close();
    expect(applied).toEqual([addNotes.version]);
    // The upgraded file is now newer than what the released migrations know.
    await expectWorkbenchError(Workspace.open(path), 'newer_workspace');
  });

  it('rolls a failing migration back so the workspace stays at its old version', async () => {
    const path = join(tempDir(), 'fragile.pwb');
    (await Workspace.create(path, 'Fragile')).close();
    const broken: Migration = {
      version: catalogMigrations.length + 1,
      description: 'fails half way',
      async apply(db) {
        await db.run('CREATE TABLE pwb.half (x INTEGER)');
        throw new Error('disk full');
      },
    };
    await expect(Workspace.open(path, { migrations: [...catalogMigrations, broken] })).rejects.toThrow('disk full');
    const reopened = await Workspace.open(path);
    expect(reopened.info.schemaVersion).toBe(catalogMigrations.length);
    const half = await reopened.db.one(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'half'`);
    expect(Number(half?.['n'])).toBe(0);
    reopened.close();
  });

  it('reports a missing file as not found', async () => {
    const path = join(tempDir(), 'missing.pwb');
    await expectWorkbenchError(Workspace.open(path), 'not_found');
    expect(existsSync(path)).toBe(false);
  });
});

describe('workspace file, odd inputs', () => {
  it.each([
    ['an empty file', 'empty.pwb', ''],
    ['a JSON file', 'config.json', '{"name": "not a workspace"}'],
    ['a CSV file named like a workspace', 'data.pwb', 'id,amount\n1,2\n'],
  ])('refuses %s as not a workspace, unchanged', async (_label, name, content) => {
    const path = join(tempDir(), name);
    writeFileSync(path, content);
    const before = fileHash(path);
    await expectWorkbenchError(Workspace.open(path), 'not_a_workspace');
    expect(fileHash(path)).toBe(before);
  });

  it('refuses a folder as not a workspace', async () => {
    await expectWorkbenchError(Workspace.open(tempDir()), 'not_a_workspace');
  });
});
