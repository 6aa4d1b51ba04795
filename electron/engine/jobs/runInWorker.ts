import { WorkbenchError } from '../../../shared/errors';
import type { JobContext } from './jobManager';
import type { ProcessLauncher } from './processLauncher';
import { workerMessageSchema, type WorkerTask } from './workerProtocol';

/**
 * Runs one task in a fresh worker process. Cancelling kills the process at once; a crash or an
 * out-of-memory there becomes an error here, and the engine process carries on.
 */
export function runInWorker(launch: ProcessLauncher, task: WorkerTask, job: Pick<JobContext, 'signal' | 'progress'>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (job.signal.aborted) {
      reject(new WorkbenchError('cancelled', 'Cancelled.'));
      return;
    }
    const worker = launch();
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () => {
      worker.kill();
      settle(() => reject(new WorkbenchError('cancelled', 'Cancelled.')));
    };
    job.signal.addEventListener('abort', onAbort);

    worker.onMessage((raw) => {
      // Messages the worker sent before it was killed still arrive; a settled task has nothing more to say.
      if (settled) return;
      const parsed = workerMessageSchema.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'progress') job.progress(message.fraction, message.message, message.phase);
      else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(WorkbenchError.fromInfo(message.error)));
      if (message.type !== 'progress') worker.kill();
    });
    worker.onExit((code, signal) => {
      settle(() =>
        reject(
          new WorkbenchError(
            'internal',
            `The worker process stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); nothing was saved. If this repeats, the machine may be short of memory.`,
          ),
        ),
      );
    });
    worker.send({ type: 'start', task });
  });
}
