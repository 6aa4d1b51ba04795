import { randomBytes } from 'node:crypto';
import { runSchema, type Run, type RunSummary } from '../../../shared/contract/runs';
import { WorkbenchError } from '../../../shared/errors';
import { deserializeModel, type GbdtModel } from '../model';
import type { Database } from '../sql/database';
import { qualifiedName } from '../sql/quote';

export const RUNS_SCHEMA = 'runs';

export function newRunId(): string {
  return `run_${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

/** The run's per-customer tables: scores with factors, the feature values at as_of, and events per day for the score cards. */
export function runTables(runId: string): { scores: string; features: string; timeline: string } {
  return {
    scores: qualifiedName(RUNS_SCHEMA, `scores_${runId}`),
    features: qualifiedName(RUNS_SCHEMA, `features_${runId}`),
    timeline: qualifiedName(RUNS_SCHEMA, `timeline_${runId}`),
  };
}

/** What a run saved beyond the first version's tables: its timeline table, and the rank column of its scores. */
export async function runTableFeatures(db: Database, runId: string): Promise<{ hasTimeline: boolean; hasRank: boolean }> {
  const rows = await db.all(
    `SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = $1 AND (table_name = $2 OR (table_name = $3 AND column_name = 'rank'))`,
    [RUNS_SCHEMA, `timeline_${runId}`, `scores_${runId}`],
  );
  return { hasTimeline: rows.some((row) => row['table_name'] === `timeline_${runId}`), hasRank: rows.some((row) => row['table_name'] === `scores_${runId}`) };
}

/** The next version number of an instance's runs (1 for its first). */
export async function nextRunVersion(db: Database, instanceId: string): Promise<number> {
  const row = await db.one(`SELECT coalesce(max(version), 0) + 1 AS version FROM pwb.runs WHERE instance_id = $1`, [instanceId]);
  return Number(row?.['version'] ?? 1);
}

/** Records a finished run; the caller has written its tables in the same transaction. */
export async function insertRun(db: Database, run: Run, model: string, fingerprint: string): Promise<void> {
  await db.run(
    `INSERT INTO pwb.runs (id, instance_id, version, status, config, metrics, details, model, fingerprint, created_at, finished_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CAST($10 AS TIMESTAMP), now())`,
    [run.runId, run.instanceId, run.version, run.status, JSON.stringify(run.config), JSON.stringify(run.validation), JSON.stringify(run), model, fingerprint, run.createdAt],
  );
}

export async function listRuns(db: Database, instanceId?: string): Promise<RunSummary[]> {
  const rows = await db.all(
    `SELECT details FROM pwb.runs WHERE status = 'succeeded' ${instanceId === undefined ? '' : 'AND instance_id = $1'} ORDER BY created_at DESC, version DESC`,
    instanceId === undefined ? [] : [instanceId],
  );
  return rows.map((row) => summaryOf(parseDetails(row['details'])));
}

export async function getRun(db: Database, runId: string): Promise<Run> {
  const row = await db.one(`SELECT details FROM pwb.runs WHERE id = $1 AND status <> 'deleted'`, [runId]);
  if (!row) throw new WorkbenchError('not_found', `No run ${runId} in this workspace.`, 'runId');
  return parseDetails(row['details']);
}

export async function loadRunModel(db: Database, runId: string): Promise<GbdtModel> {
  const row = await db.one(`SELECT model FROM pwb.runs WHERE id = $1 AND status <> 'deleted'`, [runId]);
  if (!row) throw new WorkbenchError('not_found', `No run ${runId} in this workspace.`, 'runId');
  return deserializeModel(String(row['model']));
}

/**
 * Runs name the datasets they were trained on, as goals do; when a dataset is renamed, the runs that named it follow,
 * so their score cards and segments keep the profile attributes. Returns how many runs changed.
 */
export async function renameRunDatasetReferences(db: Database, oldName: string, newName: string): Promise<number> {
  const same = (reference: string | null) => reference !== null && reference.toLowerCase() === oldName.toLowerCase();
  const rows = await db.all(`SELECT id, details FROM pwb.runs WHERE status <> 'deleted'`);
  let changed = 0;
  for (const row of rows) {
    const run = parseDetails(row['details']);
    if (!same(run.config.events) && !same(run.config.profiles)) continue;
    const config = { ...run.config, events: same(run.config.events) ? newName : run.config.events, profiles: same(run.config.profiles) ? newName : run.config.profiles };
    await db.run(`UPDATE pwb.runs SET config = $2::JSON, details = $3::JSON WHERE id = $1`, [run.runId, JSON.stringify(config), JSON.stringify({ ...run, config })]);
    changed += 1;
  }
  return changed;
}

/**
 * Deletes a run: its tables, its model and its segments, in one transaction. The row stays, marked deleted and
 * emptied of its model, so that the goal's version numbers keep counting up. Returns how many segments went with it.
 */
export async function deleteRun(db: Database, runId: string): Promise<{ segments: number }> {
  await getRun(db, runId);
  return db.transaction(() => dropRun(db, runId));
}

/** Deletes every run of a goal, inside the caller's transaction. Returns the runs deleted and how many segments went. */
export async function dropRunsOfInstance(db: Database, instanceId: string): Promise<{ runIds: string[]; segments: number }> {
  const runIds = (await listRuns(db, instanceId)).map((run) => run.runId);
  let segments = 0;
  for (const runId of runIds) segments += (await dropRun(db, runId)).segments;
  return { runIds, segments };
}

async function dropRun(db: Database, runId: string): Promise<{ segments: number }> {
  const tables = runTables(runId);
  for (const table of [tables.scores, tables.features, tables.timeline]) await db.run(`DROP TABLE IF EXISTS ${table}`);
  const segments = await db.one(`SELECT count(*) AS n FROM pwb.segments WHERE run_id = $1`, [runId]);
  await db.run(`DELETE FROM pwb.segments WHERE run_id = $1`, [runId]);
  await db.run(`UPDATE pwb.runs SET status = 'deleted', model = NULL WHERE id = $1`, [runId]);
  return { segments: Number(segments?.['n'] ?? 0) };
}

function parseDetails(value: unknown): Run {
  return runSchema.parse(typeof value === 'string' ? JSON.parse(value) : value);
}

export function summaryOf(run: Run): RunSummary {
  const { runId, instanceId, instanceName, version, status, createdAt, asOf, trainCutoff, windowDays, propensity, trainPopulation, scored, validationAuc, realizedAuc, totalSeconds } = run;
  return { runId, instanceId, instanceName, version, status, createdAt, asOf, trainCutoff, windowDays, propensity, trainPopulation, scored, validationAuc, realizedAuc, totalSeconds };
}
