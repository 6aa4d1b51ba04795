import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_COLUMNS, segmentDefinitionSchema, type SegmentDefinitionInput, type SegmentSummary } from '../../../shared/contract/segments';
import type { Run } from '../../../shared/contract/runs';
import { Engine } from '../../../electron/engine/engine';
import { nodeProcessLauncher } from '../../../electron/engine/jobs/processLauncher';
import { runPipeline } from '../../../electron/engine/pipeline/runPipeline';
import { runTables } from '../../../electron/engine/pipeline/runStore';
import { exportScores } from '../../../electron/engine/segments/exportScores';
import { profitOfSegment } from '../../../electron/engine/segments/segmentProfit';
import { compareSegments } from '../../../electron/engine/segments/segmentCompare';
import { segmentCatalog, type SegmentCatalog } from '../../../electron/engine/segments/segmentFields';
import { segmentFieldValues } from '../../../electron/engine/segments/segmentFieldValues';
import { segmentStats } from '../../../electron/engine/segments/segmentQuery';
import { cloneSegment, deleteSegment, getSegment, listSegments, renameSegment, saveSegment } from '../../../electron/engine/segments/segmentStore';
import { Database } from '../../../electron/engine/sql/database';
import { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import type { Segment, SegmentDefinition } from '../../../shared/contract/segments';
import { demoWorkspaceWithGoal } from '../../helpers/demoRunWorkspace';
import { inflateScores } from '../../helpers/inflatedScores';
import { runCli, startCli } from '../../helpers/runCli';

let dir: string;
let workspace: Workspace;
let run: Run;
let path: string;
let catalog: SegmentCatalog;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pwb-segments-'));
  const demo = await demoWorkspaceWithGoal(dir);
  path = demo.path;
  workspace = await Workspace.open(path);
  run = await runPipeline(workspace.db, { instanceId: demo.instance.id, instanceName: demo.instance.name, config: demo.instance.config }, {
    launch: nodeProcessLauncher(),
    job: { signal: new AbortController().signal, progress: () => undefined },
  });
  catalog = await segmentCatalog(workspace.db, run);
});
afterAll(() => {
  workspace?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The engine's segment operations, on the open workspace. */
const segments = {
  fields: () => catalog.list,
  count: (value: SegmentDefinition) => segmentStats(workspace.db, catalog, value),
  save: async (input: { segmentId?: string; runId: string; name: string; definition: SegmentDefinition }): Promise<SegmentSummary> => {
    const stats = await segmentStats(workspace.db, catalog, input.definition);
    return { ...(await saveSegment(workspace.db, input)), stats };
  },
  summary: async (segmentId: string): Promise<SegmentSummary> => {
    const segment = await getSegment(workspace.db, segmentId);
    return { ...segment, stats: await segmentStats(workspace.db, catalog, segment.definition) };
  },
  export: async (value: SegmentDefinition, format: 'csv' | 'parquet' | 'json', file: string) =>
    exportScores(workspace.db, catalog, { definition: value, what: 'the segment', format, path: file, overwrite: false }, { signal: new AbortController().signal, progress: () => undefined }),
};

const definition = (input: SegmentDefinitionInput) => segmentDefinitionSchema.parse(input);
/** Counts with SQL written here, on the run's own tables, independent of the segment compiler. */
async function independentCount(where: string, params: Array<string | number> = [], joinFeatures = false): Promise<number> {
  const { scores, features } = runTables(run.runId);
  const row = await workspace.db.one(`SELECT count(*) AS n FROM ${scores} s ${joinFeatures ? `JOIN ${features} f USING (customer)` : ''} WHERE ${where}`, params);
  return Number(row?.['n']);
}

const readBack = async (file: string, format: 'csv' | 'parquet' | 'json') => {
  const db = await Database.open(':memory:');
  try {
    const reader = format === 'csv' ? 'read_csv' : format === 'parquet' ? 'read_parquet' : 'read_json';
    const columns = (await db.all(`DESCRIBE SELECT * FROM ${reader}($1)`, [file])).map((row) => String(row['column_name']));
    const rows = await db.all(`SELECT count(*) AS n, count(DISTINCT run_id) AS runs, min(run_id) AS run_id, min(instance) AS instance FROM ${reader}($1)`, [file]);
    const first = await db.all(`SELECT customer_id, probability FROM ${reader}($1) LIMIT 2`, [file]);
    return { columns, count: Number(rows[0]['n']), runs: Number(rows[0]['runs']), runId: String(rows[0]['run_id']), instance: String(rows[0]['instance']), first };
  } finally {
    db.close();
  }
};


describe('segment fields and live counts', () => {
  it('offers scores, the top three reasons, every feature by its label and the profile attributes', async () => {
    const names = segments.fields().map((field) => field.name);
    expect(names.slice(0, 8)).toEqual(['customer', 'probability', 'score', 'percentile', 'bucket', 'top reason', 'reason 2', 'reason 3']);
    for (const feature of run.features) expect(names).toContain(feature.label);
    expect(names.some((name) => name.startsWith('profile: '))).toBe(true);
  });

  it('counts buckets, probability and percentile ranges, reasons, feature values and profile attributes as independent SQL does', async () => {
    const topFeature = run.features.find((feature) => feature.key === run.influence[0].key)!;
    const countFeature = run.features.find((feature) => feature.unit === 'count')!;
    const profileField = segments.fields().find((field) => field.name.startsWith('profile: ') && field.type === 'text')!;
    const profileValues = await segmentFieldValues(workspace.db, catalog, profileField.name, '', 5);
    const profileValue = profileValues.type === 'text' ? profileValues.values[0].value : '';
    const cases: Array<[SegmentDefinitionInput, number]> = [
      [{ conditions: [{ field: 'bucket', op: 'eq', value: 'high' }] }, await independentCount(`bucket = 'high'`)],
      [{ conditions: [{ field: 'probability', op: 'between', value: [0.1, 0.4] }] }, await independentCount('probability BETWEEN 0.1 AND 0.4')],
      [{ conditions: [{ field: 'percentile', op: 'gte', value: 90 }] }, await independentCount('percentile >= 90')],
      [
        { conditions: [{ field: 'bucket', op: 'eq', value: 'high' }, { field: 'top reason', op: 'eq', value: topFeature.label }] },
        await independentCount(`bucket = 'high' AND factor_1_feature = $1`, [topFeature.key]),
      ],
      [
        { match: 'any', conditions: [{ field: 'top reason', op: 'eq', value: topFeature.label }, { field: 'reason 2', op: 'eq', value: topFeature.label }] },
        await independentCount(`factor_1_feature = $1 OR factor_2_feature = $1`, [topFeature.key]),
      ],
      [{ conditions: [{ field: countFeature.label, op: 'gte', value: 2 }] }, await independentCount(`f.${JSON.stringify(countFeature.key)} >= 2`, [], true)],
      [
        { conditions: [{ field: profileField.name, op: 'eq', value: profileValue }] },
        await independentCount(
          `customer IN (SELECT CAST(${JSON.stringify(catalog.profiles!.summary.idColumn)} AS VARCHAR) FROM ${catalog.profiles!.table} WHERE CAST(${JSON.stringify(profileField.name.slice('profile: '.length))} AS VARCHAR) = $1)`,
          [String(profileValue)],
        ),
      ],
    ];
    expect(cases.map(([, expected]) => expected).every((expected) => expected > 0 && expected < run.scored)).toBe(true);
    for (const [input, expected] of cases) {
      const stats = await segments.count(definition(input));
      expect(stats.customers, JSON.stringify(input)).toBe(expected);
      expect(stats.share).toBeCloseTo(stats.customers / run.scored, 12);
    }
  });

  it('gives the mean probability, expected conversions and top reasons of a segment', async () => {
    const stats = await segments.count(definition({ conditions: [{ field: 'bucket', op: 'eq', value: 'high' }] }));
    const high = run.buckets.find((bucket) => bucket.bucket === 'high')!;
    expect(stats.customers).toBe(high.customers);
    expect(stats.meanProbability).toBeCloseTo(high.meanProbability, 9);
    expect(stats.expectedConversions).toBeCloseTo(high.meanProbability * high.customers, 6);
    expect(stats.topFactors[0].customers).toBe(await independentCount(`bucket = 'high' AND factor_1_feature = $1`, [stats.topFactors[0].key]));
  });

  it('names the condition that cannot be compiled', async () => {
    await expect(segments.count(definition({ conditions: [{ field: 'no such field', op: 'eq', value: 1 }] }))).rejects.toThrow(/definition\.conditions\.0\.field: there is no field "no such field"/);
    await expect(segments.count(definition({ conditions: [{ field: 'bucket', op: 'gt', value: 1 }] }))).rejects.toThrow(/"gt" does not apply to the text field "bucket"/);
  });
});

describe('saved segments', () => {
  it('saves, lists with summaries, renames, clones and deletes; names are unique per run', async () => {
    const saved = await segments.save({ runId: run.runId, name: 'High', definition: definition({ conditions: [{ field: 'bucket', op: 'eq', value: 'high' }] }) });
    expect(saved.stats.customers).toBe(await independentCount(`bucket = 'high'`));
    await expect(segments.save({ runId: run.runId, name: 'high', definition: definition({}) })).rejects.toThrow(/already has a segment named "high"/);
    const renamed = await renameSegment(workspace.db, saved.segmentId, 'High bucket');
    expect(renamed.name).toBe('High bucket');
    const copy = await cloneSegment(workspace.db, saved.segmentId);
    expect(copy.name).toBe('High bucket (copy)');
    expect((await segments.summary(copy.segmentId)).stats).toEqual(saved.stats);
    expect((await listSegments(workspace.db, run.runId)).map((segment) => segment.name)).toEqual(['High bucket', 'High bucket (copy)']);
    expect(await deleteSegment(workspace.db, copy.segmentId)).toBe(true);
    await expect(getSegment(workspace.db, copy.segmentId)).rejects.toThrow(/No segment/);
    await deleteSegment(workspace.db, saved.segmentId);
  });
});

describe('comparing two segments', () => {
  it('bins both on the same probability and feature bins, each summing to its size', async () => {
    const a = await segments.save({ runId: run.runId, name: 'Compare high', definition: definition({ conditions: [{ field: 'bucket', op: 'eq', value: 'high' }] }) });
    const b = await segments.save({ runId: run.runId, name: 'Compare low', definition: definition({ conditions: [{ field: 'bucket', op: 'eq', value: 'low' }] }) });
    const comparison = await compareSegments(workspace.db, catalog, [a, b], 20);
    expect(comparison.segments.map((segment) => segment.stats.customers)).toEqual([a.stats.customers, b.stats.customers]);
    for (const side of [0, 1]) {
      expect(comparison.probabilityBins.reduce((sum, bin) => sum + bin.counts[side], 0)).toBe(comparison.segments[side].stats.customers);
      for (const factor of comparison.factors) expect(factor.bins.reduce((sum, bin) => sum + bin.counts[side], 0) + factor.missing[side]).toBe(comparison.segments[side].stats.customers);
    }
    expect(comparison.factors.length).toBeGreaterThan(0);
  });
});

describe('profit threshold', () => {
  it('finds the brute-force optimum over every cut-off, and a segment cut there holds exactly the customers targeted', async () => {
    const input = { valuePerConversion: 40, costPerContact: 3, capacity: null };
    const curve = await profitOfSegment(workspace.db, catalog, definition({}), input);
    const { scores } = runTables(run.runId);
    const probabilities = (await workspace.db.all(`SELECT probability FROM ${scores}`)).map((row) => Number(row['probability']));
    let best = { profit: 0, cutoff: null as number | null, targeted: 0 };
    for (const cutoff of new Set(probabilities)) {
      const chosen = probabilities.filter((p) => p >= cutoff);
      const profit = input.valuePerConversion * chosen.reduce((sum, p) => sum + p, 0) - input.costPerContact * chosen.length;
      if (profit > best.profit + 1e-9 || (Math.abs(profit - best.profit) <= 1e-9 && best.cutoff !== null && chosen.length < best.targeted)) best = { profit, cutoff, targeted: chosen.length };
    }
    expect(curve.optimum.expectedProfit).toBeCloseTo(best.profit, 6);
    expect(curve.optimum.targeted).toBe(best.targeted);
    expect(curve.optimum.probabilityCutoff).toBe(best.cutoff);
    const atCut = await segments.count(definition({ conditions: [{ field: 'probability', op: 'gte', value: curve.optimum.probabilityCutoff! }] }));
    expect(atCut.customers).toBe(curve.optimum.targeted);
  });
});

describe('exports', () => {
  it('writes every saved segment with as many rows as its live count and an independent count, in each format, with the documented columns', async () => {
    const topFeature = run.features.find((feature) => feature.key === run.influence[0].key)!;
    const saved: Array<[SegmentSummary, number]> = [
      [await segments.save({ runId: run.runId, name: 'Export high', definition: definition({ conditions: [{ field: 'bucket', op: 'eq', value: 'high' }] }) }), await independentCount(`bucket = 'high'`)],
      [
        await segments.save({ runId: run.runId, name: 'Export high by reason', definition: definition({ conditions: [{ field: 'bucket', op: 'eq', value: 'high' }, { field: 'top reason', op: 'eq', value: topFeature.label }] }) }),
        await independentCount(`bucket = 'high' AND factor_1_feature = $1`, [topFeature.key]),
      ],
      [await segments.save({ runId: run.runId, name: 'Export empty', definition: definition({ conditions: [{ field: 'probability', op: 'gt', value: 2 }] }) }), 0],
    ];
    for (const [segment, independent] of saved) {
      const live = await segments.count(segment.definition);
      expect(live.customers).toBe(independent);
      for (const format of ['csv', 'parquet', 'json'] as const) {
        const file = join(dir, `${segment.segmentId}.${format}`);
        expect(await segments.export(segment.definition, format, file)).toEqual({ path: file, rows: independent });
        // An empty CSV has only its header and an empty NDJSON file nothing: no columns to read back.
        if (independent === 0 && format !== 'parquet') continue;
        const back = await readBack(file, format);
        if (independent > 0) {
          expect(back.columns).toEqual([...EXPORT_COLUMNS]);
          expect(back.runId).toBe(run.runId);
          expect(back.instance).toBe(run.instanceName);
          expect(back.runs).toBe(1);
          expect(Number(back.first[0]['probability'])).toBeGreaterThanOrEqual(Number(back.first[1]?.['probability'] ?? 0));
        }
        expect(back.count).toBe(independent);
      }
    }
  });

});

describe('export jobs in the app', () => {
  let engine: Engine;
  beforeAll(async () => {
    workspace.close();
    engine = new Engine({ stateDir: join(dir, 'state') });
    await engine.openWorkspace(path);
  });
  afterAll(async () => {
    await engine.shutdown();
    workspace = await Workspace.open(path);
  });

  it('asks before replacing a file, and replaces it when confirmed', async () => {
    const file = join(dir, 'existing.csv');
    writeFileSync(file, 'keep me\n');
    await expect(engine.startExport({ runId: run.runId, segmentId: null, format: 'csv', path: file, overwrite: false })).rejects.toThrow(/already exists/);
    expect(engine.exportTargetState(file)).toEqual({ exists: true, directoryExists: true });
    const job = await engine.startExport({ runId: run.runId, segmentId: null, format: 'csv', path: file, overwrite: true });
    expect((await engine.jobs.wait(job.jobId)).exported).toEqual({ path: file, rows: run.scored });
    expect((await readBack(file, 'csv')).count).toBe(run.scored);
    await expect(engine.startExport({ runId: run.runId, segmentId: null, format: 'csv', path: join(dir, 'missing', 'x.csv'), overwrite: false })).rejects.toThrow(/does not exist/);
  });

  it('exports a saved segment by id as a job that reports the file and its rows', async () => {
    const [segment] = await engine.segments(run.runId);
    const file = join(dir, 'segment.parquet');
    const job = await engine.startExport({ runId: run.runId, segmentId: segment.segmentId, format: 'parquet', path: file, overwrite: false });
    const outcome = await engine.jobs.wait(job.jobId);
    expect(outcome.status, outcome.message).toBe('succeeded');
    expect(outcome.exported).toEqual({ path: file, rows: segment.stats!.customers });
  });
});

describe('segments across runs of a goal', () => {
  let engine: Engine;
  let second: Run;
  let earlier: Segment[];
  let gone: Segment;
  beforeAll(async () => {
    earlier = await listSegments(workspace.db, run.runId);
    // A definition that held on the first run but names a feature the new run will not have.
    gone = await saveSegment(workspace.db, { runId: run.runId, name: 'Gone feature', definition: definition({ conditions: [{ field: 'a feature that is gone', op: 'gt', value: 1 }] }) });
    workspace.close();
    engine = new Engine({ stateDir: join(dir, 'state-runs') });
    await engine.openWorkspace(path);
    const job = await engine.startRun(run.instanceId);
    const outcome = await engine.jobs.wait(job.jobId);
    expect(outcome.status, outcome.message).toBe('succeeded');
    const [newest] = await engine.runs(run.instanceId);
    second = await engine.run(newest!.runId);
  });
  afterAll(async () => {
    await engine.deleteSegment(gone.segmentId);
    await engine.shutdown();
    workspace = await Workspace.open(path);
  });

  it('exports a segment by name from the latest run of a retrained goal, applying the earlier run\'s definition to it', async () => {
    expect(second.version).toBe(run.version + 1);
    await engine.closeWorkspace();
    const file = join(dir, 'latest-high.csv');
    const cli = runCli(['export', '--workspace', path, '--run', 'latest', '--segment', 'export HIGH', '--format', 'csv', '--out', file, '--json']);
    await engine.openWorkspace(path);
    expect(cli.status, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout.trim().split('\n').at(-1)!);
    const high = second.buckets.find((bucket) => bucket.bucket === 'high')!.customers;
    expect(printed).toMatchObject({ rows: high, run_id: second.runId, segment: 'Export high', segment_run_id: run.runId });
    expect((await readBack(file, 'csv')).runId).toBe(second.runId);
  });

  it('lists the earlier run\'s segments on the new run and copies them, counted over the new run; one the new run cannot count stays behind with the reason', async () => {
    expect(await engine.segments(second.runId)).toEqual([]);
    const elsewhere = await engine.segmentsFromOtherRuns(second.runId);
    const names = ['Gone feature', ...earlier.map((segment) => segment.name)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    expect(elsewhere.map((segment) => segment.name)).toEqual(names);
    expect(elsewhere.every((segment) => segment.runId === run.runId && segment.runVersion === run.version)).toBe(true);

    const carried = await engine.copySegmentsToRun(second.runId, elsewhere.map((segment) => segment.segmentId));
    expect(carried.skipped).toEqual([{ segmentId: gone.segmentId, name: 'Gone feature', reason: expect.stringMatching(/a feature that is gone/) }]);
    expect(carried.copied.map((segment) => segment.name).sort()).toEqual(names.filter((name) => name !== 'Gone feature').sort());
    for (const copy of carried.copied) {
      expect(copy.runId).toBe(second.runId);
      expect(copy.stats).toEqual(await engine.segmentCount(second.runId, copy.definition));
    }
    // What is left elsewhere is the one that could not be copied; copying a name the run now has is refused.
    expect((await engine.segmentsFromOtherRuns(second.runId)).map((segment) => segment.name)).toEqual(['Gone feature']);
    const again = await engine.copySegmentsToRun(second.runId, [earlier[0]!.segmentId, carried.copied[0]!.segmentId]);
    expect(again.copied).toEqual([]);
    expect(again.skipped.map((skipped) => skipped.reason)).toEqual([expect.stringMatching(/already has a segment named/), 'It is already on this run.']);
    // The first run keeps its own segments; the list shows the one that no longer compiles with its reason, not an error.
    const firstRun = await engine.segments(run.runId);
    expect(firstRun.map((segment) => segment.segmentId).sort()).toEqual([...earlier.map((segment) => segment.segmentId), gone.segmentId].sort());
    expect(firstRun.find((segment) => segment.segmentId === gone.segmentId)).toMatchObject({ stats: null, problem: expect.stringMatching(/a feature that is gone/) });
    expect(firstRun.filter((segment) => segment.segmentId !== gone.segmentId).every((segment) => segment.stats !== null && segment.problem === null)).toBe(true);
  });
});

describe('an interrupted export', () => {
  let engine: Engine;
  beforeAll(async () => {
    await inflateScores(workspace.db, run.runId, 6_000_000);
    workspace.close();
    engine = new Engine({ stateDir: join(dir, 'state2') });
    await engine.openWorkspace(path);
  });
  afterAll(async () => {
    await engine.shutdown();
    workspace = await Workspace.open(path);
  });

  it('leaves nothing under the final name when the process is killed half-way', async () => {
    await engine.closeWorkspace();
    const file = join(dir, 'killed.csv');
    const cli = startCli(['export', '--workspace', path, '--run', run.runId, '--format', 'csv', '--out', file]);
    cli.firstLine.catch(() => undefined); // It is killed before it prints.
    const deadline = Date.now() + 60_000;
    while (!readdirSync(dir).some((name) => name.startsWith('.killed.csv.partial-')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(readdirSync(dir).some((name) => name.startsWith('.killed.csv.partial-'))).toBe(true);
    cli.child.kill('SIGKILL');
    await new Promise((resolve) => cli.child.once('exit', resolve));
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('.killed.csv.partial-'))).toHaveLength(1);
    await engine.openWorkspace(path);
  });

  it('clears the temporary file a killed export left when the same target is exported again', async () => {
    const file = join(dir, 'killed.csv');
    const abandoned = readdirSync(dir).filter((name) => name.startsWith('.killed.csv.partial-'));
    expect(abandoned).toHaveLength(1);
    // A temporary file of a process that is still alive (this one) may still be being written: it stays.
    const live = `.killed.csv.partial-${process.pid}-0badc0de`;
    writeFileSync(join(dir, live), 'still writing');
    const empty = (await engine.segments(run.runId)).find((segment) => segment.stats?.customers === 0);
    expect(empty).toBeDefined();
    const job = await engine.startExport({ runId: run.runId, segmentId: empty!.segmentId, format: 'csv', path: file, overwrite: false });
    const outcome = await engine.jobs.wait(job.jobId);
    expect(outcome.status, outcome.message).toBe('succeeded');
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.startsWith('.killed.csv.partial-'))).toEqual([live]);
    rmSync(join(dir, live));
  });

  it('leaves nothing under the final name, nor a temporary file, when cancelled half-way', async () => {
    const file = join(dir, 'cancelled.csv');
    const job = await engine.startExport({ runId: run.runId, segmentId: null, format: 'csv', path: file, overwrite: false });
    // Cancel once DuckDB has started writing the temporary file.
    const deadline = Date.now() + 30_000;
    while (!readdirSync(dir).some((name) => name.startsWith('.cancelled.csv.partial-')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(readdirSync(dir).some((name) => name.startsWith('.cancelled.csv.partial-'))).toBe(true);
    engine.jobs.cancel(job.jobId);
    const outcome = await engine.jobs.wait(job.jobId);
    expect(outcome.status).toBe('cancelled');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('.cancelled.csv.partial-'))).toEqual([]);
  });
});
