import { readFileSync } from 'node:fs';
import { formatPath } from '../../shared/conditions';
import { instanceConfigSchema, localDateTimeSchema, type InstanceConfig } from '../../shared/instanceConfig';
import { WorkbenchError } from '../../shared/errors';
import { getInstance, listInstances } from '../engine/instances/instanceStore';
import type { Database } from '../engine/sql/database';
import { CliUsageError } from './command';

/** --as-of, checked: a date that exists in the calendar. */
export function parseAsOf(text: string): string {
  const parsed = localDateTimeSchema.safeParse(text);
  if (!parsed.success) throw new CliUsageError(`--as-of: ${parsed.error.issues[0]?.message ?? 'not a date'}.`);
  return parsed.data;
}

export function withAsOf(config: InstanceConfig, asOf: string | undefined): InstanceConfig {
  return asOf === undefined ? config : { ...config, as_of: asOf };
}

/** A goal saved in the workspace (by the app), by name, ignoring case: its id and config. */
export async function savedInstance(db: Database, name: string): Promise<{ id: string; config: InstanceConfig }> {
  const instances = await listInstances(db);
  const found = instances.find((instance) => instance.name.toLowerCase() === name.toLowerCase());
  if (!found) {
    const names = instances.map((instance) => `"${instance.name}"`).join(', ');
    throw new WorkbenchError('not_found', `--instance: no saved goal named "${name}" in this workspace (${names || 'none saved yet'}).`, 'instance');
  }
  return { id: found.id, config: (await getInstance(db, found.id)).config };
}

/** Reads an instance config file (the format the app saves), with --as-of overriding its as_of. */
export function readInstanceConfig(path: string, asOf: string | undefined): InstanceConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(`--config: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`--config: ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (asOf !== undefined && typeof json === 'object' && json !== null && !Array.isArray(json)) json = { ...json, as_of: parseAsOf(asOf) };
  const parsed = instanceConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliUsageError(`--config: ${path}: ${issue && issue.path.length > 0 ? `${formatPath(issue.path)}: ` : ''}${issue?.message ?? 'invalid config'}.`);
  }
  return parsed.data;
}
