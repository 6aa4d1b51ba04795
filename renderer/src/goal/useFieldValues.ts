import { useEffect, useState } from 'react';
import type { FieldValues } from '../../../shared/contract/instances';
import type { FieldValuesLoader } from './goalEditorContext';

/** A field's frequent values (narrowed by a search, debounced) or its range, for a value picker. */
export function useFieldValues(load: FieldValuesLoader | null, field: string, search: string): FieldValues | null {
  const [values, setValues] = useState<FieldValues | null>(null);
  useEffect(() => {
    if (!load || !field) return;
    let current = true;
    const timer = setTimeout(() => {
      load(field, search).then(
        (result) => current && setValues(result),
        () => current && setValues(null),
      );
    }, search ? 250 : 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [load, field, search]);
  return values;
}
