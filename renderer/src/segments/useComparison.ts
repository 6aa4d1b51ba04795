import { useEffect, useState } from 'react';
import type { SegmentComparison } from '../../../shared/contract/segments';
import { useWorkbench } from '../state/WorkbenchContext';

type Loaded = { key: string } & ({ comparison: SegmentComparison } | { error: string });

export const COMPARE_BINS = 20;

/** Two saved segments side by side; asked again when the list changes (`version`), since an edit changes them. */
export function useComparison(pair: readonly [string, string] | null, version: number) {
  const { client } = useWorkbench();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = pair ? `${pair[0]} ${pair[1]} ${version}` : null;
  useEffect(() => {
    if (!key) return;
    const [first, second] = key.split(' ') as [string, string];
    let current = true;
    client.call('segments.compare', { segmentIds: [first, second], bins: COMPARE_BINS }).then(
      (comparison) => current && setLoaded({ key, comparison }),
      (failure: unknown) => current && setLoaded({ key, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [client, key]);
  const mine = loaded && loaded.key === key ? loaded : null;
  return { comparison: mine && 'comparison' in mine ? mine.comparison : null, error: mine && 'error' in mine ? mine.error : null, loading: key !== null && mine === null };
}
