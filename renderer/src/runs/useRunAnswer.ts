import { useEffect, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../shared/contract/methods';
import { useWorkbench } from '../state/WorkbenchContext';

/** Methods that answer about one saved run from its id alone; a saved run never changes, so one read per id suffices. */
type RunMethod = 'runs.get' | 'runs.insights';

type Loaded<M extends RunMethod> = { runId: string; value: MethodOutput<M> } | { runId: string; error: string };

/** The answer of `method` for a run, read once per id; null (and no error) while it is read or when there is no run. */
export function useRunAnswer<M extends RunMethod>(method: M, runId: string | null): { value: MethodOutput<M> | null; error: string | null } {
  const { client } = useWorkbench();
  const [loaded, setLoaded] = useState<Loaded<M> | null>(null);

  useEffect(() => {
    if (runId === null) return;
    let current = true;
    (client.call(method, { runId } as MethodInput<M>) as Promise<MethodOutput<M>>).then(
      (value) => current && setLoaded({ runId, value }),
      (failure: unknown) => current && setLoaded({ runId, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [client, method, runId]);

  if (runId === null || loaded === null || loaded.runId !== runId) return { value: null, error: null };
  return 'error' in loaded ? { value: null, error: loaded.error } : { value: loaded.value, error: null };
}
