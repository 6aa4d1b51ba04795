import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { Run } from '../../../shared/contract/runs';
import { CsvButton } from '../components/CsvButton';
import { DiagnosticAlert } from '../components/DiagnosticAlert';
import { formatCount, formatMetric } from '../format';
import { BaselineTable } from '../train/BaselineTable';
import { MetricFigures } from '../train/MetricFigures';
import { ChartFigure } from './ChartFigure';
import { calibrationFigure, gainsFigure, liftFigure, rocFigure } from './insightFigures';
import { InsightsSection } from './InsightsSection';
import { QualityGradeNote } from './QualityGradeNote';
import { runFileName } from './runFileName';
import { useStablePlotTheme } from './useStablePlotTheme';

/** How good the model is on the held-out customers: metrics, a grade, lift, gains, ROC, calibration and the baselines. */
export function EvaluationSection({ run, deferCharts }: { run: Run; deferCharts: boolean }) {
  const theme = useStablePlotTheme();
  const { validation } = run;
  const lift = useMemo(() => liftFigure(validation, theme), [validation, theme]);
  const gains = useMemo(() => gainsFigure(validation, theme), [validation, theme]);
  const roc = useMemo(() => rocFigure(validation, theme), [validation, theme]);
  const calibration = useMemo(() => calibrationFigure(validation, theme), [validation, theme]);
  const topDecile = validation.deciles[0];
  return (
    <InsightsSection
      id="insights-evaluation-heading"
      title="Model evaluation"
      intro={`On ${formatCount(validation.count)} held-out customers at the training cutoff, of whom ${formatCount(validation.positives)} reached the goal.`}
      testId="insights-evaluation"
    >
      <MetricFigures metrics={validation} testIdPrefix="insights-validation" />
      <QualityGradeNote auc={validation.auc} />
      {run.diagnostics.map((diagnostic, index) => (
        // oxlint-disable-next-line react/no-array-index-key -- the goal's and the model's checks may repeat a code; their order is fixed
        <DiagnosticAlert key={`${diagnostic.code}-${index}`} diagnostic={diagnostic} testId="insights-diagnostic" />
      ))}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ChartFigure
          label={`Lift by decile${topDecile ? `: the top tenth reaches the goal ${topDecile.lift.toFixed(2)} times as often as average` : ''}`}
          testId="insights-lift"
          figure={lift}
          deferred={deferCharts}
        />
        <ChartFigure label="Cumulative gains: share of those who reached the goal found among the top-scored customers, against a random order" testId="insights-gains" figure={gains} deferred={deferCharts} />
        <ChartFigure label={`ROC curve, AUC ${formatMetric(validation.auc)}, against the random diagonal`} testId="insights-roc" figure={roc} deferred={deferCharts} />
        <ChartFigure label="Calibration: mean predicted probability against the share that reached the goal, with the perfectly calibrated line" testId="insights-calibration" figure={calibration} deferred={deferCharts} />
      </SimpleGrid>
      <Stack gap="xs">
        <Title order={3} size="h4" id="insights-baselines-heading">
          Against simple baselines
        </Title>
        <Text size="sm">The same held-out customers ranked by simple rules: the model is worth using only if it ranks them better.</Text>
        <BaselineTable run={run} labelledBy="insights-baselines-heading" />
        <div>
          <CsvButton
            fileName={runFileName(run, 'baselines')}
            header={['model', 'auc', 'pr_auc', 'log_loss', 'brier']}
            rows={() => [
              ['Boosted trees (this run)', validation.auc, validation.prAuc, validation.logLoss, validation.brier],
              ...run.baselines.map((baseline) => [baseline.label, baseline.auc, baseline.prAuc, baseline.logLoss, baseline.brier]),
            ]}
          />
        </div>
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h4" id="insights-deciles-heading">
          Deciles
        </Title>
        <Text size="sm">The lift and gains above as numbers, for a spreadsheet.</Text>
        <div>
          <CsvButton
            fileName={runFileName(run, 'deciles')}
            header={['decile', 'customers', 'reached_goal', 'lift', 'cumulative_gain', 'cumulative_lift']}
            rows={() => validation.deciles.map((row) => [row.decile, row.count, row.positives, row.lift, row.cumulativeGain, row.cumulativeLift])}
          />
        </div>
      </Stack>
    </InsightsSection>
  );
}
