import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Instance } from '../../../shared/contract/instances';
import { runSchema, type Run } from '../../../shared/contract/runs';
import { nodeProcessLauncher } from '../../../electron/engine/jobs/processLauncher';
import { explainCustomer } from '../../../electron/engine/pipeline/explainCustomer';
import { TOP_FACTORS } from '../../../electron/engine/pipeline/factorPoints';
import { runPipeline } from '../../../electron/engine/pipeline/runPipeline';
import { getRun, listRuns, runTables } from '../../../electron/engine/pipeline/runStore';
import { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import { demoWorkspaceWithGoal } from '../../helpers/demoRunWorkspace';

let dir: string;
let workspace: Workspace;
let instance: Instance;
let run: Run;
const phases = new Set<string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pwb-demo-run-'));
  const demo = await demoWorkspaceWithGoal(dir);
  instance = demo.instance;
  workspace = await Workspace.open(demo.path);
  run = await runPipeline(workspace.db, { instanceId: instance.id, instanceName: instance.name, config: instance.config }, {
    launch: nodeProcessLauncher(),
    job: { signal: new AbortController().signal, progress: (_fraction, _message, phase) => phase && phases.add(phase) },
  });
});
afterAll(() => {
  workspace?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a run on the demo data', () => {
  it('reports every phase and saves a readable, versioned run', async () => {
    expect([...phases]).toEqual(expect.arrayContaining(['labels', 'features', 'training', 'scoring', 'explaining', 'saving']));
    expect(runSchema.parse(await getRun(workspace.db, run.runId))).toEqual(run);
    expect(run.version).toBe(1);
    expect(run.scored).toBeGreaterThan(500);
    expect(run.validation.auc).toBeGreaterThan(0.6);
    expect(run.baselines.map((baseline) => baseline.name)).toEqual(['recency', 'single_tree']);
    expect(run.features.some((feature) => feature.family === 'profile')).toBe(true);
    expect(run.timings['total']).toBeGreaterThan(0);
    expect((await listRuns(workspace.db, instance.id)).map((summary) => summary.runId)).toEqual([run.runId]);
  });

  it('gives every customer a probability, percentile 1–100 and bucket consistent with the thresholds', async () => {
    const { scores } = runTables(run.runId);
    const row = await workspace.db.one(
      `SELECT count(*) AS n, min(percentile) AS lo, max(percentile) AS hi, min(probability) AS pmin, max(probability) AS pmax,
              count(*) FILTER (WHERE (percentile >= 75) <> (bucket = 'high') OR (percentile < 25) <> (bucket = 'low')) AS misfiled
       FROM ${scores}`,
    );
    expect(Number(row?.['n'])).toBe(run.scored);
    expect(Number(row?.['lo'])).toBe(1);
    expect(Number(row?.['hi'])).toBe(100);
    expect(Number(row?.['pmin'])).toBeGreaterThanOrEqual(0);
    expect(Number(row?.['pmax'])).toBeLessThanOrEqual(1);
    expect(Number(row?.['misfiled'])).toBe(0);
    expect(run.buckets.reduce((sum, bucket) => sum + bucket.customers, 0)).toBe(run.scored);
  });

  it('explains each customer with factors that add up from the base rate to their probability within 1e-6, the stored top five among them', async () => {
    const { scores } = runTables(run.runId);
    const columns = Array.from({ length: TOP_FACTORS }, (_, k) => `factor_${k + 1}_feature, factor_${k + 1}_points, factor_${k + 1}_sentence`).join(', ');
    const rows = await workspace.db.all(`SELECT customer, probability, ${columns} FROM ${scores} USING SAMPLE 60 ROWS (reservoir, 5)`);
    expect(rows.length).toBe(60);
    for (const row of rows) {
      const explanation = await explainCustomer(workspace.db, run.runId, String(row['customer']));
      const total = explanation.factors.reduce((sum, factor) => sum + factor.points, explanation.baseRate);
      expect(Math.abs(total - Number(row['probability']))).toBeLessThan(1e-6);
      expect(Math.abs(explanation.probability - Number(row['probability']))).toBeLessThan(1e-9);
      explanation.factors.slice(0, TOP_FACTORS).forEach((factor, k) => {
        expect(row[`factor_${k + 1}_feature`]).toBe(factor.key);
        expect(Math.abs(Number(row[`factor_${k + 1}_points`]) - factor.points)).toBeLessThan(1e-9);
        expect(row[`factor_${k + 1}_sentence`]).toBe(factor.sentence);
      });
    }
  });

  it('keeps the run readable after a second run, which gets the next version', async () => {
    const second = await runPipeline(workspace.db, { instanceId: instance.id, instanceName: instance.name, config: instance.config }, {
      launch: nodeProcessLauncher(),
      job: { signal: new AbortController().signal, progress: () => undefined },
    });
    expect(second.version).toBe(2);
    expect((await listRuns(workspace.db, instance.id)).map((summary) => summary.version)).toEqual([2, 1]);
    expect((await getRun(workspace.db, run.runId)).validation).toEqual(run.validation);
    // Same data, same seed: the same model and scores.
    expect(second.validation.auc).toBe(run.validation.auc);
  });
});
