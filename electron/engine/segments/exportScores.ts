import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import type { ExportFormat, SegmentDefinition } from '../../../shared/contract/segments';
import { WorkbenchError } from '../../../shared/errors';
import { SqlParameters } from '../conditions/sqlParameters';
import type { JobContext } from '../jobs/jobManager';
import type { Database } from '../sql/database';
import type { SegmentCatalog } from './segmentFields';
import { segmentRowsSql } from './segmentQuery';

export interface ExportRequest {
  definition: SegmentDefinition;
  /** What is exported, for messages: "the segment "High value"" or "all scores". */
  what: string;
  format: ExportFormat;
  path: string;
  overwrite: boolean;
}

const COPY_OPTIONS: Record<ExportFormat, string> = {
  csv: '(FORMAT csv, HEADER)',
  parquet: '(FORMAT parquet)',
  // DuckDB's JSON format writes one object per line (NDJSON).
  json: '(FORMAT json)',
};
const PROGRESS_POLL_MS = 100;

export function exportTargetState(path: string): { exists: boolean; directoryExists: boolean } {
  const target = resolve(path);
  const directory = dirname(target);
  return { exists: existsSync(target), directoryExists: existsSync(directory) && statSync(directory).isDirectory() };
}

/** Refuses a target that cannot be written, or that exists when replacing it was not confirmed. */
export function checkExportTarget(path: string, overwrite: boolean): string {
  const target = resolve(path);
  const directory = dirname(target);
  if (!existsSync(directory) || !statSync(directory).isDirectory()) throw new WorkbenchError('invalid_input', `The folder ${directory} does not exist.`, 'path');
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new WorkbenchError('invalid_input', `${target} is a folder; name a file.`, 'path');
    if (!overwrite) throw new WorkbenchError('conflict', `${target} already exists. Confirm to replace it.`, 'path');
  }
  return target;
}

const partialName = (target: string, pid: number) => `.${basename(target)}.partial-${pid}-${randomBytes(4).toString('hex')}`;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that exports to this target left when their process was killed (the process id in the
 * name is no longer alive). Files of a live process, which may still be writing, are kept.
 */
export function removeAbandonedPartials(target: string): string[] {
  const directory = dirname(target);
  const prefix = `.${basename(target)}.partial-`;
  const removed: string[] = [];
  for (const name of readdirSync(directory)) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || processIsAlive(Number(pid))) continue;
    rmSync(join(directory, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Writes a segment's (or every) scored customer to a file, highest probability first, with the columns of
 * EXPORT_COLUMNS. DuckDB writes it under a hidden temporary name beside the target on a connection of its own
 * (interrupted on cancel); only a complete file is renamed to the target, so the target never holds half a file. The
 * temporary name carries the process id, so that a later export to the same target can clear what a killed one left.
 */
export async function exportScores(workspaceDb: Database, catalog: SegmentCatalog, request: ExportRequest, job: Pick<JobContext, 'signal' | 'progress'>): Promise<{ path: string; rows: number }> {
  const target = checkExportTarget(request.path, request.overwrite);
  removeAbandonedPartials(target);
  const partial = join(dirname(target), partialName(target, process.pid));
  const { run } = catalog;
  const db = await workspaceDb.connect();
  const interrupt = () => db.interrupt();
  job.signal.addEventListener('abort', interrupt);
  const poll = setInterval(() => {
    const { percentage } = db.connection.progress;
    if (percentage >= 0) job.progress(Math.min(0.99, percentage / 100), `Writing ${request.what}: ${Math.round(percentage)}%`);
  }, PROGRESS_POLL_MS);
  try {
    job.progress(0, `Writing ${request.what} as ${request.format === 'json' ? 'NDJSON' : request.format.toUpperCase()}`);
    const params = new SqlParameters();
    const rowsSql = segmentRowsSql(catalog, request.definition, params);
    const select = `SELECT customer AS customer_id, probability, score, percentile, bucket,
        factor_1_sentence AS reason_1, factor_1_points AS reason_1_points, factor_2_sentence AS reason_2, factor_2_points AS reason_2_points,
        factor_3_sentence AS reason_3, factor_3_points AS reason_3_points,
        ${params.bind(run.runId)} AS run_id, ${params.bind(run.asOf.slice(0, 10))} AS as_of, ${params.bind(run.instanceName)} AS instance
      ${rowsSql} ORDER BY probability DESC, customer`;
    const result = await db.all(`COPY (${select}) TO ${params.bind(partial)} ${COPY_OPTIONS[request.format]}`, params.values);
    job.signal.throwIfAborted();
    const rows = Number(Object.values(result[0] ?? {})[0] ?? 0);
    renameSync(partial, target);
    job.progress(1, `Wrote ${rows.toLocaleString('en-US')} customers to ${target}`);
    return { path: target, rows };
  } finally {
    clearInterval(poll);
    job.signal.removeEventListener('abort', interrupt);
    rmSync(partial, { force: true });
    db.close();
  }
}
