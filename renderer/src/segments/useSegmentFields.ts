import { useCallback, useEffect, useState } from 'react';
import type { FieldInfo, FieldValues } from '../../../shared/contract/instances';
import { useWorkbench } from '../state/WorkbenchContext';

type Loaded = { runId: string } & ({ fields: FieldInfo[] } | { error: string });

/** The fields a run's segment conditions can test, and where the value pickers read their suggestions. */
export function useSegmentFields(runId: string) {
  const { client } = useWorkbench();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let current = true;
    client.call('segments.fields', { runId }).then(
      ({ fields }) => current && setLoaded({ runId, fields }),
      (failure: unknown) => current && setLoaded({ runId, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [client, runId]);
  const loadFieldValues = useCallback((field: string, search: string): Promise<FieldValues> => client.call('segments.fieldValues', { runId, field, search, limit: 100 }), [client, runId]);
  const mine = loaded && loaded.runId === runId ? loaded : null;
  return { fields: mine && 'fields' in mine ? mine.fields : null, error: mine && 'error' in mine ? mine.error : null, loadFieldValues };
}
