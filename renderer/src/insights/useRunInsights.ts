import { useEffect, useState } from 'react';
import type { RunInsights } from '../../../shared/contract/insights';
import { useWorkbench } from '../state/WorkbenchContext';

type Loaded = { runId: string; insights: RunInsights } | { runId: string; error: string };

/** A run's score histogram and top-reason counts (read once per id, beside `runs.get`). */
export function useRunInsights(runId: string | null): { insights: RunInsights | null; error: string | null } {
  const { client } = useWorkbench();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (runId === null) return;
    let current = true;
    client.call('runs.insights', { runId }).then(
      (insights) => current && setLoaded({ runId, insights }),
      (failure: unknown) => current && setLoaded({ runId, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [client, runId]);

  if (runId === null || loaded === null || loaded.runId !== runId) return { insights: null, error: null };
  return 'error' in loaded ? { insights: null, error: loaded.error } : { insights: loaded.insights, error: null };
}
