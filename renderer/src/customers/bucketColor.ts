import { useMemo } from 'react';
import type { Bucket, RunSummary } from '../../../shared/contract/runs';
import { useVerdictColor } from '../components/useVerdictColor';

export type Propensity = RunSummary['propensity'];

/** Whether a bucket is welcome news: a high conversion propensity is, a high churn propensity is not; medium is neither. */
export function bucketTone(propensity: Propensity, bucket: Bucket): 'good' | 'bad' | 'neutral' {
  if (bucket === 'medium') return 'neutral';
  return (bucket === 'high') === (propensity === 'conversion') ? 'good' : 'bad';
}

/** Whether probability points that raise the likelihood are welcome news. */
export function raisingIsGood(propensity: Propensity): boolean {
  return propensity === 'conversion';
}

export type BucketColors = Record<Bucket, string | undefined>;

/** Text colours of the buckets, readable on the current theme (the bucket's name always says it too); the same object while nothing changes. */
export function useBucketColors(propensity: Propensity): BucketColors {
  const verdict = useVerdictColor();
  const good = verdict(true);
  const bad = verdict(false);
  return useMemo(() => {
    const color = (bucket: Bucket) => {
      const tone = bucketTone(propensity, bucket);
      return tone === 'neutral' ? undefined : tone === 'good' ? good : bad;
    };
    return { high: color('high'), medium: color('medium'), low: color('low') };
  }, [propensity, good, bad]);
}

/** Fill colours for chart marks that mean welcome (teal) or unwelcome (red) news; marks are not text. */
export const GOOD_FILL = '#12b886';
export const BAD_FILL = '#fa5252';
export const NEUTRAL_FILL = '#5c7cfa';
