import type { BucketThresholds } from '../../../shared/contract/runs';

/** Bucket codes as stored: 0 high, 1 medium, 2 low. */
export const BUCKETS = ['high', 'medium', 'low'] as const;

/**
 * Percentile 1–100 of each probability among all of them (the share of customers scoring at or below it, rounded up,
 * so ties share a percentile), and the bucket it falls in.
 */
export function percentilesAndBuckets(probabilities: Float64Array, thresholds: BucketThresholds): { percentile: Uint8Array; bucket: Uint8Array } {
  const n = probabilities.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => probabilities[a] - probabilities[b]);
  const percentile = new Uint8Array(n);
  const bucket = new Uint8Array(n);
  let k = 0;
  while (k < n) {
    let end = k;
    while (end + 1 < n && probabilities[order[end + 1]] === probabilities[order[k]]) end++;
    const value = Math.max(1, Math.ceil(((end + 1) / n) * 100));
    for (let j = k; j <= end; j++) {
      percentile[order[j]] = value;
      bucket[order[j]] = value >= thresholds.high ? 0 : value < thresholds.low ? 2 : 1;
    }
    k = end + 1;
  }
  return { percentile, bucket };
}

/** Each row's place by probability, highest first (1-based); ties keep the rows' order (by customer id). */
export function probabilityRanks(probabilities: Float64Array): Uint32Array {
  const order = Uint32Array.from({ length: probabilities.length }, (_, i) => i).sort((a, b) => probabilities[b] - probabilities[a] || a - b);
  const rank = new Uint32Array(probabilities.length);
  order.forEach((row, place) => (rank[row] = place + 1));
  return rank;
}
