import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { FeatureDistribution } from '../../../shared/contract/insights';
import type { Bucket, FeatureDefinition, Run } from '../../../shared/contract/runs';
import { CsvButton } from '../components/CsvButton';
import { formatPercent } from '../format';
import { BUCKET_LABELS, bucketPalette } from './bucketColors';
import { ChartFigure } from './ChartFigure';
import { distributionFigure, distributionShares } from './insightFigures';
import { runFileName } from './runFileName';
import type { DistributionState } from './useFeatureDistributions';
import { useStablePlotTheme } from './useStablePlotTheme';

interface PanelProps {
  run: Run;
  bucket: Bucket;
  feature: FeatureDefinition | null;
  featureKey: string;
  label: string;
  state: DistributionState | null;
}

/** One factor's values in a bucket against the other buckets, once they have been read. */
export function FeatureDistributionPanel({ run, bucket, feature, featureKey, label, state }: PanelProps) {
  if (state === null || 'loading' in state) return <Loader role="status" size="sm" aria-label={`Loading the values of ${label}`} />;
  if ('error' in state) {
    return (
      <Alert color="red" title="Cannot read the values" role="alert">
        {state.error}
      </Alert>
    );
  }
  return <DistributionView run={run} bucket={bucket} sentence={feature?.sentence ?? label} featureKey={featureKey} label={label} distribution={state.distribution} />;
}

function DistributionView({ run, bucket, sentence, featureKey, label, distribution }: { run: Run; bucket: Bucket; sentence: string; featureKey: string; label: string; distribution: FeatureDistribution }) {
  const theme = useStablePlotTheme();
  const shares = useMemo(() => distributionShares(distribution, bucket), [distribution, bucket]);
  const figure = useMemo(() => distributionFigure(distribution, shares, bucket, label, bucketPalette(run.propensity), theme), [distribution, shares, bucket, label, run.propensity, theme]);
  const name = BUCKET_LABELS[bucket].toLowerCase();
  const missingShare = (count: number, total: number) => (total > 0 ? formatPercent(count / total) : formatPercent(0));
  return (
    <Stack gap="xs" data-testid="insights-distribution-panel" data-key={featureKey} data-kind={distribution.kind}>
      <Text size="sm">{sentence}</Text>
      {distribution.bins.length === 0 ? (
        <Text size="sm">No scored customer has a value for this factor.</Text>
      ) : (
        <ChartFigure
          label={`${label}: share of customers per ${distribution.kind === 'numeric' ? 'value range' : 'value'} in the ${name} bucket against the other buckets`}
          testId="insights-distribution-chart"
          figure={figure}
        />
      )}
      {shares.bucketMissing + shares.othersMissing > 0 ? (
        <Text size="sm" data-testid="insights-distribution-missing">
          No value for {missingShare(shares.bucketMissing, shares.bucketTotal)} of the {name} bucket and {missingShare(shares.othersMissing, shares.othersTotal)} of the other buckets.
        </Text>
      ) : null}
      {distribution.openEnded ? <Text size="sm">The last range is open: it holds the long tail above the 99th percentile.</Text> : null}
      <div>
        <CsvButton
          fileName={runFileName(run, `${featureKey}-${bucket}-distribution`)}
          header={['value', `${bucket}_customers`, `${bucket}_share`, 'other_customers', 'other_share']}
          rows={() => [
            ...shares.labels.map((value, index) => [value, shares.bucketCounts[index] ?? 0, shares.bucket[index] ?? 0, shares.othersCounts[index] ?? 0, shares.others[index] ?? 0]),
            ['missing', shares.bucketMissing, shares.bucketTotal > 0 ? shares.bucketMissing / shares.bucketTotal : 0, shares.othersMissing, shares.othersTotal > 0 ? shares.othersMissing / shares.othersTotal : 0],
          ]}
        />
      </div>
    </Stack>
  );
}
