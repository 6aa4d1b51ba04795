import type { CustomerFilter, CustomerSortColumn } from '../../../shared/contract/insights';
import type { Bucket } from '../../../shared/contract/runs';

export interface CustomerSort {
  column: CustomerSortColumn;
  descending: boolean;
}

export const DEFAULT_SORT: CustomerSort = { column: 'probability', descending: true };
export const ALL_BUCKETS: Bucket[] = ['high', 'medium', 'low'];
export const BUCKET_NAMES: Record<Bucket, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** A click on a column header: the same column flips its direction; another starts highest first (ids A to Z). */
export function nextSort(current: CustomerSort, column: CustomerSortColumn): CustomerSort {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: column !== 'customer' };
}

export interface FilterDraft {
  buckets: Bucket[];
  /** Percentages as typed (0–100); an empty field is no bound. */
  minPercent: number | '';
  maxPercent: number | '';
  search: string;
}

export const EMPTY_DRAFT: FilterDraft = { buckets: ALL_BUCKETS, minPercent: '', maxPercent: '', search: '' };

function fraction(percent: number | '', fallback: number): number {
  if (percent === '' || !Number.isFinite(percent)) return fallback;
  return Math.min(1, Math.max(0, percent / 100));
}

/** The contract's filter from what the inputs hold: every bucket is no bucket filter; percentages become fractions. */
export function filterFromDraft(draft: FilterDraft): CustomerFilter {
  const buckets = ALL_BUCKETS.filter((bucket) => draft.buckets.includes(bucket));
  return {
    buckets: buckets.length === ALL_BUCKETS.length ? [] : buckets,
    minProbability: fraction(draft.minPercent, 0),
    maxProbability: fraction(draft.maxPercent, 1),
    search: draft.search.trim().slice(0, 200),
  };
}

/** One string per distinct query, to tell queries apart. */
export function queryKey(runId: string, filter: CustomerFilter, sort: CustomerSort): string {
  return JSON.stringify([runId, filter.buckets, filter.minProbability, filter.maxProbability, filter.search, sort.column, sort.descending]);
}
