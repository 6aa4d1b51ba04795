import { useCallback, useRef, useState } from 'react';
import type { FeatureDistribution } from '../../../shared/contract/insights';
import { useWorkbench } from '../state/WorkbenchContext';

export type DistributionState = { distribution: FeatureDistribution } | { error: string } | { loading: true };

function cacheKey(runId: string, key: string): string {
  return `${runId}\u0000${key}`;
}

/**
 * Feature value distributions, asked for one at a time when a factor is opened and kept per run and feature
 * for as long as the page is open (a failed one is asked for again on the next request).
 */
export function useFeatureDistributions(): { get(runId: string, key: string): DistributionState | null; request(runId: string, key: string): void } {
  const { client } = useWorkbench();
  const [loaded, setLoaded] = useState<Record<string, DistributionState>>({});
  const asked = useRef(new Set<string>());

  const request = useCallback(
    (runId: string, key: string) => {
      const id = cacheKey(runId, key);
      if (asked.current.has(id)) return;
      asked.current.add(id);
      setLoaded((current) => ({ ...current, [id]: { loading: true } }));
      client.call('runs.featureDistribution', { runId, key }).then(
        (distribution) => setLoaded((current) => ({ ...current, [id]: { distribution } })),
        (failure: unknown) => {
          asked.current.delete(id);
          setLoaded((current) => ({ ...current, [id]: { error: failure instanceof Error ? failure.message : String(failure) } }));
        },
      );
    },
    [client],
  );
  const get = useCallback((runId: string, key: string) => loaded[cacheKey(runId, key)] ?? null, [loaded]);
  return { get, request };
}
