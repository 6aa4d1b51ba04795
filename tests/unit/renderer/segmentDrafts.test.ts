import { describe, expect, it } from 'vitest';
import { bucketSegmentDraft, filterSegmentDraft } from '../../../renderer/src/runs/segmentDrafts';

describe('segment drafts from other pages', () => {
  it('makes a bucket card into a one-condition segment named after the bucket', () => {
    expect(bucketSegmentDraft('run_a', 'high')).toEqual({ runId: 'run_a', name: 'High bucket', definition: { match: 'all', conditions: [{ field: 'bucket', op: 'eq', value: 'high' }] } });
  });

  it('turns the Customers filter into the same conditions: buckets, probability bounds and the id search', () => {
    const draft = filterSegmentDraft('run_a', { buckets: ['high', 'medium'], minProbability: 0.1, maxProbability: 0.5, search: ' C00 ' });
    expect(draft.definition.conditions).toEqual([
      { field: 'bucket', op: 'in', value: ['high', 'medium'] },
      { field: 'probability', op: 'gte', value: 0.1 },
      { field: 'probability', op: 'lte', value: 0.5 },
      { field: 'customer', op: 'contains_any_case', value: 'C00' },
    ]);
    expect(draft.name).toBe('Customers: High + Medium, 10–50%, id contains “C00”');
  });

  it('leaves out what the filter does not narrow', () => {
    expect(filterSegmentDraft('run_a', { buckets: [], minProbability: 0, maxProbability: 1, search: '' })).toEqual({ runId: 'run_a', name: 'All customers', definition: { match: 'all', conditions: [] } });
    expect(filterSegmentDraft('run_a', { buckets: ['low'], minProbability: 0, maxProbability: 1, search: '' }).definition.conditions).toEqual([{ field: 'bucket', op: 'eq', value: 'low' }]);
  });
});
