import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventMessage } from '../../../shared/contract/events';
import type { Instance } from '../../../shared/contract/instances';
import { Engine } from '../../../electron/engine/engine';
import { nodeProcessLauncher, type ProcessLauncher } from '../../../electron/engine/jobs/processLauncher';
import { demoWorkspaceWithGoal } from '../../helpers/demoRunWorkspace';

let dir: string;
let path: string;
let instance: Instance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pwb-run-jobs-'));
  ({ path, instance } = await demoWorkspaceWithGoal(dir));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real worker launcher, remembering each worker's pid and when it exited. */
function watchedLauncher(): { launch: ProcessLauncher; workers: Array<{ pid: number | undefined; exitedAt: number | null }> } {
  const base = nodeProcessLauncher();
  const workers: Array<{ pid: number | undefined; exitedAt: number | null }> = [];
  return {
    workers,
    launch: () => {
      const handle = base();
      const record = { pid: handle.pid(), exitedAt: null as number | null };
      workers.push(record);
      handle.onExit(() => (record.exitedAt = performance.now()));
      return handle;
    },
  };
}

/** Resolves at the first progress event of the job in the given phase. */
function phaseReached(engine: Engine, phase: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = engine.events.subscribe((message: EventMessage) => {
      if (message.event === 'job.progress' && message.payload.phase === phase) {
        stop();
        resolve();
      }
    });
  });
}

/** A saved run has three tables: scores, features and timeline. */
const TABLES_PER_RUN = 3;

async function runTableCount(engine: Engine): Promise<number> {
  const row = await engine.requireWorkspace().db.one(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'runs'`);
  return Number(row?.['n']);
}

describe('run jobs', () => {
  it('cancelled during training: the worker stops within a second and no run or table is left', async () => {
    const { launch, workers } = watchedLauncher();
    const engine = new Engine({ stateDir: join(dir, 'state-cancel'), launchWorker: launch });
    try {
      await engine.openWorkspace(path);
      const training = phaseReached(engine, 'training');
      const ref = await engine.startRun(instance.id);
      await training;
      const cancelledAt = performance.now();
      expect(engine.cancelJob(ref.jobId)).toBe(true);
      const finished = await engine.jobs.wait(ref.jobId);
      expect(finished.status).toBe('cancelled');
      await expect.poll(() => workers[0]?.exitedAt ?? null).not.toBeNull();
      expect((workers[0]!.exitedAt ?? Infinity) - cancelledAt).toBeLessThan(1000);
      expect(await engine.runs()).toEqual([]);
      expect(await runTableCount(engine)).toBe(0);
    } finally {
      await engine.shutdown();
    }
  });

  it('a killed worker fails the run with a clear error, leaves the workspace intact, and the next run succeeds', async () => {
    const { launch, workers } = watchedLauncher();
    const engine = new Engine({ stateDir: join(dir, 'state-kill'), launchWorker: launch });
    try {
      await engine.openWorkspace(path);
      const training = phaseReached(engine, 'training');
      const failing = await engine.startRun(instance.id);
      await training;
      process.kill(workers[0]!.pid!, 'SIGKILL');
      const failed = await engine.jobs.wait(failing.jobId);
      expect(failed.status).toBe('failed');
      expect(failed.error?.message).toMatch(/worker process stopped unexpectedly \(signal SIGKILL\); nothing was saved/);
      expect(await engine.runs()).toEqual([]);
      expect(await runTableCount(engine)).toBe(0);
      expect((await engine.instances()).map((saved) => saved.id)).toContain(instance.id);

      const next = await engine.startRun(instance.id);
      const succeeded = await engine.jobs.wait(next.jobId);
      expect(succeeded.status).toBe('succeeded');
      const runs = await engine.runs(instance.id);
      expect(runs.map((run) => run.runId)).toEqual([succeeded.runId]);
      expect(runs[0]?.version).toBe(1);
      expect(await runTableCount(engine)).toBe(TABLES_PER_RUN);
    } finally {
      await engine.shutdown();
    }
  });
});
