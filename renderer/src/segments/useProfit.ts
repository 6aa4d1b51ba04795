import { useEffect, useState } from 'react';
import type { ProfitCurve, SegmentDefinition } from '../../../shared/contract/segments';
import { useWorkbench } from '../state/WorkbenchContext';

export interface ProfitRequest {
  runId: string;
  definition: SegmentDefinition;
  valuePerConversion: number;
  costPerContact: number;
  capacity: number | null;
}

type Loaded = { key: string } & ({ curve: ProfitCurve } | { error: string });

const DEBOUNCE_MS = 350;

/** The expected-profit curve of a request, asked for after each pause in typing; the last answer stays while a new one comes. */
export function useProfit(request: ProfitRequest | null) {
  const { client } = useWorkbench();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = request ? JSON.stringify(request) : null;
  useEffect(() => {
    if (!key) return;
    let current = true;
    const timer = setTimeout(() => {
      client.call('segments.profit', JSON.parse(key) as ProfitRequest).then(
        (curve) => current && setLoaded({ key, curve }),
        (failure: unknown) => current && setLoaded({ key, error: failure instanceof Error ? failure.message : String(failure) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, key]);
  const fresh = loaded !== null && loaded.key === key;
  return {
    curve: loaded && 'curve' in loaded ? loaded.curve : null,
    error: fresh && 'error' in loaded ? loaded.error : null,
    loading: key !== null && !fresh,
  };
}
