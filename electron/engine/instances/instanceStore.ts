import { randomBytes } from 'node:crypto';
import type { Instance, InstanceSummary } from '../../../shared/contract/instances';
import { instanceConfigSchema, type InstanceConfig } from '../../../shared/instanceConfig';
import { WorkbenchError } from '../../../shared/errors';
import type { Database, Row } from '../sql/database';

/** Saved instances live in the workspace's catalog (pwb.instances); the name column mirrors config.name. */

const SELECT_INSTANCE = `SELECT id, name, CAST(config AS VARCHAR) AS config,
  strftime(created_at, '%Y-%m-%dT%H:%M:%S') AS created_at, strftime(updated_at, '%Y-%m-%dT%H:%M:%S') AS updated_at FROM pwb.instances`;

export function newInstanceId(): string {
  return `in_${randomBytes(6).toString('hex')}`;
}

export async function listInstances(db: Database): Promise<InstanceSummary[]> {
  const rows = await db.all(`${SELECT_INSTANCE} ORDER BY lower(name)`);
  return rows.map(toInstance).map((instance) => ({
    id: instance.id,
    name: instance.name,
    propensity: instance.config.propensity,
    events: instance.config.events,
    windowDays: instance.config.goal.window_days,
    updatedAt: instance.updatedAt,
  }));
}

export async function getInstance(db: Database, id: string): Promise<Instance> {
  const row = await db.one(`${SELECT_INSTANCE} WHERE id = $1`, [id]);
  if (!row) throw new WorkbenchError('not_found', `No instance ${id} in this workspace.`, 'instanceId');
  return toInstance(row);
}

/** Creates an instance, or replaces the config of the one with this id. */
export async function saveInstance(db: Database, config: InstanceConfig, id?: string, nameField = 'config.name'): Promise<Instance> {
  if (id !== undefined) await getInstance(db, id);
  await refuseTakenName(db, config.name, id ?? null, nameField);
  const instanceId = id ?? newInstanceId();
  const json = JSON.stringify(config);
  if (id === undefined) {
    await db.run(
      `INSERT INTO pwb.instances (id, name, config, created_at, updated_at) VALUES ($1, $2, $3::JSON, now()::TIMESTAMP, now()::TIMESTAMP)`,
      [instanceId, config.name, json],
    );
  } else {
    await db.run(`UPDATE pwb.instances SET name = $2, config = $3::JSON, updated_at = now()::TIMESTAMP WHERE id = $1`, [instanceId, config.name, json]);
  }
  return getInstance(db, instanceId);
}

export async function renameInstance(db: Database, id: string, name: string): Promise<Instance> {
  const instance = await getInstance(db, id);
  return saveInstance(db, { ...instance.config, name }, id, 'name');
}

/** A copy under a new name: the one given, or "<name> (copy)", "<name> (copy 2)", … */
export async function cloneInstance(db: Database, id: string, name?: string): Promise<Instance> {
  const instance = await getInstance(db, id);
  const cloneName = name ?? (await freeCopyName(db, instance.name));
  return saveInstance(db, { ...instance.config, name: cloneName }, undefined, 'name');
}

export async function deleteInstance(db: Database, id: string): Promise<boolean> {
  const row = await db.one('SELECT count(*) AS n FROM pwb.instances WHERE id = $1', [id]);
  if (Number(row?.['n'] ?? 0) === 0) return false;
  await db.run('DELETE FROM pwb.instances WHERE id = $1', [id]);
  return true;
}

/** Instances name their datasets; when a dataset is renamed, the instances that named it follow. Returns how many changed. */
export async function renameDatasetReferences(db: Database, oldName: string, newName: string): Promise<number> {
  const rows = await db.all(SELECT_INSTANCE);
  const same = (reference: string | null) => reference !== null && reference.toLowerCase() === oldName.toLowerCase();
  let changed = 0;
  for (const instance of rows.map(toInstance)) {
    if (!same(instance.config.events) && !same(instance.config.profiles)) continue;
    const config = {
      ...instance.config,
      events: same(instance.config.events) ? newName : instance.config.events,
      profiles: same(instance.config.profiles) ? newName : instance.config.profiles,
    };
    await db.run('UPDATE pwb.instances SET config = $2::JSON WHERE id = $1', [instance.id, JSON.stringify(config)]);
    changed += 1;
  }
  return changed;
}

async function refuseTakenName(db: Database, name: string, exceptId: string | null, field: string): Promise<void> {
  const row = await db.one('SELECT count(*) AS n FROM pwb.instances WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2', [name, exceptId]);
  if (Number(row?.['n'] ?? 0) > 0) throw new WorkbenchError('conflict', `An instance named "${name}" already exists; choose another name.`, field);
}

async function freeCopyName(db: Database, name: string): Promise<string> {
  const rows = await db.all('SELECT lower(name) AS name FROM pwb.instances');
  const taken = new Set(rows.map((row) => String(row['name'])));
  for (let copy = 1; ; copy += 1) {
    const suffix = copy === 1 ? ' (copy)' : ` (copy ${copy})`;
    const candidate = `${name.slice(0, 120 - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

function toInstance(row: Row): Instance {
  return {
    id: String(row['id']),
    name: String(row['name']),
    config: instanceConfigSchema.parse(JSON.parse(String(row['config']))),
    createdAt: String(row['created_at']),
    updatedAt: String(row['updated_at']),
  };
}
