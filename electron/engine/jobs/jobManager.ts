import { randomBytes } from 'node:crypto';
import { WorkbenchError } from '../../../shared/errors';
import type { JobKind, JobRef, JobSnapshot } from '../../../shared/contract/jobs';
import type { EventBus } from '../eventBus';

export interface JobContext {
  signal: AbortSignal;
  /** Reports progress; throttled so a tight loop cannot flood the transports. */
  progress(fraction: number, message: string, phase?: string): void;
}

/** What a job made, reported with its finish (the dataset of an import). */
export interface JobResult {
  datasetId?: string;
  runId?: string;
  exported?: { path: string; rows: number };
}

interface RunningJob {
  snapshot: JobSnapshot;
  controller: AbortController;
  done: Promise<void>;
}

const PROGRESS_INTERVAL_MS = 100;
const FINISHED_JOBS_KEPT = 20;

/** Runs long work in the background, reports its progress as events and lets clients cancel it. */
export class JobManager {
  private readonly jobs = new Map<string, RunningJob>();

  constructor(private readonly events: EventBus) {}

  start(kind: JobKind, work: (context: JobContext) => Promise<JobResult | void>): JobRef {
    const jobId = `job_${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
    const controller = new AbortController();
    const started = performance.now();
    const snapshot: JobSnapshot = { jobId, kind, status: 'running', fraction: 0, message: 'Starting', startedAt: new Date().toISOString() };
    let lastEmit = 0;

    const context: JobContext = {
      signal: controller.signal,
      progress: (fraction, message, phase) => {
        // A late report (from work still winding down after Cancel) must not follow the job's finish.
        if (controller.signal.aborted || snapshot.status !== 'running') return;
        snapshot.fraction = Math.min(1, Math.max(0, fraction));
        snapshot.message = message;
        if (phase !== undefined) snapshot.phase = phase;
        const now = performance.now();
        if (now - lastEmit < PROGRESS_INTERVAL_MS && fraction < 1) return;
        lastEmit = now;
        this.events.emit('job.progress', { jobId, kind, fraction: snapshot.fraction, message, ...(phase === undefined ? {} : { phase }) });
      },
    };

    const done = (async () => {
      try {
        const result = (await work(context)) ?? {};
        if (controller.signal.aborted) throw new WorkbenchError('cancelled', 'Cancelled.');
        snapshot.status = 'succeeded';
        snapshot.fraction = 1;
        if (result.datasetId !== undefined) snapshot.datasetId = result.datasetId;
        if (result.runId !== undefined) snapshot.runId = result.runId;
        if (result.exported !== undefined) snapshot.exported = result.exported;
        this.events.emit('job.finished', { jobId, kind, status: 'succeeded', elapsedMs: performance.now() - started, ...result });
      } catch (error) {
        const cancelled = controller.signal.aborted;
        snapshot.status = cancelled ? 'cancelled' : 'failed';
        const info = toErrorInfo(error, cancelled);
        snapshot.error = info;
        snapshot.message = info.message;
        this.events.emit('job.finished', { jobId, kind, status: snapshot.status, error: info, elapsedMs: performance.now() - started });
      } finally {
        this.forgetOldJobs();
      }
    })();

    this.jobs.set(jobId, { snapshot, controller, done });
    return { jobId, kind };
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) throw new WorkbenchError('not_found', `No job ${jobId}.`, 'jobId');
    if (job.snapshot.status !== 'running') return false;
    job.controller.abort();
    return true;
  }

  list(): JobSnapshot[] {
    return [...this.jobs.values()].map((job) => ({ ...job.snapshot }));
  }

  /** Resolves when the job has finished, whatever its outcome. */
  async wait(jobId: string): Promise<JobSnapshot> {
    const job = this.jobs.get(jobId);
    if (!job) throw new WorkbenchError('not_found', `No job ${jobId}.`, 'jobId');
    await job.done;
    return { ...job.snapshot };
  }

  async cancelAll(): Promise<void> {
    for (const job of this.jobs.values()) job.controller.abort();
    await Promise.all([...this.jobs.values()].map((job) => job.done));
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, job]) => job.snapshot.status !== 'running');
    for (const [jobId] of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) this.jobs.delete(jobId);
  }
}

function toErrorInfo(error: unknown, cancelled: boolean) {
  if (cancelled) return { code: 'cancelled' as const, message: 'Cancelled.' };
  if (error instanceof WorkbenchError) return error.toInfo();
  return { code: 'internal' as const, message: error instanceof Error ? error.message : String(error) };
}
