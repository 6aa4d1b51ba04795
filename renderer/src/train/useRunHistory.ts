import { useEffect, useState } from 'react';
import type { RunSummary } from '../../../shared/contract/runs';
import { useWorkbench } from '../state/WorkbenchContext';

/** What was read for a goal, and after which saved runs (so a newer save reads it again). */
type Loaded = { goalId: string; after: string } & ({ runs: RunSummary[] } | { error: string });

/** A goal's saved runs, newest first; read again whenever a training job saves a run. */
export function useRunHistory(goalId: string | null) {
  const { client, jobs } = useWorkbench();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Changes each time a training job finishes with a saved run (of any goal: the list is cheap to read).
  const savedRuns = Object.values(jobs)
    .filter((job) => job.kind === 'run' && job.status === 'succeeded')
    .map((job) => job.runId ?? job.jobId)
    .join(' ');

  useEffect(() => {
    if (!goalId) return;
    let current = true;
    client.call('runs.list', { instanceId: goalId }).then(
      ({ runs }) => current && setLoaded({ goalId, after: savedRuns, runs }),
      (failure: unknown) => current && setLoaded({ goalId, after: savedRuns, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [client, goalId, savedRuns]);

  // Until the newest save is read, the list read before it stays in view.
  if (!loaded || loaded.goalId !== goalId) return { runs: null, error: null, current: false };
  const current = loaded.after === savedRuns;
  return 'error' in loaded ? { runs: null, error: loaded.error, current } : { runs: loaded.runs, error: null, current };
}
