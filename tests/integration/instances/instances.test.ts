import { describe, expect, it } from 'vitest';
import type { WorkbenchClient } from '../../../shared/contract/client';
import { instanceConfigSchema, type InstanceConfigInput } from '../../../shared/instanceConfig';
import { WorkbenchError } from '../../../shared/errors';
import { createInProcessClient } from '../../../electron/host/inProcess';
import { useEngines } from '../../helpers/engineFixture';
import { workspaceWithEvents, type EventRow } from '../../helpers/goalWorkspace';

const { makeEngine, tempDir } = useEngines();

const ROWS: EventRow[] = [
  ['A', '2025-02-20 10:00:00', 'page_view', null, null],
  ['A', '2025-03-10 12:00:00', 'order_placed', 'O1', 50],
  ['B', '2025-02-25 09:00:00', 'page_view', null, null],
  ['B', '2025-03-12 09:00:00', 'page_view', null, 2.5],
  ['C', '2025-03-20 09:00:00', 'checkout', null, null],
];

/** A client over a real engine whose workspace holds the events dataset "shop". */
async function clientWithShop(): Promise<{ client: WorkbenchClient; datasetId: string }> {
  const { workspace, dataset } = await workspaceWithEvents(tempDir(), ROWS);
  const path = workspace.info.path;
  workspace.close();
  const engine = makeEngine();
  await engine.openWorkspace(path);
  return { client: createInProcessClient(engine), datasetId: dataset.id };
}

const config = (name: string): InstanceConfigInput => ({
  name,
  propensity: 'conversion',
  events: 'shop',
  goal: { occurs: true, window_days: 30, match: 'all', conditions: [{ field: 'type', op: 'eq', value: 'order_placed' }] },
});

async function failure(promise: Promise<unknown>): Promise<WorkbenchError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(WorkbenchError);
  return error as WorkbenchError;
}

describe('saved instances', () => {
  it('saves, lists, opens, renames, clones and deletes instances', async () => {
    const { client } = await clientWithShop();
    const saved = await client.call('instances.save', { config: config('Orders in 30 days') });
    expect(saved.id).toMatch(/^in_/);
    expect(saved.config).toMatchObject({ name: 'Orders in 30 days', as_of: null, population: { active_within_days: 45 } });
    expect(await client.call('instances.get', { instanceId: saved.id })).toEqual(saved);

    const edited = await client.call('instances.save', { instanceId: saved.id, config: { ...config('Orders in 30 days'), as_of: '2025-04-01' } });
    expect(edited.config.as_of).toBe('2025-04-01');
    expect(edited.createdAt).toBe(saved.createdAt);

    const renamed = await client.call('instances.rename', { instanceId: saved.id, name: 'Orders, 30 days' });
    expect(renamed.name).toBe('Orders, 30 days');
    expect(renamed.config.name).toBe('Orders, 30 days');
    const copy = await client.call('instances.clone', { instanceId: saved.id });
    const secondCopy = await client.call('instances.clone', { instanceId: saved.id });
    expect([copy.name, secondCopy.name]).toEqual(['Orders, 30 days (copy)', 'Orders, 30 days (copy 2)']);
    expect(copy.config.goal).toEqual(renamed.config.goal);

    const { instances } = await client.call('instances.list', {});
    expect(instances.map((instance) => instance.name)).toEqual(['Orders, 30 days', 'Orders, 30 days (copy 2)', 'Orders, 30 days (copy)']);
    expect(instances[0]).toMatchObject({ propensity: 'conversion', events: 'shop', windowDays: 30 });

    expect(await client.call('instances.delete', { instanceId: copy.id })).toEqual({ deleted: true, runs: 0, segments: 0 });
    expect(await client.call('instances.delete', { instanceId: copy.id })).toEqual({ deleted: false, runs: 0, segments: 0 });
    expect((await failure(client.call('instances.get', { instanceId: copy.id }))).code).toBe('not_found');
    expect((await client.call('instances.list', {})).instances).toHaveLength(2);
  });

  it('follows a renamed dataset: instances that named it keep working', async () => {
    const { client, datasetId } = await clientWithShop();
    const saved = await client.call('instances.save', { config: { ...config('Follows'), events: 'SHOP', as_of: '2025-04-01' } });
    await client.call('datasets.rename', { datasetId, name: 'Web shop' });
    const after = await client.call('instances.get', { instanceId: saved.id });
    expect(after.config.events).toBe('Web shop');
    expect((await client.call('goals.preview', { config: after.config })).population).toBeGreaterThan(0);
  });

  it('keeps names unique, ignoring case', async () => {
    const { client } = await clientWithShop();
    const first = await client.call('instances.save', { config: config('Churn') });
    await client.call('instances.save', { config: config('Upsell') });
    const duplicate = await failure(client.call('instances.save', { config: config('churn') }));
    expect(duplicate).toMatchObject({ code: 'conflict', field: 'config.name' });
    expect((await failure(client.call('instances.rename', { instanceId: first.id, name: 'UPSELL' })))).toMatchObject({ code: 'conflict', field: 'name' });
    expect((await client.call('instances.save', { instanceId: first.id, config: config('CHURN') })).name).toBe('CHURN');
  });

  it('survives closing and reopening the workspace', async () => {
    const { workspace } = await workspaceWithEvents(tempDir(), ROWS);
    const path = workspace.info.path;
    workspace.close();
    const engine = makeEngine();
    await engine.openWorkspace(path);
    const saved = await engine.saveInstance(instanceConfigSchema.parse(config('Kept')));
    await engine.closeWorkspace();
    await engine.openWorkspace(path);
    expect(await engine.instance(saved.id)).toEqual(saved);
  });
});

describe('goal building helpers', () => {
  it('starts conversion from a purchase-like event type and churn from no event at all', async () => {
    const { client, datasetId } = await clientWithShop();
    const conversion = await client.call('instances.preset', { kind: 'conversion', datasetId, windowDays: 14 });
    expect(conversion.config).toMatchObject({
      name: 'Purchase in the next 14 days',
      propensity: 'conversion',
      events: 'shop',
      goal: { occurs: true, window_days: 14, conditions: [{ field: 'type', op: 'eq', value: 'order_placed' }] },
    });
    const churn = await client.call('instances.preset', { kind: 'churn', datasetId, windowDays: 60 });
    expect(churn.config).toMatchObject({ propensity: 'churn', goal: { occurs: false, window_days: 60, match: 'all', conditions: [] } });
    // Presets are ordinary configs: they preview and save as they are.
    expect((await client.call('goals.preview', { config: churn.config })).asOf).toBe('2025-03-20T09:00:00');
  });

  it('lists the fields with their types, roles and the operators that fit', async () => {
    const { client, datasetId } = await clientWithShop();
    const { fields } = await client.call('goals.fields', { datasetId });
    expect(fields.map((field) => [field.name, field.type, field.role])).toEqual([
      ['customer', 'text', 'id'],
      ['at', 'time', 'time'],
      ['type', 'text', 'event_type'],
      ['order_id', 'text', 'attribute'],
      ['amount', 'number', 'attribute'],
    ]);
    expect(fields[4]!.operators).toContain('between');
    expect(fields[4]!.operators).not.toContain('starts_with');
  });

  it('shows the most frequent values with counts, searchable, and ranges for numbers and times', async () => {
    const { client, datasetId } = await clientWithShop();
    expect(await client.call('goals.fieldValues', { datasetId, field: 'type' })).toEqual({
      type: 'text',
      values: [
        { value: 'page_view', count: 3 },
        { value: 'checkout', count: 1 },
        { value: 'order_placed', count: 1 },
      ],
      distinct: 3,
      missing: 0,
    });
    expect(await client.call('goals.fieldValues', { datasetId, field: 'type', search: 'ORDER', limit: 5 })).toMatchObject({ values: [{ value: 'order_placed', count: 1 }], distinct: 1 });
    expect(await client.call('goals.fieldValues', { datasetId, field: 'type', search: "'; DROP TABLE pwb.instances; --" })).toMatchObject({ values: [], distinct: 0 });
    expect(await client.call('goals.fieldValues', { datasetId, field: 'amount' })).toMatchObject({ type: 'number', min: 2.5, max: 50, missing: 3 });
    expect(await client.call('goals.fieldValues', { datasetId, field: 'at' })).toEqual({ type: 'time', min: '2025-02-20T10:00:00', max: '2025-03-20T09:00:00', missing: 0 });
    expect(await failure(client.call('goals.fieldValues', { datasetId, field: 'price' }))).toMatchObject({ code: 'invalid_input', field: 'field' });
  });
});

describe('live preview', () => {
  it('lets a newer preview replace one still running: the older one reports cancelled, the newer one answers', async () => {
    const { client } = await clientWithShop();
    const base = { ...config('Live'), as_of: '2025-04-01' };
    const calls = [10, 20, 30].map((window) => client.call('goals.preview', { config: { ...base, goal: { ...base.goal, window_days: window } } }));
    const outcomes = await Promise.allSettled(calls);
    const last = outcomes.at(-1)!;
    expect(last.status).toBe('fulfilled');
    if (last.status === 'fulfilled') expect(last.value).toMatchObject({ windowDays: 30, trainCutoff: '2025-03-02T00:00:00' });
    for (const outcome of outcomes.slice(0, -1)) {
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'cancelled' });
    }
    expect(outcomes.slice(0, -1).some((outcome) => outcome.status === 'rejected')).toBe(true);
  });
});

describe('closing under load', () => {
  it('closes the workspace only after the calls running on it end, and refuses calls that arrive meanwhile', async () => {
    const { workspace, dataset } = await workspaceWithEvents(tempDir(), ROWS);
    const path = workspace.info.path;
    workspace.close();
    const engine = makeEngine();
    await engine.openWorkspace(path);
    const load = instanceConfigSchema.parse({ ...config('Load'), as_of: '2025-04-01' });
    const running = [engine.previewGoal(load), engine.fieldValues(dataset.id, 'type', '', 100), engine.instances(), engine.goalFields(dataset.id)];
    const closing = engine.closeWorkspace();
    const late = engine.previewGoal(load).then(
      () => 'answered',
      (error: unknown) => (error as WorkbenchError).code,
    );
    const outcomes = await Promise.allSettled(running);
    expect(await closing).toBe(true);
    // Each call either finished or was cancelled cleanly; none saw DuckDB close under it.
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect((outcome.reason as WorkbenchError).code).toBe('cancelled');
    }
    expect(outcomes[1]!.status).toBe('fulfilled');
    expect(await late).toBe('no_workspace');
    expect(engine.currentWorkspace).toBeNull();
    // The file is whole: it opens again and answers.
    await engine.openWorkspace(path);
    expect((await engine.previewGoal(load)).population).toBeGreaterThan(0);
  });
});
