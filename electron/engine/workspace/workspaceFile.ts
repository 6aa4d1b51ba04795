import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import type { WorkspaceInfo } from '../../../shared/contract/workspace';
import { Database } from '../sql/database';
import { catalogMigrations, latestVersion, type Migration } from './migrations';
import { dropUncataloguedImports } from '../datasets/datasetCatalog';

export const WORKSPACE_APP_ID = 'propensity-workbench';
export const WORKSPACE_EXTENSION = '.pwb';

export interface WorkspaceOptions {
  migrations?: readonly Migration[];
}

/** An open workspace: one DuckDB file holding the catalog (schema `pwb`) and the data (schema `data`). */
export class Workspace {
  private constructor(
    readonly db: Database,
    readonly info: WorkspaceInfo,
  ) {}

  static async create(path: string, name: string | undefined, options: WorkspaceOptions = {}): Promise<Workspace> {
    if (existsSync(path)) {
      throw new WorkbenchError('conflict', `A file already exists at ${path}. Open it, or choose another name.`, 'path');
    }
    const migrations = options.migrations ?? catalogMigrations;
    const db = await openDatabase(path, false);
    try {
      const createdAt = new Date().toISOString();
      const workspaceName = name ?? defaultName(path);
      await db.transaction(async () => {
        await db.run('CREATE SCHEMA pwb');
        await db.run('CREATE TABLE pwb.meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)');
        await setMeta(db, 'app', WORKSPACE_APP_ID);
        await setMeta(db, 'name', workspaceName);
        await setMeta(db, 'created_at', createdAt);
        await setMeta(db, 'schema_version', '0');
        await migrate(db, 0, migrations);
      });
      await db.run('CHECKPOINT');
      return new Workspace(db, { path, name: workspaceName, schemaVersion: latestVersion(migrations), createdAt });
    } catch (error) {
      db.close();
      rmSync(path, { force: true });
      rmSync(`${path}.wal`, { force: true });
      throw error;
    }
  }

  /**
   * Opens an existing workspace. The file is first inspected read-only, so a file that is not a
   * workspace, or one written by a newer version, is refused without a single byte changing.
   */
  static async open(path: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    if (!existsSync(path)) throw new WorkbenchError('not_found', `No workspace at ${path}.`, 'path');
    if (!statSync(path).isFile()) throw new WorkbenchError('not_a_workspace', `${path} is a folder, not a workspace file.`, 'path');
    if (!hasDuckDbHeader(path)) {
      throw new WorkbenchError('not_a_workspace', `${basename(path)} is not a Propensity Workbench workspace.`, 'path');
    }
    const migrations = options.migrations ?? catalogMigrations;
    const supported = latestVersion(migrations);

    const probe = await openDatabase(path, true);
    let version: number;
    try {
      version = await readSchemaVersion(probe, path);
    } finally {
      probe.close();
    }
    if (version > supported) {
      throw new WorkbenchError(
        'newer_workspace',
        `${basename(path)} was written by a newer version of Propensity Workbench (workspace format ${version}; this version reads up to ${supported}). Update the app to open it.`,
        'path',
      );
    }

    const db = await openDatabase(path, false);
    try {
      if (version < supported) {
        await db.transaction(() => migrate(db, version, migrations));
        await db.run('CHECKPOINT');
      }
      await dropUncataloguedImports(db);
      const meta = await readMeta(db);
      return new Workspace(db, {
        path,
        name: meta.get('name') ?? defaultName(path),
        schemaVersion: supported,
        createdAt: meta.get('created_at') ?? '',
      });
    } catch (error) {
      db.close();
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }
}

/** DuckDB files carry the magic bytes "DUCK" at offset 8; anything else is refused before DuckDB sees it. */
function hasDuckDbHeader(path: string): boolean {
  const header = Buffer.alloc(12);
  const descriptor = openSync(path, 'r');
  try {
    const read = readSync(descriptor, header, 0, header.length, 0);
    return read === header.length && header.toString('latin1', 8, 12) === 'DUCK';
  } finally {
    closeSync(descriptor);
  }
}

async function openDatabase(path: string, readOnly: boolean): Promise<Database> {
  try {
    return await Database.open(path, { readOnly });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/not a valid DuckDB database file/i.test(message)) {
      throw new WorkbenchError('not_a_workspace', `${basename(path)} is not a Propensity Workbench workspace.`, 'path');
    }
    if (/lock/i.test(message)) {
      throw new WorkbenchError('workspace_locked', `${basename(path)} is open in another program. Close it there first.`, 'path');
    }
    throw new WorkbenchError('io_error', `Could not open ${basename(path)}: ${message}`, 'path');
  }
}

async function readSchemaVersion(db: Database, path: string): Promise<number> {
  const notWorkspace = new WorkbenchError(
    'not_a_workspace',
    `${basename(path)} is a DuckDB database but not a Propensity Workbench workspace.`,
    'path',
  );
  const table = await db.one(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'pwb' AND table_name = 'meta'`,
  );
  if (!table || Number(table['n']) === 0) throw notWorkspace;
  const meta = await readMeta(db);
  if (meta.get('app') !== WORKSPACE_APP_ID) throw notWorkspace;
  const version = Number(meta.get('schema_version'));
  if (!Number.isInteger(version) || version < 0) throw notWorkspace;
  return version;
}

async function readMeta(db: Database): Promise<Map<string, string>> {
  const rows = await db.all('SELECT key, value FROM pwb.meta');
  return new Map(rows.map((row) => [String(row['key']), String(row['value'])]));
}

async function setMeta(db: Database, key: string, value: string): Promise<void> {
  await db.run('INSERT OR REPLACE INTO pwb.meta (key, value) VALUES ($1, $2)', [key, value]);
}

async function migrate(db: Database, from: number, migrations: readonly Migration[]): Promise<void> {
  const pending = [...migrations].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    await migration.apply(db);
    await setMeta(db, 'schema_version', String(migration.version));
  }
}

function defaultName(path: string): string {
  const file = basename(path);
  const ext = extname(file);
  return ext ? file.slice(0, -ext.length) : file;
}
