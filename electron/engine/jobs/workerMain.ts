// The entry of a worker process: receives one task, reports progress, answers with a result or an error, exits.
import { WorkbenchError } from '../../../shared/errors';
import { parentMessageSchema, type WorkerMessage } from './workerProtocol';
import { runWorkerTask } from './workerTasks';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

// Under Electron's utilityProcess the channel is process.parentPort; under child_process.fork it is process.send.
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function post(message: WorkerMessage): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

async function handle(raw: unknown): Promise<void> {
  const parsed = parentMessageSchema.safeParse(raw);
  if (!parsed.success) {
    post({ type: 'failed', error: { code: 'internal', message: 'The worker received a malformed task.' } });
    return;
  }
  try {
    const result = await runWorkerTask(parsed.data.task, (fraction, message, phase) => post({ type: 'progress', fraction, message, ...(phase === undefined ? {} : { phase }) }));
    post({ type: 'done', result });
  } catch (error) {
    const info = error instanceof WorkbenchError ? error.toInfo() : { code: 'internal' as const, message: error instanceof Error ? error.message : String(error) };
    post({ type: 'failed', error: info });
  }
}

if (parentPort) parentPort.on('message', (event) => void handle(event.data));
else process.on('message', (message) => void handle(message));
