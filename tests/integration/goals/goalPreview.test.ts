import { afterEach, describe, expect, it } from 'vitest';
import type { ConditionNode } from '../../../shared/conditions';
import { instanceConfigSchema, type InstanceConfigInput } from '../../../shared/instanceConfig';
import { WorkbenchError } from '../../../shared/errors';
import { previewGoal } from '../../../electron/engine/instances/goalPreview';
import type { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import { workspaceWithEvents, type EventRow } from '../../helpers/goalWorkspace';
import { useTempDirs } from '../../helpers/tempDir';

/**
 * as_of 2025-04-01, 30-day window: training cutoff 2025-03-02T00:00:00, label window [03-02, 04-01).
 * Active within 45 days of the cutoff: a last event on or after 2025-01-16.
 */
const ROWS: EventRow[] = [
  ['A', '2025-02-20 10:00:00', 'view', null, null],
  ['A', '2025-03-10 12:00:00', 'purchase', 'O1', 50],
  ['A', '2025-05-01 00:00:00', 'purchase', 'O9', 70],
  ['B', '2025-02-25 09:00:00', 'view', null, null],
  ['C', '2024-10-01 09:00:00', 'purchase', 'O0', 20],
  ['D', '2025-03-05 09:00:00', 'purchase', 'O2', 30],
  ['E', '2025-02-28 09:00:00', 'view', null, null],
  ['E', '2025-03-15 09:00:00', 'purchase', 'TEST-1', 0],
  ['F', '2025-03-01 23:59:59', 'view', null, null],
  ['F', '2025-04-01 00:00:00', 'purchase', 'O3', 10],
  ['G', '2025-02-01 08:00:00', 'view', null, null],
  ['G', '2025-03-02 00:00:00', 'purchase', 'O4', 15],
  ['H', '2025-01-20 08:00:00', 'signup', null, null],
  ['H', '2025-03-20 08:00:00', 'view', null, null],
];

const PURCHASE: ConditionNode = { field: 'type', op: 'eq', value: 'purchase' };

function config(overrides: Partial<InstanceConfigInput> = {}) {
  return instanceConfigSchema.parse({
    name: 'Purchase in 30 days',
    propensity: 'conversion',
    events: 'shop',
    goal: { occurs: true, window_days: 30, match: 'all', conditions: [PURCHASE] },
    as_of: '2025-04-01',
    sufficiency: { warn_below: 5, refuse_below: 2 },
    ...overrides,
  });
}

const tempDir = useTempDirs();
const open: Workspace[] = [];
afterEach(() => {
  for (const workspace of open.splice(0)) workspace.close();
});

async function preview(overrides: Partial<InstanceConfigInput> = {}) {
  const { workspace } = await workspaceWithEvents(tempDir(), ROWS);
  open.push(workspace);
  return previewGoal(workspace.db, config(overrides));
}

const codes = (result: Awaited<ReturnType<typeof preview>>) => result.diagnostics.map((diagnostic) => `${diagnostic.severity}:${diagnostic.code}`);

describe('goal preview: windows, population and labels', () => {
  it('counts the population active before the cutoff and the positives in [cutoff, as_of)', async () => {
    const result = await preview();
    expect(result).toMatchObject({ asOf: '2025-04-01T00:00:00', trainCutoff: '2025-03-02T00:00:00', population: 6, positives: 3, negatives: 3, positiveRate: 0.5 });
    // A (03-10), E (03-15) and G (exactly at the cutoff) are positive; F's purchase at as_of is outside the window.
    expect(result.eventsConsidered).toBe(ROWS.filter((row) => row[1] < '2025-04-01').length);
    expect(codes(result)).toEqual(['warning:NOT_ENOUGH_POSITIVES', 'warning:NOT_ENOUGH_NEGATIVES']);
    expect(result.canTrain).toBe(true);
  });

  it('inverts the label when the goal must not occur', async () => {
    const result = await preview({ goal: { occurs: false, window_days: 30, match: 'all', conditions: [PURCHASE] } });
    expect(result).toMatchObject({ population: 6, positives: 3, negatives: 3 });
    const churn = await preview({ goal: { occurs: false, window_days: 30, match: 'all', conditions: [] } });
    // Any event in the window counts: A, E, G, H were active in it; B and F were not.
    expect(churn).toMatchObject({ population: 6, positives: 2, negatives: 4 });
  });

  it('drops excluded events before anything is computed', async () => {
    const result = await preview({ exclusions: [{ field: 'order_id', op: 'starts_with', value: 'TEST' }] });
    expect(result).toMatchObject({ population: 6, positives: 2, negatives: 4, eventsExcluded: 1 });
  });

  it('takes every customer with an event before the cutoff when active_within_days is null', async () => {
    const result = await preview({ population: { active_within_days: null } });
    expect(result).toMatchObject({ population: 7, positives: 3, negatives: 4 });
  });

  it('applies include and exclude filters within their own lookbacks', async () => {
    const signup: ConditionNode = { field: 'type', op: 'eq', value: 'signup' };
    expect(await preview({ population: { include: [{ lookback_days: 60, conditions: [signup] }] } })).toMatchObject({ population: 1, positives: 0 });
    const tooShort = await preview({ population: { include: [{ lookback_days: 30, conditions: [signup] }] } });
    expect(tooShort.population).toBe(0);
    expect(codes(tooShort)).toEqual(['error:EMPTY_POPULATION']);
    expect(tooShort.canTrain).toBe(false);
    expect(await preview({ population: { exclude: [{ lookback_days: null, conditions: [signup] }] } })).toMatchObject({ population: 5, positives: 3 });
    expect(await preview({ population: { exclude: [{ lookback_days: 10, conditions: [signup] }] } })).toMatchObject({ population: 6 });
  });

  it('takes the latest event as as_of when none is given, and never reads events at or after it', async () => {
    const result = await preview({ as_of: null });
    expect(result).toMatchObject({ asOf: '2025-05-01T00:00:00', trainCutoff: '2025-04-01T00:00:00', population: 7, positives: 1 });
  });

  it('counts custom events before as_of', async () => {
    const result = await preview({ custom_events: [{ name: 'Purchase', conditions: [PURCHASE] }] });
    expect(result.customEvents).toEqual([{ name: 'Purchase', events: 5, customers: 5 }]);
  });
});

describe('goal preview: sufficiency diagnostics', () => {
  it('refuses too few positives and negatives under refuse_below, warns under warn_below', async () => {
    const result = await preview({ sufficiency: { warn_below: 10, refuse_below: 4 } });
    expect(codes(result)).toEqual(['error:NOT_ENOUGH_POSITIVES', 'error:NOT_ENOUGH_NEGATIVES']);
    expect(result.diagnostics[0]!.fix).toMatch(/longer window/);
    expect(result.canTrain).toBe(false);
    expect(codes(await preview({ sufficiency: { warn_below: 3, refuse_below: 1 } }))).toEqual([]);
  });

  it('reports a goal that labels everyone the same', async () => {
    const result = await preview({ goal: { occurs: true, window_days: 30, match: 'all', conditions: [{ field: 'type', op: 'eq', value: 'refund' }] } });
    expect(codes(result)).toEqual(['error:SINGLE_VALUE_GOAL']);
    expect(result.diagnostics[0]!.message).toMatch(/All 6 customers in the population are negative/);
  });

  it('reports exclusions that drop every event', async () => {
    const result = await preview({ exclusions: [{ field: 'customer', op: 'exists' }] });
    expect(codes(result)).toEqual(['error:NO_EVENTS_AFTER_EXCLUSIONS']);
    expect(result).toMatchObject({ population: 0, eventsConsidered: 0, eventsExcluded: 12 });
  });

  it('reports history shorter than the window (refused) or than lookback plus window (warned)', async () => {
    const refused = await preview({ goal: { occurs: true, window_days: 200, match: 'all', conditions: [PURCHASE] } });
    expect(codes(refused)).toEqual(['error:NOT_ENOUGH_HISTORY']);
    const warned = await preview({ goal: { occurs: true, window_days: 160, match: 'all', conditions: [PURCHASE] }, population: { active_within_days: null } });
    expect(codes(warned)[0]).toBe('warning:NOT_ENOUGH_HISTORY');
    expect(warned.requiredHistoryDays).toBe(190);
    expect(warned.historyDays).toBeCloseTo(181.63, 2);
  });
});

describe('goal preview: an as_of past the data', () => {
  it('warns when the label window runs past the last event', async () => {
    const result = await preview({ as_of: '2025-05-20' });
    expect(codes(result)).toContain('warning:WINDOW_PAST_DATA');
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'WINDOW_PAST_DATA')!.message).toMatch(/ends 19 days before as_of \(last event 2025-05-01\): 19 days of the 30-day label window/);
    expect(codes(await preview({ as_of: '2025-05-03' }))).not.toContain('warning:WINDOW_PAST_DATA');
  });
});

describe('goal preview: bad configs', () => {
  it('names the dataset that does not exist', async () => {
    const failure = await preview({ events: 'orders' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkbenchError);
    expect(failure).toMatchObject({ code: 'invalid_input', field: 'events' });
    expect((failure as Error).message).toMatch(/no dataset "orders".*events datasets: "shop"/);
  });

  it('names the node with an unknown field, wherever it sits', async () => {
    const failure = await preview({
      population: { include: [{ lookback_days: 30, conditions: [{ match: 'any', conditions: [PURCHASE, { field: 'Price', op: 'gt', value: 3 }] }] }] },
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'invalid_input', field: 'population.include.0.conditions.0.conditions.1.field' });
  });
});
