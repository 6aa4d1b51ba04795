import { describe, expect, it } from 'vitest';
import type { Run } from '../../../shared/contract/runs';
import { segmentDefinitionSchema } from '../../../shared/contract/segments';
import { RUNS_SCHEMA } from '../../../electron/engine/pipeline/runStore';
import { useDemoEngine } from '../../helpers/demoRunWorkspace';

const session = useDemoEngine('pwb-delete-run-');

async function trained(): Promise<Run> {
  const { engine, instance } = session;
  const job = await engine.startRun(instance.id);
  const outcome = await engine.jobs.wait(job.jobId);
  if (outcome.status !== 'succeeded') throw new Error(`training failed: ${outcome.message}`);
  const [newest] = await engine.runs(instance.id);
  return engine.run(newest!.runId);
}

/** The run tables the workspace holds for a run, read from DuckDB's own catalog. */
async function tablesOf(runId: string): Promise<string[]> {
  const rows = await session.engine.requireWorkspace().db.all(`SELECT table_name FROM duckdb_tables() WHERE schema_name = $1 AND table_name LIKE $2 ORDER BY 1`, [RUNS_SCHEMA, `%${runId}`]);
  return rows.map((row) => String(row['table_name']));
}

describe('deleting a run', () => {
  it('drops its tables and segments, keeps the other runs, and the next run takes a new version number', async () => {
    const { engine, instance } = session;
    const first = await trained();
    const second = await trained();
    const high = segmentDefinitionSchema.parse({ conditions: [{ field: 'bucket', op: 'eq', value: 'high' }] });
    await engine.saveSegment({ runId: first.runId, name: 'High', definition: high });
    await engine.saveSegment({ runId: first.runId, name: 'High again', definition: high });
    const kept = await engine.saveSegment({ runId: second.runId, name: 'High', definition: high });
    expect(await tablesOf(first.runId)).toEqual([`features_${first.runId}`, `scores_${first.runId}`, `timeline_${first.runId}`]);
    // Read once, so the run is in the result pages' cache when it goes.
    await engine.runInsights(first.runId);

    expect(await engine.deleteRun(first.runId)).toEqual({ segments: 2 });
    expect(await tablesOf(first.runId)).toEqual([]);
    expect((await engine.runs(instance.id)).map((run) => run.runId)).toEqual([second.runId]);
    await expect(engine.run(first.runId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(engine.runInsights(first.runId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(engine.customers(first.runId, { filter: { buckets: [], minProbability: 0, maxProbability: 1, search: '' }, sort: { column: 'probability', descending: true }, offset: 0, limit: 5 })).rejects.toMatchObject({ code: 'not_found' });
    expect((await engine.segments()).map((segment) => segment.segmentId)).toEqual([kept.segmentId]);
    await expect(engine.deleteRun(first.runId)).rejects.toMatchObject({ code: 'not_found' });

    // The other run answers as before.
    expect((await engine.segmentCount(second.runId, high)).customers).toBe(second.buckets.find((bucket) => bucket.bucket === 'high')!.customers);
    expect(await tablesOf(second.runId)).toHaveLength(3);
    const third = await trained();
    expect(third.version).toBe(second.version + 1);
  });

  it('is refused while a job runs, and the run stays', async () => {
    const { engine, instance } = session;
    const [newest] = await engine.runs(instance.id);
    const job = await engine.startRun(instance.id);
    await expect(engine.deleteRun(newest!.runId)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/job is running/) });
    engine.jobs.cancel(job.jobId);
    expect((await engine.jobs.wait(job.jobId)).status).toBe('cancelled');
    expect((await engine.run(newest!.runId)).runId).toBe(newest!.runId);
    expect(await engine.deleteRun(newest!.runId)).toEqual({ segments: 0 });
  });
});
