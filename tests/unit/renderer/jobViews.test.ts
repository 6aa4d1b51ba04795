import { describe, expect, it } from 'vitest';
import { withJobFinished, withJobProgress, withListedJobs, withStartedJob } from '../../../renderer/src/state/jobViews';

const progress = (fraction: number) => ({ jobId: 'job_a', kind: 'demo' as const, fraction, message: `at ${fraction}` });

describe('job views on the page', () => {
  it('keeps a cancelled job cancelled when a progress report arrives after its finish', () => {
    let jobs = withStartedJob({}, 'job_a', 'demo');
    jobs = withJobProgress(jobs, progress(0.3));
    jobs = withJobFinished(jobs, { jobId: 'job_a', kind: 'demo', status: 'cancelled', error: { code: 'cancelled', message: 'Cancelled.' }, elapsedMs: 10 });
    const late = withJobProgress(jobs, progress(0.4));
    expect(late).toBe(jobs);
    expect(late.job_a).toMatchObject({ status: 'cancelled', fraction: 0.3, message: 'Cancelled.' });
  });

  it('follows progress of a running job and keeps a listed job this page already knows', () => {
    let jobs = withJobProgress({}, progress(0.2));
    jobs = withJobProgress(jobs, progress(0.5));
    expect(jobs.job_a).toMatchObject({ status: 'running', fraction: 0.5 });
    const listed = withListedJobs(jobs, [
      { jobId: 'job_a', kind: 'demo', status: 'running', fraction: 0.1, message: 'old', startedAt: '2026-01-01T00:00:00Z' },
      { jobId: 'job_b', kind: 'run', status: 'running', fraction: 0.7, message: 'Training', phase: 'training', startedAt: '2026-01-01T00:00:00Z' },
      { jobId: 'job_c', kind: 'import', status: 'succeeded', fraction: 1, message: 'Done', startedAt: '2026-01-01T00:00:00Z' },
    ]);
    expect(listed.job_a).toMatchObject({ fraction: 0.5 });
    expect(listed.job_b).toMatchObject({ status: 'running', fraction: 0.7, phase: 'training' });
    expect(listed.job_c).toBeUndefined();
  });

  it('records what a finished job made', () => {
    const jobs = withJobFinished({}, { jobId: 'job_r', kind: 'run', status: 'succeeded', runId: 'run_1', elapsedMs: 5 });
    expect(jobs.job_r).toMatchObject({ status: 'succeeded', fraction: 1, runId: 'run_1', message: 'Done' });
  });
});
