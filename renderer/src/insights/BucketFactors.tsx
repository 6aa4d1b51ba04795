import { Accordion, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { RunInsights } from '../../../shared/contract/insights';
import type { Bucket, FeatureDefinition, Run } from '../../../shared/contract/runs';
import { CsvButton } from '../components/CsvButton';
import { formatCount } from '../format';
import { BUCKET_LABELS } from './bucketColors';
import { FeatureDistributionPanel } from './FeatureDistributionPanel';
import { directionText, featureLabel, formatPoints } from './insightFigures';
import { runFileName } from './runFileName';
import type { useFeatureDistributions } from './useFeatureDistributions';

export const TOP_FACTORS_PER_BUCKET = 10;

interface BucketFactorsProps {
  run: Run;
  bucket: Bucket;
  features: Map<string, FeatureDefinition>;
  topReasons: RunInsights['topReasons'];
  distributions: ReturnType<typeof useFeatureDistributions>;
}

/** A bucket's top factors; opening one shows its values in the bucket against the other buckets. */
export function BucketFactors({ run, bucket, features, topReasons, distributions }: BucketFactorsProps) {
  const [opened, setOpened] = useState<string | null>(null);
  const name = BUCKET_LABELS[bucket].toLowerCase();
  const factors = (run.bucketInfluence.find((entry) => entry.bucket === bucket)?.factors ?? []).slice(0, TOP_FACTORS_PER_BUCKET);
  const leads = new Map(topReasons.filter((reason) => reason.bucket === bucket).map((reason) => [reason.key, reason.customers]));

  if (run.bucketInfluence.length === 0) {
    return (
      <Text size="sm" data-testid="insights-bucket-factors-missing">
        This run was saved before factors were kept per bucket. Train its goal again to see them.
      </Text>
    );
  }
  if (factors.length === 0) {
    return (
      <Text size="sm" data-testid="insights-bucket-factors-empty">
        No factor moves the probabilities of the {name} bucket.
      </Text>
    );
  }

  const open = (key: string | null) => {
    setOpened(key);
    if (key !== null) distributions.request(run.runId, key);
  };

  return (
    <Stack gap="xs" data-testid="insights-bucket-factors" data-bucket={bucket}>
      <Text size="sm">
        The {factors.length} factors that move the probabilities of the {name} bucket most. Open one to compare its values in this bucket with the other buckets.
      </Text>
      <Accordion value={opened} onChange={open} variant="contained" order={4} chevronPosition="left">
        {factors.map((factor, index) => {
          const label = featureLabel(features, factor.key);
          const led = leads.get(factor.key) ?? 0;
          return (
            <Accordion.Item key={factor.key} value={factor.key} data-testid="insights-bucket-factor" data-key={factor.key}>
              <Accordion.Control>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={600}>
                    {index + 1}. {label}
                  </Text>
                  <Text size="sm">
                    {formatPoints(factor.meanAbsPoints)} points on average; {directionText(factor.meanPoints)}
                    {led > 0 ? `; the top reason for ${formatCount(led)} customers` : ''}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {opened === factor.key ? (
                  <FeatureDistributionPanel run={run} bucket={bucket} feature={features.get(factor.key) ?? null} featureKey={factor.key} label={label} state={distributions.get(run.runId, factor.key)} />
                ) : null}
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      <div>
        <CsvButton
          fileName={runFileName(run, `${bucket}-bucket-factors`)}
          header={['rank', 'feature', 'label', 'mean_abs_percentage_points', 'mean_percentage_points', 'top_reason_customers']}
          rows={() => factors.map((factor, index) => [index + 1, factor.key, featureLabel(features, factor.key), factor.meanAbsPoints * 100, factor.meanPoints * 100, leads.get(factor.key) ?? 0])}
        />
      </div>
    </Stack>
  );
}
