import { SimpleGrid } from '@mantine/core';
import type { MetricSet } from '../../../shared/contract/runs';
import { Figure } from '../components/Figure';
import { formatMetric } from '../format';

/** AUC, PR AUC, log loss and Brier score of one evaluation, side by side. */
export function MetricFigures({ metrics, testIdPrefix }: { metrics: MetricSet; testIdPrefix: string }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
      <Figure label="AUC" value={formatMetric(metrics.auc)} detail="0.5 is chance, 1 is perfect" testId={`${testIdPrefix}-auc`} />
      <Figure label="PR AUC" value={formatMetric(metrics.prAuc)} detail="precision over recall" testId={`${testIdPrefix}-pr-auc`} />
      <Figure label="Log loss" value={formatMetric(metrics.logLoss)} detail="lower is better" testId={`${testIdPrefix}-log-loss`} />
      <Figure label="Brier score" value={formatMetric(metrics.brier)} detail="lower is better" testId={`${testIdPrefix}-brier`} />
    </SimpleGrid>
  );
}
