import { useEffect, useState } from 'react';
import type { RunSummary } from '../../../shared/contract/runs';
import { useWorkbench } from '../state/WorkbenchContext';
import { useRunsVersion } from '../runs/useRunsVersion';

/** What was read for a goal, and after which saved runs (so a newer save reads it again). */
type Loaded = { goalId: string; after: string } & ({ runs: RunSummary[] } | { error: string });

/** A goal's saved runs, newest first; read again whenever a run is saved or deleted. */
export function useRunHistory(goalId: string | null) {
  const { client } = useWorkbench();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Changes each time a run is saved or deleted (of any goal: the list is cheap to read).
  const savedRuns = useRunsVersion();

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
