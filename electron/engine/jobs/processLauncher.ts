import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A child process running the worker entry, seen the same way whether Node or Electron started it. */
export interface WorkerHandle {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
  /** The OS process id, once the process runs (for memory readings and tests). */
  pid(): number | undefined;
}

export type ProcessLauncher = () => WorkerHandle;

/** The worker entry as TypeScript source, for Node hosts that run the engine through tsx (CLI, tests). */
export const WORKER_SOURCE_ENTRY = fileURLToPath(new URL('./workerMain.ts', import.meta.url));

/** Starts the worker with `child_process.fork`; a `.ts` entry is loaded through tsx. */
export function nodeProcessLauncher(entry: string = WORKER_SOURCE_ENTRY): ProcessLauncher {
  return () => {
    const execArgv = entry.endsWith('.ts') ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
    const child = fork(entry, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    return {
      send: (message) => {
        if (child.connected) child.send(message as object);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
      pid: () => child.pid,
    };
  };
}
