import { Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Run } from '../../../shared/contract/runs';
import { Figure } from '../components/Figure';
import { formatCount, formatPercent } from '../format';
import { MetricFigures } from '../train/MetricFigures';
import { ChartFigure } from './ChartFigure';
import { realizedFigure } from './insightFigures';
import { InsightsSection } from './InsightsSection';
import { useStablePlotTheme } from './useStablePlotTheme';

/** For a backtest: what happened in the window after as_of, against what the model predicted. */
export function BacktestSection({ run, realized, deferCharts }: { run: Run; realized: NonNullable<Run['realized']>; deferCharts: boolean }) {
  const theme = useStablePlotTheme();
  const figure = useMemo(() => realizedFigure(run.buckets, theme), [run.buckets, theme]);
  const high = run.buckets.find((bucket) => bucket.bucket === 'high');
  return (
    <InsightsSection
      id="insights-backtest-heading"
      title="Backtest: what happened after as of"
      intro={`The ${formatCount(realized.count)} scored customers, ${run.windowDays} days on: ${formatCount(realized.positives)} reached the goal.`}
      testId="insights-backtest"
    >
      <MetricFigures metrics={realized} testIdPrefix="insights-realized" />
      <Figure label="Realized positive rate" value={formatPercent(realized.positiveRate)} testId="insights-backtest-positive-rate" />
      <ChartFigure
        label={`Predicted and realized rate per bucket${high && high.actualRate !== null ? `: the high bucket was predicted at ${formatPercent(high.meanProbability)} and ${formatPercent(high.actualRate)} reached the goal` : ''}`}
        testId="insights-realized-buckets"
        figure={figure}
        deferred={deferCharts}
      />
      <Text size="sm">Bars that match mean the probabilities can be read as they are; a realized rate far from the predicted one means the data has changed since training.</Text>
    </InsightsSection>
  );
}
