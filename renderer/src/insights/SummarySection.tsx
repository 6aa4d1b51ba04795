import { Button, Grid, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { Run } from '../../../shared/contract/runs';
import { CsvButton } from '../components/CsvButton';
import { Figure } from '../components/Figure';
import { formatCount, formatPercent, formatTimestamp } from '../format';
import { bucketSegmentDraft } from '../runs/segmentDrafts';
import { useWorkbench } from '../state/WorkbenchContext';
import { BucketTable } from '../train/BucketTable';
import { BUCKET_LABELS, bucketPalette } from './bucketColors';
import { ChartFigure } from './ChartFigure';
import { bucketRing } from './insightFigures';
import { InsightsSection } from './InsightsSection';
import { runFileName } from './runFileName';
import { useStablePlotTheme } from './useStablePlotTheme';

/** How many customers were scored, how they split into buckets, when, and how often the goal is reached. */
export function SummarySection({ run, onDrawn, onOpenSegmentsPage }: { run: Run; onDrawn(chart: string): void; onOpenSegmentsPage(): void }) {
  const { draftSegment } = useWorkbench();
  const theme = useStablePlotTheme();
  const ring = useMemo(() => bucketRing(run.buckets, run.scored, bucketPalette(run.propensity), theme), [run, theme]);
  const trainRate = run.trainPopulation > 0 ? run.trainPositives / run.trainPopulation : 0;
  const counts = run.buckets.map((bucket) => `${BUCKET_LABELS[bucket.bucket]} ${formatCount(bucket.customers)}`).join(', ');
  const kind = run.propensity === 'churn' ? 'Churn risk: a high score means the customer is likely to leave.' : 'Conversion: a high score means the customer is likely to reach the goal.';
  return (
    <InsightsSection id="insights-summary-heading" title="Summary" intro={kind} testId="insights-summary">
      <Grid gap="lg" align="center">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SimpleGrid cols={2} spacing="lg">
            <Figure label="Customers scored" value={formatCount(run.scored)} detail="each with a probability, a percentile and a bucket" testId="insights-scored" />
            <Figure label="As of" value={formatTimestamp(run.asOf)} detail="scores use events before this time" testId="insights-as-of" />
            <Figure label="Training cutoff" value={formatTimestamp(run.trainCutoff)} detail={`labels from the ${run.windowDays} days after it`} testId="insights-train-cutoff" />
            <Figure
              label="Positive rate in training"
              value={formatPercent(trainRate)}
              detail={`${formatCount(run.trainPositives)} of ${formatCount(run.trainPopulation)} reached the goal`}
              testId="insights-train-rate"
            />
            {run.realized ? (
              <Figure
                label="Realized positive rate"
                value={formatPercent(run.realized.positiveRate)}
                detail={`${formatCount(run.realized.positives)} of ${formatCount(run.realized.count)} scored, ${run.windowDays} days after as of`}
                testId="insights-realized-rate"
              />
            ) : null}
          </SimpleGrid>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ChartFigure label={`Customers per bucket: ${counts}`} testId="insights-bucket-ring" figure={ring} onDrawn={onDrawn} />
        </Grid.Col>
      </Grid>
      <Stack gap="xs">
        <Title order={3} size="h4" id="insights-buckets-heading">
          Buckets
        </Title>
        <BucketTable run={run} labelledBy="insights-buckets-heading" />
        <Group gap="xs">
          {run.buckets.map((bucket) => (
            <Button
              key={bucket.bucket}
              variant="default"
              size="xs"
              data-testid={`segment-from-bucket-${bucket.bucket}`}
              onClick={() => {
                draftSegment(bucketSegmentDraft(run.runId, bucket.bucket));
                onOpenSegmentsPage();
              }}
            >
              Create segment: {BUCKET_LABELS[bucket.bucket]}
            </Button>
          ))}
          <CsvButton
            fileName={runFileName(run, 'buckets')}
            header={['bucket', 'customers', 'share', 'mean_probability', 'actual_rate']}
            rows={() => run.buckets.map((bucket) => [bucket.bucket, bucket.customers, run.scored > 0 ? bucket.customers / run.scored : null, bucket.meanProbability, bucket.actualRate])}
          />
        </Group>
      </Stack>
    </InsightsSection>
  );
}
