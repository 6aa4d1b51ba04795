import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/contract/methods';
import { WorkbenchError } from '../../../shared/errors';
import { createDispatcher } from '../../../electron/host/dispatcher';
import { createHandlers } from '../../../electron/host/handlers';
import { createInProcessClient } from '../../../electron/host/inProcess';
import { useEngines } from '../../helpers/engineFixture';
import { invalidInputs } from '../../helpers/invalidInputs';
import { catalogMigrations } from '../../../electron/engine/workspace/migrations';

const { makeEngine, tempDir } = useEngines();

describe('contract validation', () => {
  it('lists invalid inputs for every method of the contract', () => {
    expect(Object.keys(invalidInputs).sort()).toEqual([...methodNames].sort());
  });

  for (const method of methodNames) {
    it(`refuses invalid input to ${method} with an error naming the field`, async () => {
      const dispatch = createDispatcher(createHandlers(makeEngine(), { transport: 'in-process', version: 'test' }));
      for (const { input, field } of invalidInputs[method]) {
        const reply = await dispatch(method, input);
        expect(reply.ok, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
        if (reply.ok) continue;
        expect(reply.error.code).toBe('invalid_input');
        expect(reply.error.field).toBe(field);
        expect(reply.error.message).toContain(method);
        expect(reply.error.message).toContain(field);
      }
    });
  }

  it('answers an unknown method with an error, not a crash', async () => {
    const dispatch = createDispatcher(createHandlers(makeEngine(), { transport: 'in-process', version: 'test' }));
    const reply = await dispatch('workspace.destroyEverything', {});
    expect(reply).toEqual({ ok: false, error: { code: 'unknown_method', message: 'There is no method named "workspace.destroyEverything".' } });
  });

  it('turns engine errors into typed errors on the client', async () => {
    const client = createInProcessClient(makeEngine());
    const error = await client.call('datasets.list', {}).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).code).toBe('no_workspace');
  });

  it('creates, lists, closes and reopens a workspace through the in-process client, with events', async () => {
    const engine = makeEngine();
    const client = createInProcessClient(engine);
    const changes: Array<string | null> = [];
    client.on('workspace.changed', ({ workspace }) => changes.push(workspace?.name ?? null));
    const path = join(tempDir(), 'clients.pwb');

    const created = await client.call('workspace.create', { path, name: 'Clients' });
    expect(created).toMatchObject({ path, name: 'Clients', schemaVersion: catalogMigrations.length });
    expect(await client.call('datasets.list', {})).toEqual({ datasets: [] });
    expect(await client.call('workspace.close', {})).toEqual({ closed: true });
    expect(await client.call('workspace.current', {})).toBeNull();
    await client.call('workspace.open', { path });
    const recent = await client.call('workspace.recent', {});
    expect(recent.items).toEqual([expect.objectContaining({ path, name: 'Clients', exists: true })]);
    expect(changes).toEqual(['Clients', null, 'Clients']);
    const info = await client.call('app.info', {});
    expect(info).toMatchObject({ transport: 'in-process', nativeDialogs: false, workspace: { name: 'Clients' } });
  });

  it('keeps the open workspace when opening another file fails', async () => {
    const client = createInProcessClient(makeEngine());
    const path = join(tempDir(), 'kept.pwb');
    await client.call('workspace.create', { path });
    await expect(client.call('workspace.open', { path: join(tempDir(), 'nope.pwb') })).rejects.toMatchObject({ code: 'not_found' });
    expect(await client.call('workspace.current', {})).toMatchObject({ path });
  });

  it('says file dialogs are unavailable outside the desktop app', async () => {
    const client = createInProcessClient(makeEngine());
    await expect(client.call('dialog.pickWorkspace', { mode: 'open' })).rejects.toMatchObject({ code: 'unsupported' });
  });
});
