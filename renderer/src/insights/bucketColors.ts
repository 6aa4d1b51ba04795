import type { Bucket, Run } from '../../../shared/contract/runs';

export type Propensity = Run['propensity'];
export type BucketPalette = Record<Bucket, string>;

export const BUCKETS: readonly Bucket[] = ['high', 'medium', 'low'];
export const BUCKET_LABELS: Record<Bucket, string> = { high: 'High', medium: 'Medium', low: 'Low' };

const TEAL = '#099268';
const RED = '#e03131';

/**
 * Bucket colours by what a high score means: a conversion's high bucket is an opportunity (teal), a churn's is a
 * risk (red, and its low bucket the safe teal). No bucket is grey, which stands for "the other buckets".
 */
export function bucketPalette(propensity: Propensity): BucketPalette {
  return propensity === 'churn' ? { high: RED, medium: '#e8590c', low: TEAL } : { high: TEAL, medium: '#4c6ef5', low: '#ae3ec9' };
}

/** The colour of the other buckets beside one bucket. */
export const OTHERS_COLOR = '#868e96';

/** Factor bars: raising a conversion probability is good news (teal), raising a churn probability is not (red). */
export function directionColors(propensity: Propensity): { raises: string; lowers: string } {
  return propensity === 'churn' ? { raises: RED, lowers: TEAL } : { raises: TEAL, lowers: RED };
}
