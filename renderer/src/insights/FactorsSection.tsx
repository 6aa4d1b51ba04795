import { Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { RunInsights } from '../../../shared/contract/insights';
import type { Bucket, FeatureDefinition, Run } from '../../../shared/contract/runs';
import { CsvButton } from '../components/CsvButton';
import { LabelledSegments } from '../components/LabelledSegments';
import { BUCKET_LABELS, BUCKETS, directionColors } from './bucketColors';
import { BucketFactors } from './BucketFactors';
import { ChartFigure } from './ChartFigure';
import { factorBars, featureLabel } from './insightFigures';
import { InsightsSection } from './InsightsSection';
import { runFileName } from './runFileName';
import type { useFeatureDistributions } from './useFeatureDistributions';
import { useStablePlotTheme } from './useStablePlotTheme';

export const TOP_FACTORS_OVERALL = 15;

interface FactorsSectionProps {
  run: Run;
  insights: RunInsights;
  distributions: ReturnType<typeof useFeatureDistributions>;
  deferCharts: boolean;
}

/** The factors that move probabilities most, across everyone and per bucket. */
export function FactorsSection({ run, insights, distributions, deferCharts }: FactorsSectionProps) {
  const theme = useStablePlotTheme();
  const features = useMemo(() => new Map<string, FeatureDefinition>(run.features.map((feature) => [feature.key, feature])), [run.features]);
  const top = useMemo(() => [...run.influence].sort((a, b) => b.meanAbsPoints - a.meanAbsPoints).slice(0, TOP_FACTORS_OVERALL), [run.influence]);
  const figure = useMemo(
    () => factorBars(top, features, directionColors(run.propensity), theme, `Top ${top.length} factors across all scored customers`),
    [top, features, run.propensity, theme],
  );
  const [bucket, setBucket] = useState<Bucket>('high');

  return (
    <InsightsSection
      id="insights-factors-heading"
      title="Influential factors"
      intro="How far each factor moves customers' probabilities, on average and in percentage points; the colour and the legend say whether it raises or lowers them on balance."
      testId="insights-factors"
    >
      <Stack gap="xs">
        <Title order={3} size="h4" id="insights-factors-overall-heading">
          Across all scored customers
        </Title>
        {top.length === 0 ? (
          <Text size="sm">This run has no factor effects.</Text>
        ) : (
          <ChartFigure
            label={`Top factors by mean absolute effect: ${top
              .slice(0, 5)
              .map((factor) => featureLabel(features, factor.key))
              .join(', ')}${top.length > 5 ? ' and more' : ''}`}
            testId="insights-factor-bars"
            figure={figure}
            deferred={deferCharts}
          />
        )}
        <div>
          <CsvButton
            fileName={runFileName(run, 'factors')}
            header={['feature', 'label', 'mean_abs_percentage_points', 'mean_percentage_points']}
            rows={() => run.influence.map((factor) => [factor.key, featureLabel(features, factor.key), factor.meanAbsPoints * 100, factor.meanPoints * 100])}
          />
        </div>
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h4" id="insights-factors-bucket-heading">
          By bucket
        </Title>
        <LabelledSegments<Bucket>
          label="Bucket"
          value={bucket}
          options={BUCKETS.map((value) => ({ value, label: BUCKET_LABELS[value] }))}
          onChange={setBucket}
          testId="insights-factor-bucket"
        />
        <BucketFactors key={bucket} run={run} bucket={bucket} features={features} topReasons={insights.topReasons} distributions={distributions} />
      </Stack>
    </InsightsSection>
  );
}
