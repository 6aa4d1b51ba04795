import { describe, expect, it } from 'vitest';
import { instanceConfigSchema } from '../../../shared/instanceConfig';
import { datasetTable } from '../../../electron/engine/datasets/datasetCatalog';
import { SqlParameters } from '../../../electron/engine/conditions/sqlParameters';
import { planFeatures, type FeaturePlan } from '../../../electron/engine/features/featurePlan';
import { featureMatrixSql } from '../../../electron/engine/features/featureSql';
import { populationLabelsSql } from '../../../electron/engine/features/populationLabels';
import { goalWindows, shiftDays, type GoalWindows } from '../../../electron/engine/features/timeWindows';
import { resolveInstance, type ResolvedInstance } from '../../../electron/engine/instances/resolveInstance';
import { readLabelledColumns, type LabelledColumns } from '../../../electron/engine/sql/columnReader';
import type { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import { workspaceWithEvents, type EventRow } from '../../helpers/goalWorkspace';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const AS_OF = '2024-06-01T00:00:00';
const WINDOWS = goalWindows(AS_OF, 30);
const SCORING: GoalWindows = { trainCutoff: WINDOWS.asOf, asOf: shiftDays(WINDOWS.asOf, 30) };

const config = instanceConfigSchema.parse({
  name: 'Leakage guard',
  propensity: 'conversion',
  events: 'shop',
  goal: { occurs: true, window_days: 30, match: 'all', conditions: [{ field: 'type', op: 'eq', value: 'purchase' }] },
  population: { active_within_days: null },
  custom_events: [{ name: 'Big order', match: 'all', conditions: [{ field: 'amount', op: 'gt', value: 50 }] }],
  as_of: AS_OF,
});

/** Seeded history: 80 customers with views, carts and purchases from January to the end of May 2024. */
function history(): EventRow[] {
  let state = 7;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows: EventRow[] = [];
  for (let c = 0; c < 80; c++) {
    const events = 3 + Math.floor(next() * 25);
    for (let e = 0; e < events; e++) {
      const day = Math.floor(next() * 150);
      const time = shiftDays('2024-01-01T00:00:00', day + next());
      const roll = next();
      const type = roll < 0.6 ? 'view' : roll < 0.85 ? 'cart' : 'purchase';
      rows.push([`c${c}`, time.replace('T', ' '), type, type === 'purchase' ? `o${c}_${e}` : null, type === 'purchase' ? Math.round(next() * 100) : null]);
    }
  }
  return rows;
}

async function matrix(workspace: Workspace, resolved: ResolvedInstance, plan: FeaturePlan, at: string, windows: GoalWindows): Promise<LabelledColumns> {
  const params = new SqlParameters();
  return readLabelledColumns(workspace.db, featureMatrixSql(resolved, plan, at, populationLabelsSql(resolved, windows, params), params), params.values);
}

async function insert(workspace: Workspace, rows: EventRow[]): Promise<void> {
  for (const row of rows) await workspace.db.run(`INSERT INTO ${datasetTable('d_shop')} VALUES ($1, CAST($2 AS TIMESTAMP), $3, $4, $5)`, [...row]);
}

/** Events of every kind for every customer (and for customers never seen before) at and after `from`. */
function lateEvents(from: string, until: string): EventRow[] {
  const rows: EventRow[] = [];
  const span = (Date.parse(`${until}Z`) - Date.parse(`${from}Z`)) / 86_400_000;
  for (let c = 0; c < 90; c++) {
    for (const [k, type] of ['view', 'cart', 'purchase', 'refund'].entries()) {
      const time = shiftDays(from, ((c * 7 + k * 3) % Math.max(1, Math.floor(span * 10))) / 10);
      rows.push([`c${c}`, time, type, `late_${c}_${k}`, 500 + c]);
    }
  }
  rows.push(['c0', from, 'purchase', 'late_exact', 999]);
  return rows;
}

function expectSameFeatures(before: LabelledColumns, after: LabelledColumns): void {
  expect(after.ids).toEqual(before.ids);
  before.columns.forEach((column, index) => expect([...after.columns[index]], `feature ${index}`).toEqual([...column]));
}

describe('features and labels never read past their cutoff', () => {
  it('events added after the cutoff change no feature value, and events after as_of change no label', async () => {
    const { workspace } = await workspaceWithEvents(tempDir(), history());
    try {
      const resolved = await resolveInstance(workspace.db, config);
      const plan = await planFeatures(workspace.db, resolved, WINDOWS.trainCutoff);
      expect(plan.features.length).toBeGreaterThan(20);
      const training = await matrix(workspace, resolved, plan, WINDOWS.trainCutoff, WINDOWS);
      const scoring = await matrix(workspace, resolved, plan, WINDOWS.asOf, SCORING);
      expect(training.ids.length).toBeGreaterThan(50);
      expect(new Set(training.labels).size).toBe(2);

      // Past as_of (the end of the label window): nothing about training or scoring may move.
      await insert(workspace, lateEvents(WINDOWS.asOf, '2024-09-01T00:00:00'));
      const resolvedAfter = await resolveInstance(workspace.db, config);
      expect(await planFeatures(workspace.db, resolvedAfter, WINDOWS.trainCutoff)).toEqual(plan);
      const trainingAfterAsOf = await matrix(workspace, resolvedAfter, plan, WINDOWS.trainCutoff, WINDOWS);
      expectSameFeatures(training, trainingAfterAsOf);
      expect([...trainingAfterAsOf.labels]).toEqual([...training.labels]);
      expectSameFeatures(scoring, await matrix(workspace, resolvedAfter, plan, WINDOWS.asOf, SCORING));

      // Inside the label window: features stay; only the labels of customers who now purchase in it may turn positive.
      const inWindow = lateEvents(WINDOWS.trainCutoff, WINDOWS.asOf);
      await insert(workspace, inWindow);
      const trainingAfterCutoff = await matrix(workspace, resolvedAfter, plan, WINDOWS.trainCutoff, WINDOWS);
      expectSameFeatures(training, trainingAfterCutoff);
      const purchasedInWindow = new Set(inWindow.filter((row) => row[2] === 'purchase').map((row) => row[0]));
      training.ids.forEach((id, index) => {
        const expected = purchasedInWindow.has(id) ? 1 : training.labels[index];
        expect(trainingAfterCutoff.labels[index], id).toBe(expected);
      });
    } finally {
      workspace.close();
    }
  });

  it('computes counts by hand-checkable rules: events in the 30 days before the cutoff, strictly before it', async () => {
    const rows: EventRow[] = [
      ['a', '2024-05-01 00:00:00', 'view', null, null],
      ['a', '2024-04-01 23:59:59', 'view', null, null],
      ['a', '2024-04-02 00:00:00', 'purchase', 'o1', 80],
      ['a', '2024-05-02 00:00:00', 'purchase', 'o2', 20],
      ['b', '2024-04-20 00:00:00', 'view', null, null],
      ['b', '2024-05-10 00:00:00', 'purchase', 'o3', 10],
      ['old', '2023-01-12 00:00:00', 'purchase', 'o4', 40],
    ];
    const { workspace } = await workspaceWithEvents(tempDir(), rows);
    try {
      const resolved = await resolveInstance(workspace.db, config);
      const plan = await planFeatures(workspace.db, resolved, WINDOWS.trainCutoff);
      const training = await matrix(workspace, resolved, plan, WINDOWS.trainCutoff, WINDOWS);
      const column = (key: string) => training.columns[plan.features.findIndex((feature) => feature.definition.key === key)];
      // Cutoff 2024-05-02: a's events on 04-02 (exactly 30 days before), 05-01 count; 04-01 23:59:59 and 05-02 do not.
      // "old" has one event 476 days before the cutoff: outside every window, but still in the whole-history features.
      expect(training.ids).toEqual(['a', 'b', 'old']);
      expect([...column('events_30d')]).toEqual([2, 1, 0]);
      expect([...column('events_365d')]).toEqual([3, 1, 0]);
      expect([...column('days_since_last_event')]).toEqual([1, 12, 476]);
      expect(column('tenure_days')[0]).toBeCloseTo(30 + 1 / 86400, 4);
      expect([...column('tenure_days')].slice(1)).toEqual([12, 476]);
      expect([...column('custom_big_order_365d')]).toEqual([1, 0, 0]);
      expect([...column('days_since_last_custom_big_order')]).toEqual([30, NaN, NaN]);
      expect([...column('sum_amount_365d')]).toEqual([80, 0, 0]);
      expect([...column('mean_amount_365d')]).toEqual([80, NaN, NaN]);
      expect([...column('active_days')]).toEqual([3, 1, 1]);
      expect([...column('average_days_between_active_days')]).toEqual([15, NaN, NaN]);
      expect([...training.labels]).toEqual([1, 1, 0]);
    } finally {
      workspace.close();
    }
  });
});
