import type { EventPayload } from '../../../shared/contract/events';
import type { JobSnapshot } from '../../../shared/contract/jobs';

export type JobView = EventPayload<'job.progress'> & {
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
  error?: string;
  /** The input field a failed job's error is about, such as `mapping.idColumn`. */
  errorField?: string;
  /** The dataset a finished import made. */
  datasetId?: string;
  /** The run a finished training job saved. */
  runId?: string;
  /** The file a finished export wrote. */
  exported?: { path: string; rows: number };
};

export type JobViews = Record<string, JobView>;

/** A progress report; one arriving after the job's finish (late on the wire) changes nothing. */
export function withJobProgress(jobs: JobViews, progress: EventPayload<'job.progress'>): JobViews {
  const known = jobs[progress.jobId];
  if (known && known.status !== 'running') return jobs;
  return { ...jobs, [progress.jobId]: { ...progress, status: 'running' } };
}

export function withJobFinished(jobs: JobViews, finished: EventPayload<'job.finished'>): JobViews {
  const previous = jobs[finished.jobId];
  return {
    ...jobs,
    [finished.jobId]: {
      jobId: finished.jobId,
      kind: finished.kind,
      fraction: finished.status === 'succeeded' ? 1 : (previous?.fraction ?? 0),
      message: finished.error?.message ?? 'Done',
      status: finished.status,
      ...(finished.error ? { error: finished.error.message } : {}),
      ...(finished.error?.field ? { errorField: finished.error.field } : {}),
      ...(finished.datasetId ? { datasetId: finished.datasetId } : {}),
      ...(finished.runId ? { runId: finished.runId } : {}),
      ...(finished.exported ? { exported: finished.exported } : {}),
    },
  };
}

/** Running jobs from the engine's list that this page has not heard of (started before a reload). */
export function withListedJobs(jobs: JobViews, listed: JobSnapshot[]): JobViews {
  const next = { ...jobs };
  for (const job of listed) {
    if (job.status === 'running' && !next[job.jobId]) {
      next[job.jobId] = { jobId: job.jobId, kind: job.kind, fraction: job.fraction, message: job.message, ...(job.phase === undefined ? {} : { phase: job.phase }), status: 'running' };
    }
  }
  return next;
}

/** A job this page just started, until its first report arrives. */
export function withStartedJob(jobs: JobViews, jobId: string, kind: JobView['kind']): JobViews {
  return jobs[jobId] ? jobs : { ...jobs, [jobId]: { jobId, kind, fraction: 0, message: 'Starting', status: 'running' } };
}
