import type { Run } from '../../../shared/contract/runs';
import type { GbdtModel } from '../model';
import { getRun, loadRunModel, runTableFeatures } from '../pipeline/runStore';
import type { Database } from '../sql/database';
import { runDatasets, type RunDataset } from './runDatasets';

/** A saved run and its model, parsed once: runs never change after they are saved. */
export interface LoadedRun {
  run: Run;
  model: GbdtModel;
  /** The run has its timeline table (runs saved before it was kept scan the events instead). */
  hasTimeline: boolean;
  /** Its scores have a rank column (1 = highest probability), so pages by probability need no sort. */
  hasRank: boolean;
  /** The run's events and profiles datasets as they are now, read once (the cache is dropped when datasets change). */
  datasets(): Promise<{ events: RunDataset | null; profiles: RunDataset | null }>;
  /** Results computed once per run (its tables never change), by a key naming what was computed. */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

const MAX_RUNS_PER_DATABASE = 4;
// Keyed by the open database, so its connections share one cache.
const cache = new WeakMap<object, Map<string, Promise<LoadedRun>>>();

/** The run with its model, from a small per-workspace cache (score cards open in a few milliseconds after the first). */
export function loadedRun(db: Database, runId: string): Promise<LoadedRun> {
  let runs = cache.get(db.database);
  if (!runs) {
    runs = new Map();
    cache.set(db.database, runs);
  }
  const hit = runs.get(runId);
  if (hit) {
    // Most recently used last, so the oldest is dropped first.
    runs.delete(runId);
    runs.set(runId, hit);
    return hit;
  }
  const loading = Promise.all([getRun(db, runId), loadRunModel(db, runId), runTableFeatures(db, runId)]).then(([run, model, tables]) => {
    let datasets: ReturnType<LoadedRun['datasets']> | null = null;
    const memos = new Map<string, Promise<unknown>>();
    const memo = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
      let entry = memos.get(key) as Promise<T> | undefined;
      if (!entry) {
        entry = compute();
        memos.set(key, entry);
        entry.catch(() => memos.delete(key));
      }
      return entry;
    };
    return { run, model, ...tables, datasets: () => (datasets ??= runDatasets(db, run)), memo };
  });
  runs.set(runId, loading);
  loading.catch(() => runs.delete(runId));
  while (runs.size > MAX_RUNS_PER_DATABASE) runs.delete(runs.keys().next().value as string);
  return loading;
}

/** Forgets a run (deleted or replaced). */
export function forgetRun(db: Database, runId: string): void {
  cache.get(db.database)?.delete(runId);
}

/** Forgets every run of a workspace: its datasets changed (renamed, removed, added). */
export function forgetRuns(db: Database): void {
  cache.delete(db.database);
}
