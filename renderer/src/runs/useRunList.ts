import { useEffect, useState } from 'react';
import type { RunSummary } from '../../../shared/contract/runs';
import { useWorkbench } from '../state/WorkbenchContext';
import { useRunsVersion } from './useRunsVersion';

type Loaded = { after: string; workspace: string } & ({ runs: RunSummary[] } | { error: string });

/** Every saved run of the open workspace, newest first; read again when a run is saved or deleted. */
export function useRunList() {
  const { client, workspace } = useWorkbench();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const workspacePath = workspace?.path ?? '';
  const savedRuns = useRunsVersion();

  useEffect(() => {
    if (!workspacePath) return;
    let current = true;
    client.call('runs.list', {}).then(
      ({ runs }) => current && setLoaded({ after: savedRuns, workspace: workspacePath, runs }),
      (failure: unknown) => current && setLoaded({ after: savedRuns, workspace: workspacePath, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [client, savedRuns, workspacePath]);

  if (!loaded || loaded.workspace !== workspacePath) return { runs: null, error: null };
  return 'error' in loaded ? { runs: null, error: loaded.error } : { runs: loaded.runs, error: null };
}
