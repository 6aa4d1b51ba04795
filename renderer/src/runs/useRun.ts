import { useEffect, useState } from 'react';
import type { Run } from '../../../shared/contract/runs';
import { useWorkbench } from '../state/WorkbenchContext';

type Loaded = { runId: string; run: Run } | { runId: string; error: string };

/** One saved run by id (runs never change, so it is read once per id). */
export function useRun(runId: string | null): { run: Run | null; error: string | null } {
  const { client } = useWorkbench();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (runId === null) return;
    let current = true;
    client.call('runs.get', { runId }).then(
      (run) => current && setLoaded({ runId, run }),
      (failure: unknown) => current && setLoaded({ runId, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [client, runId]);

  if (runId === null || loaded === null || loaded.runId !== runId) return { run: null, error: null };
  return 'error' in loaded ? { run: null, error: loaded.error } : { run: loaded.run, error: null };
}
