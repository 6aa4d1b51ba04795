import { useEffect, useState } from 'react';
import type { CustomerFilter } from '../../../shared/contract/insights';
import { useWorkbench } from '../state/WorkbenchContext';
import { CustomerPageLoader } from './customerPageLoader';
import { queryKey, type CustomerSort } from './customerQuery';

/**
 * The loader of the current query; a new one (and so an empty cache) whenever the run, filter or sort changes.
 * It is replaced while rendering, from the previous one, so the list keeps its row count until the new total arrives.
 */
export function useCustomerLoader(runId: string, filter: CustomerFilter, sort: CustomerSort): CustomerPageLoader {
  const { client } = useWorkbench();
  const key = queryKey(runId, filter, sort);
  const make = (provisionalTotal: number | null) =>
    new CustomerPageLoader((offset, limit) => client.call('runs.customers', { runId, filter, sort, offset, limit }), { provisionalTotal });
  const [current, setCurrent] = useState(() => ({ key, client, loader: make(null) }));
  let active = current;
  if (current.key !== key || current.client !== client) {
    active = { key, client, loader: make(current.loader.total ?? current.loader.provisionalTotal) };
    setCurrent(active);
  }
  const { loader } = active;
  useEffect(() => () => loader.dispose(), [loader]);
  return loader;
}
