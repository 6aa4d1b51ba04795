import { Text } from '@mantine/core';
import { useMemo } from 'react';
import type { RunInsights } from '../../../shared/contract/insights';
import type { Run } from '../../../shared/contract/runs';
import { formatCount, formatPercent } from '../format';
import { bucketPalette } from './bucketColors';
import { ChartFigure } from './ChartFigure';
import { scoreHistogramFigure } from './insightFigures';
import { InsightsSection } from './InsightsSection';
import { useStablePlotTheme } from './useStablePlotTheme';

/** The scored probabilities as a histogram stacked by bucket, with the bucket thresholds marked. */
export function ScoreDistributionSection({ run, insights, onDrawn }: { run: Run; insights: RunInsights; onDrawn(chart: string): void }) {
  const theme = useStablePlotTheme();
  const { scoreHistogram } = insights;
  const figure = useMemo(() => scoreHistogramFigure(scoreHistogram, run.thresholds, bucketPalette(run.propensity), theme), [scoreHistogram, run.thresholds, run.propensity, theme]);
  const { highFrom, lowUpTo } = scoreHistogram;
  const thresholds = [
    highFrom === null ? null : `the high bucket starts at a probability of ${formatPercent(highFrom)}`,
    lowUpTo === null ? null : `the low bucket ends at ${formatPercent(lowUpTo)}`,
  ].filter((part) => part !== null);
  return (
    <InsightsSection
      id="insights-distribution-heading"
      title="Score distribution"
      intro={`How the ${formatCount(run.scored)} predicted probabilities spread. Buckets are cut by percentile (high from percentile ${run.thresholds.high}, low below ${run.thresholds.low}).`}
      testId="insights-distribution"
    >
      <ChartFigure label={`Histogram of predicted probabilities, stacked by bucket${thresholds.length > 0 ? `; ${thresholds.join(' and ')}` : ''}`} testId="insights-score-histogram" figure={figure} onDrawn={onDrawn} />
      {thresholds.length > 0 ? (
        <Text size="sm" data-testid="insights-thresholds">
          On the probability scale, {thresholds.join(' and ')}.
        </Text>
      ) : null}
    </InsightsSection>
  );
}
