import type { BucketCounts, FeatureDistribution } from '../../../shared/contract/insights';

export function countAll(counts: BucketCounts): number {
  return counts.high + counts.medium + counts.low;
}

/** The bin a value falls in: [lower, upper) for numbers (the last bin takes everything from its lower edge up), the code for categories. */
export function binOf(distribution: Pick<FeatureDistribution, 'kind' | 'bins'>, value: number | null): number | null {
  if (value === null || Number.isNaN(value) || distribution.bins.length === 0) return null;
  const { bins } = distribution;
  if (distribution.kind === 'categorical') {
    const found = bins.findIndex((bin) => bin.lower === value);
    return found < 0 ? null : found;
  }
  if (bins[0].lower !== null && value < bins[0].lower) return 0;
  for (let index = bins.length - 1; index >= 0; index -= 1) {
    const lower = bins[index].lower;
    if (lower === null || value >= lower) return index;
  }
  return 0;
}

export interface Standing {
  /** The customer's bin, or null when the customer has no value (or one the bins do not hold). */
  bin: number | null;
  /** Customers with a value (in some bin) and without one. */
  withValue: number;
  missing: number;
  /** Customers in bins below the customer's, and in the same bin. */
  below: number;
  same: number;
  /** For numbers: the share of customers with a value whose bin lies below the customer's, as a whole percentage rounded down. */
  higherThanPercent: number | null;
  /** The share of customers with a value that share the customer's bin, as a whole percentage (rounded). */
  samePercent: number | null;
}

/** Where a customer's value sits among the scored customers, from the binned population (all three buckets). */
export function standing(distribution: Pick<FeatureDistribution, 'kind' | 'bins' | 'missing'>, value: number | null): Standing {
  const counts = distribution.bins.map((bin) => countAll(bin.counts));
  const withValue = counts.reduce((sum, count) => sum + count, 0);
  const missing = countAll(distribution.missing);
  const bin = binOf(distribution, value);
  if (bin === null || withValue === 0) return { bin, withValue, missing, below: 0, same: 0, higherThanPercent: null, samePercent: null };
  const below = counts.slice(0, bin).reduce((sum, count) => sum + count, 0);
  const same = counts[bin];
  return {
    bin,
    withValue,
    missing,
    below,
    same,
    higherThanPercent: distribution.kind === 'numeric' ? Math.floor((below / withValue) * 100) : null,
    samePercent: Math.round((same / withValue) * 100),
  };
}
