import { fork } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../shared/errors';
import type { ProcessLauncher, WorkerHandle } from '../../../electron/engine/jobs/processLauncher';
import { runInWorker } from '../../../electron/engine/jobs/runInWorker';

const SCRIPT = join(process.cwd(), 'tests', 'fixtures', 'workers', 'scripted-worker.mjs');

function scriptedLauncher(mode: string, pids: number[] = [], execArgv: string[] = []): ProcessLauncher {
  return (): WorkerHandle => {
    const child = fork(SCRIPT, [mode], { execArgv, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    pids.push(child.pid!);
    return {
      send: (message) => child.send(message as object),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
      pid: () => child.pid,
    };
  };
}

function jobContext() {
  const controller = new AbortController();
  const progress: Array<[number, string]> = [];
  return { controller, progress, job: { signal: controller.signal, progress: (fraction: number, message: string) => progress.push([fraction, message]) } };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('running a task in a worker process', () => {
  it('relays progress and resolves with the worker’s result', async () => {
    const { job, progress } = jobContext();
    const result = await runInWorker(scriptedLauncher('succeed'), { kind: 'demo', path: '/unused' }, job);
    expect(result).toEqual({ answer: 42 });
    expect(progress).toEqual([[0.5, 'half way']]);
  });

  it('turns the worker’s error into the same typed error', async () => {
    const { job } = jobContext();
    const failure = await runInWorker(scriptedLauncher('fail'), { kind: 'demo', path: '/unused' }, job).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkbenchError);
    expect(failure).toMatchObject({ code: 'io_error', message: 'disk full' });
  });

  it('reports a crashed worker as a clear error while this process carries on', async () => {
    const { job } = jobContext();
    const failure = await runInWorker(scriptedLauncher('crash'), { kind: 'demo', path: '/unused' }, job).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'internal' });
    expect((failure as Error).message).toMatch(/stopped unexpectedly \(exit code 3\)/);
  });

  it('reports a worker that runs out of memory as a clear error', async () => {
    const { job } = jobContext();
    const launcher = scriptedLauncher('out-of-memory', [], ['--max-old-space-size=64']);
    const failure = await runInWorker(launcher, { kind: 'demo', path: '/unused' }, job).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'internal' });
    expect((failure as Error).message).toMatch(/stopped unexpectedly/);
  });

  it('kills the worker within a second of cancelling', async () => {
    const { job, controller, progress } = jobContext();
    const pids: number[] = [];
    const running = runInWorker(scriptedLauncher('hang', pids), { kind: 'demo', path: '/unused' }, job);
    await expect.poll(() => progress.length).toBe(1);
    const cancelledAt = performance.now();
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    await expect.poll(() => isAlive(pids[0]!), { timeout: 1000, interval: 20 }).toBe(false);
    expect(performance.now() - cancelledAt).toBeLessThan(1000);
  });

  it('relays none of the reports still in flight when the worker is killed', async () => {
    const { job, controller, progress } = jobContext();
    const running = runInWorker(scriptedLauncher('flood'), { kind: 'demo', path: '/unused' }, job);
    await expect.poll(() => progress.length).toBeGreaterThan(1000);
    controller.abort();
    const relayedAtCancel = progress.length;
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(progress.length).toBe(relayedAtCancel);
  });
});
