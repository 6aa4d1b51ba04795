import { useEffect, useState } from 'react';
import type { FieldValues } from '../../../shared/contract/instances';
import { useWorkbench } from '../state/WorkbenchContext';

/** A field's frequent values (narrowed by a search, debounced) or its range, for a value picker. */
export function useFieldValues(datasetId: string | null, field: string, search: string): FieldValues | null {
  const { client } = useWorkbench();
  const [values, setValues] = useState<FieldValues | null>(null);
  useEffect(() => {
    if (!datasetId || !field) return;
    let current = true;
    const timer = setTimeout(() => {
      client.call('goals.fieldValues', { datasetId, field, search, limit: 100 }).then(
        (result) => current && setValues(result),
        () => current && setValues(null),
      );
    }, search ? 250 : 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, datasetId, field, search]);
  return values;
}
