import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../shared/contract/events';
import { WorkbenchError } from '../../../shared/errors';
import { EventBus } from '../../../electron/engine/eventBus';
import { JobManager } from '../../../electron/engine/jobs/jobManager';

function setup() {
  const events = new EventBus();
  const seen: EventMessage[] = [];
  events.subscribe((message) => seen.push(message));
  return { jobs: new JobManager(events), seen };
}

const finished = (seen: EventMessage[]) => seen.filter((message) => message.event === 'job.finished').map((message) => message.payload);

describe('job manager', () => {
  it('reports progress and a successful finish', async () => {
    const { jobs, seen } = setup();
    const { jobId } = jobs.start('demo', async (job) => {
      job.progress(0.5, 'half way');
      job.progress(1, 'done');
    });
    const outcome = await jobs.wait(jobId);
    expect(outcome).toMatchObject({ jobId, status: 'succeeded', fraction: 1 });
    const progress = seen.filter((message) => message.event === 'job.progress').map((message) => message.payload);
    expect(progress[0]).toMatchObject({ jobId, fraction: 0.5, message: 'half way' });
    expect(finished(seen)).toEqual([expect.objectContaining({ jobId, status: 'succeeded' })]);
  });

  it('cancels a running job through its signal and reports it as cancelled', async () => {
    const { jobs, seen } = setup();
    const { jobId } = jobs.start('demo', async (job) => {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, 10_000);
        job.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new Error('aborted'));
        });
      });
    });
    const started = performance.now();
    expect(jobs.cancel(jobId)).toBe(true);
    const outcome = await jobs.wait(jobId);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(outcome.status).toBe('cancelled');
    expect(finished(seen)).toEqual([expect.objectContaining({ status: 'cancelled', error: { code: 'cancelled', message: 'Cancelled.' } })]);
    expect(jobs.cancel(jobId)).toBe(false);
  });

  it('reports a failing job with its error and keeps running other jobs', async () => {
    const { jobs, seen } = setup();
    const failing = jobs.start('demo', async () => {
      throw new WorkbenchError('io_error', 'disk full');
    });
    const fine = jobs.start('demo', async () => undefined);
    expect((await jobs.wait(failing.jobId)).status).toBe('failed');
    expect((await jobs.wait(fine.jobId)).status).toBe('succeeded');
    expect(finished(seen).find((payload) => payload.jobId === failing.jobId)?.error).toEqual({ code: 'io_error', message: 'disk full' });
    // A client that connects later still learns why it failed.
    expect(jobs.list().find((job) => job.jobId === failing.jobId)).toMatchObject({ status: 'failed', message: 'disk full', error: { code: 'io_error', message: 'disk full' } });
  });

  it('reports what a finished job made, in its event and in the list', async () => {
    const { jobs, seen } = setup();
    const { jobId } = jobs.start('import', async () => ({ datasetId: 'ds_abc123' }));
    expect(await jobs.wait(jobId)).toMatchObject({ status: 'succeeded', datasetId: 'ds_abc123' });
    expect(finished(seen)).toEqual([expect.objectContaining({ jobId, status: 'succeeded', datasetId: 'ds_abc123' })]);
  });

  it('reports no progress after Cancel, even from work still winding down', async () => {
    const { jobs, seen } = setup();
    let reportLate: (() => void) | undefined;
    const { jobId } = jobs.start('demo', async (job) => {
      reportLate = () => job.progress(0.9, 'late report');
      await new Promise<void>((_resolve, reject) => job.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    });
    jobs.cancel(jobId);
    await jobs.wait(jobId);
    reportLate?.();
    expect(seen.at(-1)).toMatchObject({ event: 'job.finished', payload: { jobId, status: 'cancelled' } });
    expect(seen.some((message) => message.event === 'job.progress' && message.payload.message === 'late report')).toBe(false);
    expect(jobs.list().find((job) => job.jobId === jobId)).toMatchObject({ status: 'cancelled', message: 'Cancelled.' });
  });

  it('throttles a flood of progress reports', async () => {
    const { jobs, seen } = setup();
    const { jobId } = jobs.start('demo', async (job) => {
      for (let i = 0; i < 10_000; i++) job.progress(i / 10_000, `step ${i}`);
    });
    await jobs.wait(jobId);
    expect(seen.filter((message) => message.event === 'job.progress').length).toBeLessThan(10);
  });

  it('refuses to cancel a job it does not know', () => {
    const { jobs } = setup();
    expect(() => jobs.cancel('job_unknown')).toThrow(WorkbenchError);
  });
});
