import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Run } from '../../../shared/contract/runs';
import { customerFilterSchema, scoreCardSchema, type CustomerFilterInput } from '../../../shared/contract/insights';
import { customerPage } from '../../../electron/engine/insights/customerPage';
import { featureDistribution } from '../../../electron/engine/insights/featureDistribution';
import { forgetRun } from '../../../electron/engine/insights/runCache';
import { runInsights } from '../../../electron/engine/insights/runInsights';
import { scoreCard } from '../../../electron/engine/insights/scoreCard';
import { nodeProcessLauncher } from '../../../electron/engine/jobs/processLauncher';
import { runPipeline } from '../../../electron/engine/pipeline/runPipeline';
import { runTables } from '../../../electron/engine/pipeline/runStore';
import { listDatasets, getDatasetTable, datasetTable } from '../../../electron/engine/datasets/datasetCatalog';
import { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import { demoWorkspaceWithGoal } from '../../helpers/demoRunWorkspace';

let dir: string;
let workspace: Workspace;
let run: Run;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pwb-insights-'));
  const demo = await demoWorkspaceWithGoal(dir);
  workspace = await Workspace.open(demo.path);
  run = await runPipeline(workspace.db, { instanceId: demo.instance.id, instanceName: demo.instance.name, config: demo.instance.config }, {
    launch: nodeProcessLauncher(),
    job: { signal: new AbortController().signal, progress: () => undefined },
  });
});
afterAll(() => {
  workspace?.close();
  rmSync(dir, { recursive: true, force: true });
});

const bucketCount = async (where: string, params: string[] = []) =>
  Number((await workspace.db.one(`SELECT count(*) AS n FROM ${runTables(run.runId).scores} WHERE ${where}`, params))?.['n']);

describe('run insights', () => {
  it('bins every scored customer once in the score histogram, per bucket as the run counted them, with the thresholds between the buckets', async () => {
    const insights = await runInsights(workspace.db, run.runId);
    const { bins, highFrom, lowUpTo } = insights.scoreHistogram;
    for (const bucket of ['high', 'medium', 'low'] as const) {
      const binned = bins.reduce((sum, bin) => sum + bin.counts[bucket], 0);
      expect(binned).toBe(run.buckets.find((summary) => summary.bucket === bucket)?.customers);
    }
    expect(bins[0].lower).toBeCloseTo(Number((await workspace.db.one(`SELECT min(probability) AS p FROM ${runTables(run.runId).scores}`))?.['p']), 9);
    bins.slice(1).forEach((bin, index) => expect(bin.lower).toBeCloseTo(bins[index].upper, 12));
    expect(highFrom).not.toBeNull();
    expect(lowUpTo).not.toBeNull();
    expect(highFrom!).toBeGreaterThanOrEqual(lowUpTo!);
    expect(await bucketCount(`bucket = 'high' AND probability < $1`, [String(highFrom)])).toBe(0);
  });

  it('counts top reasons per bucket as an independent count does', async () => {
    const insights = await runInsights(workspace.db, run.runId);
    const first = insights.topReasons[0];
    expect(first.customers).toBe(await bucketCount(`bucket = $1 AND factor_1_feature = $2`, [first.bucket, first.key]));
    expect(insights.topReasons.reduce((sum, reason) => sum + reason.customers, 0)).toBe(await bucketCount('factor_1_feature IS NOT NULL'));
  });

  it('keeps per-bucket influence that averages to the overall influence, weighted by bucket size', () => {
    expect(run.bucketInfluence.map((entry) => entry.bucket)).toEqual(['high', 'medium', 'low']);
    const top = run.influence[0];
    const weighted = run.bucketInfluence.reduce((sum, entry) => {
      const size = run.buckets.find((summary) => summary.bucket === entry.bucket)?.customers ?? 0;
      return sum + (entry.factors.find((factor) => factor.key === top.key)?.meanPoints ?? 0) * size;
    }, 0);
    expect(weighted / run.scored).toBeCloseTo(top.meanPoints, 9);
  });
});

describe('feature distributions', () => {
  it('bins a numeric feature so that every customer with a value falls in the bin its value lies in', async () => {
    const numeric = run.influence.map((entry) => run.features.find((feature) => feature.key === entry.key)!).find((feature) => feature.unit === 'count' || feature.unit === 'days')!;
    const distribution = await featureDistribution(workspace.db, run.runId, numeric.key, 20);
    expect(distribution.kind).toBe('numeric');
    const { features, scores } = runTables(run.runId);
    const rows = await workspace.db.all(`SELECT f.${JSON.stringify(numeric.key)} AS v, s.bucket FROM ${features} f JOIN ${scores} s USING (customer)`);
    const expected = distribution.bins.map(() => ({ high: 0, medium: 0, low: 0 }));
    const missing = { high: 0, medium: 0, low: 0 };
    for (const row of rows) {
      const bucket = row['bucket'] as 'high' | 'medium' | 'low';
      const value = row['v'] === null ? NaN : Number(row['v']);
      if (Number.isNaN(value)) {
        missing[bucket]++;
        continue;
      }
      let index = distribution.bins.findIndex((bin, i) => value >= bin.lower! && (value < bin.upper! || i === distribution.bins.length - 1));
      if (index < 0) index = value < distribution.bins[0].lower! ? 0 : distribution.bins.length - 1;
      expected[index][bucket]++;
    }
    expect(distribution.bins.map((bin) => bin.counts)).toEqual(expected);
    expect(distribution.missing).toEqual(missing);
  });

  it('gives a categorical feature one bin per category, named', async () => {
    const categorical = run.features.find((feature) => feature.unit === 'category' || feature.unit === 'flag');
    expect(categorical).toBeDefined();
    const distribution = await featureDistribution(workspace.db, run.runId, categorical!.key, 20);
    expect(distribution.kind).toBe('categorical');
    const total = distribution.bins.reduce((sum, bin) => sum + bin.counts.high + bin.counts.medium + bin.counts.low, 0) + distribution.missing.high + distribution.missing.medium + distribution.missing.low;
    expect(total).toBe(run.scored);
    if (categorical!.unit === 'category') expect(distribution.bins.every((bin) => categorical!.categories!.includes(bin.label) || bin.label === '(other)')).toBe(true);
  });

  it('refuses a feature the run does not have', async () => {
    await expect(featureDistribution(workspace.db, run.runId, 'no_such_feature', 20)).rejects.toThrow(/no feature "no_such_feature"/);
  });
});

describe('customer pages', () => {
  const filterOf = (input: CustomerFilterInput) => customerFilterSchema.parse(input);

  it('pages through every customer by probability without overlap or gap', async () => {
    const seen = new Set<string>();
    let previous = Number.POSITIVE_INFINITY;
    for (let offset = 0; offset < run.scored; offset += 1000) {
      const page = await customerPage(workspace.db, run.runId, { filter: filterOf({}), sort: { column: 'probability', descending: true }, offset, limit: 1000 }, true);
      expect(page.total).toBe(run.scored);
      for (const row of page.rows) {
        expect(row.probability).toBeLessThanOrEqual(previous);
        previous = row.probability;
        seen.add(row.customer);
      }
    }
    expect(seen.size).toBe(run.scored);
  });

  it('filters by bucket, probability range and id search as independent SQL counts', async () => {
    const cases: Array<[CustomerFilterInput, string, string[]]> = [
      [{ buckets: ['high'] }, `bucket = 'high'`, []],
      [{ buckets: ['high', 'low'], minProbability: 0.05 }, `bucket IN ('high', 'low') AND probability >= 0.05`, []],
      [{ minProbability: 0.1, maxProbability: 0.3 }, `probability BETWEEN 0.1 AND 0.3`, []],
      [{ search: 'c0001' }, `lower(customer) LIKE '%c0001%'`, []],
    ];
    for (const [filter, where] of cases) {
      const page = await customerPage(workspace.db, run.runId, { filter: filterOf(filter), sort: { column: 'customer', descending: false }, offset: 0, limit: 5 }, true);
      expect(page.total, JSON.stringify(filter)).toBe(await bucketCount(where));
    }
  });

  it('reads pages by probability from the saved ranks exactly as a sort gives them, both ways, filtered or not', async () => {
    for (const descending of [true, false]) {
      for (const filter of [filterOf({}), filterOf({ buckets: ['medium'] })]) {
        for (const offset of [0, 7, Math.floor(run.scored / 2), run.scored - 3]) {
          const request = { filter, sort: { column: 'probability' as const, descending }, offset, limit: 25 };
          const ranked = await customerPage(workspace.db, run.runId, request, true);
          const sorted = await customerPage(workspace.db, run.runId, request, false);
          expect(ranked, JSON.stringify({ descending, offset, filter })).toEqual(sorted);
        }
      }
    }
  });

  it('sorts by customer id and by bucket, high first when descending', async () => {
    const byId = await customerPage(workspace.db, run.runId, { filter: filterOf({}), sort: { column: 'customer', descending: false }, offset: 0, limit: 50 }, true);
    expect(byId.rows.map((row) => row.customer)).toEqual(byId.rows.map((row) => row.customer).sort());
    const byBucket = await customerPage(workspace.db, run.runId, { filter: filterOf({}), sort: { column: 'bucket', descending: true }, offset: 0, limit: 1 }, true);
    expect(byBucket.rows[0].bucket).toBe('high');
    const last = await customerPage(workspace.db, run.runId, { filter: filterOf({}), sort: { column: 'bucket', descending: true }, offset: run.scored - 1, limit: 1 }, true);
    expect(last.rows[0].bucket).toBe('low');
  });
});

describe('score cards', () => {
  it('shows the stored score and every factor adding up from the base rate to the probability', async () => {
    const [row] = await workspace.db.all(`SELECT customer, probability, percentile, bucket FROM ${runTables(run.runId).scores} ORDER BY probability DESC LIMIT 1`);
    const card = scoreCardSchema.parse(await scoreCard(workspace.db, run.runId, String(row['customer'])));
    expect(card.probability).toBe(Number(row['probability']));
    expect(card.percentile).toBe(Number(row['percentile']));
    expect(card.bucket).toBe(row['bucket']);
    expect(card.baseRate + card.factors.reduce((sum, factor) => sum + factor.points, 0)).toBeCloseTo(card.probability, 6);
    expect(card.profile.length).toBeGreaterThan(0);
  });

  it('reads the same card with its reads split over two connections as over one', async () => {
    const customers = await workspace.db.all(`SELECT customer FROM ${runTables(run.runId).scores} ORDER BY probability DESC LIMIT 5`);
    const alongside = await workspace.db.connect();
    try {
      for (const { customer } of customers) {
        const split = await scoreCard(workspace.db, run.runId, String(customer), alongside);
        expect(split).toEqual(await scoreCard(workspace.db, run.runId, String(customer)));
        expect(split.timeline.days.length + split.profile.length).toBeGreaterThan(0);
      }
      await expect(scoreCard(workspace.db, run.runId, 'nobody', alongside)).rejects.toThrow(/did not score a customer "nobody"/);
    } finally {
      alongside.close();
    }
  });

  it('reads the timeline from the run table as a scan of the events dataset does, for runs saved before it too', async () => {
    const events = (await listDatasets(workspace.db)).find((dataset) => dataset.kind === 'events')!;
    const table = datasetTable((await getDatasetTable(workspace.db, events.id))!.tableName);
    const [busiest] = await workspace.db.all(
      `SELECT CAST(${JSON.stringify(events.idColumn)} AS VARCHAR) AS customer FROM ${table} s JOIN ${runTables(run.runId).scores} r ON r.customer = CAST(s.${JSON.stringify(events.idColumn)} AS VARCHAR)
       WHERE ${JSON.stringify(events.timeColumn!)} < CAST($1 AS TIMESTAMP) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      [run.asOf],
    );
    const customer = String(busiest['customer']);
    const fromTable = await scoreCard(workspace.db, run.runId, customer);
    expect(fromTable.timeline.days.length).toBeGreaterThan(0);
    expect(fromTable.timeline.note).toBeNull();
    const independent = await workspace.db.one(
      `SELECT count(*) AS n FROM ${table} WHERE CAST(${JSON.stringify(events.idColumn)} AS VARCHAR) = $1 AND ${JSON.stringify(events.timeColumn!)} >= CAST($2 AS TIMESTAMP) AND ${JSON.stringify(events.timeColumn!)} < CAST($3 AS TIMESTAMP)`,
      [customer, fromTable.timeline.from, fromTable.timeline.to],
    );
    expect(fromTable.timeline.days.reduce((sum, day) => sum + day.count, 0)).toBe(Number(independent?.['n']));

    await workspace.db.run(`DROP TABLE ${runTables(run.runId).timeline}`);
    forgetRun(workspace.db, run.runId);
    const fromEvents = await scoreCard(workspace.db, run.runId, customer);
    expect(fromEvents.timeline).toEqual(fromTable.timeline);
  });

  it('says which customer the run did not score', async () => {
    await expect(scoreCard(workspace.db, run.runId, 'nobody')).rejects.toThrow(/did not score a customer "nobody"/);
  });
});
