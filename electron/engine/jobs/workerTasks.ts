import { buildDemoWorkspace } from '../demoWorkspace';
import { trainAndScore } from '../pipeline/trainAndScore';
import type { WorkerTask } from './workerProtocol';

type Progress = (fraction: number, message: string, phase?: string) => void;

/** What each kind of worker task does, inside the worker process. Cancellation is by killing the process. */
export async function runWorkerTask(task: WorkerTask, progress: Progress): Promise<unknown> {
  switch (task.kind) {
    case 'demo':
      await buildDemoWorkspace(task.path, { signal: new AbortController().signal, progress }, task.customers === undefined ? {} : { customers: task.customers });
      return { path: task.path };
    case 'train':
      return trainAndScore(task, (phase, fraction, message) => progress(fraction, message, phase));
  }
}
