import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, EMPTY_DRAFT, filterFromDraft, nextSort, queryKey } from '../../../renderer/src/customers/customerQuery';

describe('customer list query', () => {
  it('flips the direction of the sorted column and starts another highest first, ids from A', () => {
    expect(nextSort(DEFAULT_SORT, 'probability')).toEqual({ column: 'probability', descending: false });
    expect(nextSort(DEFAULT_SORT, 'percentile')).toEqual({ column: 'percentile', descending: true });
    expect(nextSort(DEFAULT_SORT, 'customer')).toEqual({ column: 'customer', descending: false });
    expect(nextSort({ column: 'customer', descending: false }, 'customer')).toEqual({ column: 'customer', descending: true });
  });

  it('turns the inputs into the contract’s filter: all buckets as none, percentages as fractions, blanks as no bound', () => {
    expect(filterFromDraft(EMPTY_DRAFT)).toEqual({ buckets: [], minProbability: 0, maxProbability: 1, search: '' });
    expect(filterFromDraft({ buckets: ['low', 'high'], minPercent: 12.5, maxPercent: 140, search: '  C00 ' })).toEqual({
      buckets: ['high', 'low'],
      minProbability: 0.125,
      maxProbability: 1,
      search: 'C00',
    });
  });

  it('tells queries apart by run, filter and sort', () => {
    const filter = filterFromDraft(EMPTY_DRAFT);
    expect(queryKey('run_a', filter, DEFAULT_SORT)).toBe(queryKey('run_a', { ...filter }, { ...DEFAULT_SORT }));
    expect(queryKey('run_a', filter, DEFAULT_SORT)).not.toBe(queryKey('run_b', filter, DEFAULT_SORT));
    expect(queryKey('run_a', filter, DEFAULT_SORT)).not.toBe(queryKey('run_a', { ...filter, search: 'x' }, DEFAULT_SORT));
    expect(queryKey('run_a', filter, DEFAULT_SORT)).not.toBe(queryKey('run_a', filter, { ...DEFAULT_SORT, descending: false }));
  });
});
