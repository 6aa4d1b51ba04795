import { useCallback, useEffect, useState } from 'react';
import type { SavedSegment } from '../../../shared/contract/segments';
import { useWorkbench } from '../state/WorkbenchContext';

type Loaded = { runId: string; version: number } & ({ segments: SavedSegment[] } | { error: string });

/** The saved segments of a run with their figures, read again after every change the page makes (`refresh`). */
export function useSegmentList(runId: string) {
  const { client } = useWorkbench();
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let current = true;
    client.call('segments.list', { runId }).then(
      ({ segments }) => current && setLoaded({ runId, version, segments }),
      (failure: unknown) => current && setLoaded({ runId, version, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [client, runId, version]);
  const refresh = useCallback(() => setVersion((value) => value + 1), []);
  const fresh = loaded !== null && loaded.runId === runId && loaded.version === version;
  // While a refresh is on its way the previous list stays on screen.
  const segments = loaded && loaded.runId === runId && 'segments' in loaded ? loaded.segments : null;
  const error = loaded && loaded.runId === runId && 'error' in loaded ? loaded.error : null;
  return { segments, error, current: fresh, version, refresh };
}
