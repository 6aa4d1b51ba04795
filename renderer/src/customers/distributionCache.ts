import type { WorkbenchClient } from '../../../shared/contract/client';
import type { FeatureDistribution } from '../../../shared/contract/insights';

/** Distributions are of the whole population, the same for every customer of a run (and runs never change): asked once. */
const cache = new Map<string, Promise<FeatureDistribution>>();
const MAX_ENTRIES = 500;

export function loadDistribution(client: WorkbenchClient, runId: string, key: string): Promise<FeatureDistribution> {
  const id = `${runId}\n${key}`;
  const known = cache.get(id);
  if (known) return known;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const promise = client.call('runs.featureDistribution', { runId, key });
  cache.set(id, promise);
  promise.catch(() => cache.delete(id));
  return promise;
}
