import { describe, expect, it } from 'vitest';
import type { Run } from '../../../shared/contract/runs';
import { segmentDefinitionSchema } from '../../../shared/contract/segments';
import { RUNS_SCHEMA } from '../../../electron/engine/pipeline/runStore';
import { useDemoEngine } from '../../helpers/demoRunWorkspace';

const session = useDemoEngine('pwb-delete-run-');

async function trained(instanceId = session.instance.id): Promise<Run> {
  const { engine } = session;
  const job = await engine.startRun(instanceId);
  const outcome = await engine.jobs.wait(job.jobId);
  if (outcome.status !== 'succeeded') throw new Error(`training failed: ${outcome.message}`);
  const [newest] = await engine.runs(instanceId);
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

describe('deleting a goal', () => {
  it('keeps its runs unless asked; asked, drops all of them with their segments, and leaves other goals’ runs alone', async () => {
    const { engine, instance } = session;
    const high = segmentDefinitionSchema.parse({ conditions: [{ field: 'bucket', op: 'eq', value: 'high' }] });
    const othersBefore = (await engine.runs(instance.id)).map((run) => run.runId);

    const keptGoal = await engine.cloneInstance(instance.id, 'Goal whose runs stay');
    const keptRun = await trained(keptGoal.id);
    expect(await engine.deleteInstance(keptGoal.id)).toEqual({ deleted: true, runs: 0, segments: 0 });
    expect((await engine.run(keptRun.runId)).instanceName).toBe('Goal whose runs stay');
    expect(await tablesOf(keptRun.runId)).toHaveLength(3);

    const doomedGoal = await engine.cloneInstance(instance.id, 'Goal deleted with its runs');
    const doomed = [await trained(doomedGoal.id), await trained(doomedGoal.id)];
    await engine.saveSegment({ runId: doomed[0]!.runId, name: 'High', definition: high });
    await engine.runInsights(doomed[1]!.runId);

    const job = await engine.startRun(instance.id);
    await expect(engine.deleteInstance(doomedGoal.id, true)).rejects.toMatchObject({ code: 'conflict', field: 'deleteRuns' });
    engine.jobs.cancel(job.jobId);
    await engine.jobs.wait(job.jobId);
    expect(await engine.runs(doomedGoal.id)).toHaveLength(2);

    expect(await engine.deleteInstance(doomedGoal.id, true)).toEqual({ deleted: true, runs: 2, segments: 1 });
    expect(await engine.runs(doomedGoal.id)).toEqual([]);
    for (const run of doomed) {
      expect(await tablesOf(run.runId)).toEqual([]);
      await expect(engine.runInsights(run.runId)).rejects.toMatchObject({ code: 'not_found' });
    }
    expect((await engine.segments()).filter((segment) => doomed.some((run) => run.runId === segment.runId))).toEqual([]);
    expect((await engine.instances()).map((goal) => goal.id)).not.toContain(doomedGoal.id);
    expect((await engine.runs(instance.id)).map((run) => run.runId)).toEqual(othersBefore);
    expect(await tablesOf(keptRun.runId)).toHaveLength(3);
  });
});
