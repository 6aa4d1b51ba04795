import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/contract/clientCore';
import { ipcChannelFor } from '../../../shared/contract/ipcChannels';
import { methodNames } from '../../../shared/contract/methods';
import { WorkbenchError } from '../../../shared/errors';

describe('contract client', () => {
  it('returns the result of an ok envelope and throws a typed error for an error envelope', async () => {
    const replies: unknown[] = [
      { ok: true, result: null },
      { ok: false, error: { code: 'no_workspace', message: 'No workspace is open.' } },
    ];
    const client = createClient(async () => replies.shift(), () => () => undefined);
    expect(await client.call('workspace.current', {})).toBeNull();
    const error = await client.call('datasets.list', {}).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect(error).toMatchObject({ code: 'no_workspace', message: 'No workspace is open.' });
  });

  it('refuses a malformed reply instead of passing it on', async () => {
    const client = createClient(async () => ({ result: 'no ok flag' }), () => () => undefined);
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'internal' });
  });

  it('delivers well-formed events to their listeners only and drops malformed ones', () => {
    let push: (message: unknown) => void = () => undefined;
    const client = createClient(async () => undefined, (listener) => {
      push = listener;
      return () => undefined;
    });
    const progress: number[] = [];
    const changes: unknown[] = [];
    const off = client.on('job.progress', (payload) => progress.push(payload.fraction));
    client.on('workspace.changed', (payload) => changes.push(payload.workspace));
    push({ event: 'job.progress', payload: { jobId: 'job_a1', kind: 'demo', fraction: 0.25, message: 'x' } });
    push({ event: 'job.progress', payload: { jobId: 'job_a1', kind: 'demo', fraction: 7, message: 'out of range' } });
    push({ event: 'no.such.event', payload: {} });
    push('garbage');
    off();
    push({ event: 'job.progress', payload: { jobId: 'job_a1', kind: 'demo', fraction: 0.5, message: 'after off' } });
    push({ event: 'workspace.changed', payload: { workspace: null } });
    expect(progress).toEqual([0.25]);
    expect(changes).toEqual([null]);
  });
});

describe('IPC channels', () => {
  it('gives every contract method its own channel and refuses strings that are not method names', () => {
    const channels = methodNames.map((method) => ipcChannelFor(method));
    expect(channels.every((channel) => channel !== null)).toBe(true);
    expect(new Set(channels).size).toBe(methodNames.length);
    expect(ipcChannelFor('../../etc')).toBeNull();
    expect(ipcChannelFor('pwb:event')).toBeNull();
    expect(ipcChannelFor('')).toBeNull();
  });
});
