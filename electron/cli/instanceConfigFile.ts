import { readFileSync } from 'node:fs';
import { formatPath } from '../../shared/conditions';
import { instanceConfigSchema, localDateTimeSchema, type InstanceConfig } from '../../shared/instanceConfig';
import { CliUsageError } from './command';

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
  if (asOf !== undefined) {
    const parsedAsOf = localDateTimeSchema.safeParse(asOf);
    if (!parsedAsOf.success) throw new CliUsageError(`--as-of: ${parsedAsOf.error.issues[0]?.message ?? 'not a date'}.`);
    if (typeof json === 'object' && json !== null && !Array.isArray(json)) json = { ...json, as_of: asOf };
  }
  const parsed = instanceConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliUsageError(`--config: ${path}: ${issue && issue.path.length > 0 ? `${formatPath(issue.path)}: ` : ''}${issue?.message ?? 'invalid config'}.`);
  }
  return parsed.data;
}
