// A worker launcher for the pipeline benchmark: starts the engine's worker through nodeProcessLauncher, and
// also samples the worker's memory from /proc and keeps the last task it was sent (so the benchmark can hand the very
// same matrices to the peer once the run is over).
import { readFileSync } from 'node:fs';
import { nodeProcessLauncher, WORKER_SOURCE_ENTRY, type ProcessLauncher } from '../../electron/engine/jobs/processLauncher';
import type { TrainTask } from '../../electron/engine/pipeline/trainTask';

const SAMPLE_MS = 200;

export interface WorkerMemory {
  /** Largest VmHWM (peak resident set, kB → MB) read from /proc/<pid>/status while the worker ran. */
  peakHwmMb: number;
  /** Largest VmRSS seen in the samples, MB (VmHWM should be at least this). */
  peakRssMb: number;
  /** Largest engine RSS + worker VmRSS at one sample: what both processes held at the same moment, MB. */
  peakTogetherMb: number;
  samples: number;
  workers: number;
}

export interface MeasuringLauncher {
  launch: ProcessLauncher;
  memory(): WorkerMemory;
  /** The train task of the last start message sent to a worker, or null. */
  lastTrainTask(): TrainTask | null;
  /** Drops the kept task, so its arrays can be collected. */
  forgetTask(): void;
}

/** VmHWM and VmRSS in kB, or null once the process is gone. */
function readStatus(pid: number): { hwmKb: number; rssKb: number } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  return { hwmKb: field('VmHWM'), rssKb: field('VmRSS') };
}

export function measuringLauncher(entry: string = WORKER_SOURCE_ENTRY): MeasuringLauncher {
  let hwmKb = 0;
  let rssKb = 0;
  let togetherBytes = 0;
  let samples = 0;
  let workers = 0;
  let task: TrainTask | null = null;

  const base = nodeProcessLauncher(entry);
  const launch: ProcessLauncher = () => {
    const worker = base();
    workers++;
    const sample = () => {
      const pid = worker.pid();
      if (pid === undefined) return;
      const status = readStatus(pid);
      if (status === null) return;
      samples++;
      hwmKb = Math.max(hwmKb, status.hwmKb);
      rssKb = Math.max(rssKb, status.rssKb);
      togetherBytes = Math.max(togetherBytes, process.memoryUsage.rss() + status.rssKb * 1024);
    };
    const timer = setInterval(sample, SAMPLE_MS);
    timer.unref();
    // Read once more when the worker says it is done (the engine kills it right after), and stop at exit.
    worker.onMessage((message) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type !== 'progress') sample();
    });
    worker.onExit(() => clearInterval(timer));
    return {
      ...worker,
      send: (message) => {
        const start = message as { type?: string; task?: { kind?: string } };
        if (start.type === 'start' && start.task?.kind === 'train') task = start.task as TrainTask;
        worker.send(message);
      },
    };
  };

  return {
    launch,
    memory: () => ({ peakHwmMb: hwmKb / 1024, peakRssMb: rssKb / 1024, peakTogetherMb: togetherBytes / 2 ** 20, samples, workers }),
    lastTrainTask: () => task,
    forgetTask: () => {
      task = null;
    },
  };
}
