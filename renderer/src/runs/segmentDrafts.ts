import type { FieldCondition } from '../../../shared/conditions';
import type { CustomerFilter } from '../../../shared/contract/insights';
import type { Bucket } from '../../../shared/contract/runs';
import type { SegmentDraft } from '../state/WorkbenchContext';

const BUCKET_NAMES: Record<Bucket, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** "Create segment" on a bucket: its customers. */
export function bucketSegmentDraft(runId: string, bucket: Bucket): SegmentDraft {
  return { runId, name: `${BUCKET_NAMES[bucket]} bucket`, definition: { match: 'all', conditions: [{ field: 'bucket', op: 'eq', value: bucket }] } };
}

/**
 * "Create segment" from the Customers page's filter: the same buckets, probability range and id search (which, like
 * the list's, ignores the case of letters).
 */
export function filterSegmentDraft(runId: string, filter: CustomerFilter): SegmentDraft {
  const conditions: FieldCondition[] = [];
  const parts: string[] = [];
  if (filter.buckets.length > 0 && filter.buckets.length < 3) {
    conditions.push(filter.buckets.length === 1 ? { field: 'bucket', op: 'eq', value: filter.buckets[0] } : { field: 'bucket', op: 'in', value: [...filter.buckets] });
    parts.push(filter.buckets.map((bucket) => BUCKET_NAMES[bucket]).join(' + '));
  }
  if (filter.minProbability > 0) conditions.push({ field: 'probability', op: 'gte', value: filter.minProbability });
  if (filter.maxProbability < 1) conditions.push({ field: 'probability', op: 'lte', value: filter.maxProbability });
  if (filter.minProbability > 0 || filter.maxProbability < 1) parts.push(`${Math.round(filter.minProbability * 100)}–${Math.round(filter.maxProbability * 100)}%`);
  const search = filter.search.trim();
  if (search !== '') {
    conditions.push({ field: 'customer', op: 'contains_any_case', value: search });
    parts.push(`id contains “${search}”`);
  }
  return { runId, name: parts.length > 0 ? `Customers: ${parts.join(', ')}` : 'All customers', definition: { match: 'all', conditions } };
}
