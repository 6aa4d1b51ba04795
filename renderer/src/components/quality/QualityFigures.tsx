import { Grid } from '@mantine/core';
import type { QualityReport } from '../../../../shared/contract/imports';
import { formatCount, formatSpanDays, formatTimestamp } from '../../format';
import { Figure } from '../Figure';

export function rejectedTotal(report: QualityReport): number {
  return Object.values(report.rowsRejected).reduce((sum, count) => sum + (count ?? 0), 0);
}

/** The headline numbers of an import: rows in and out, customers, time span, duplicates, future times. */
export function QualityFigures({ report }: { report: QualityReport }) {
  const events = report.minTime !== null;
  const cell = { base: 6, sm: 3 };
  return (
    <Grid gap="lg" data-testid="quality-figures">
      <Grid.Col span={cell}>
        <Figure label="Rows read" value={formatCount(report.rowsRead)} testId="quality-rows-read" />
      </Grid.Col>
      <Grid.Col span={cell}>
        <Figure label="Rows imported" value={formatCount(report.rowsImported)} testId="quality-rows-imported" />
      </Grid.Col>
      <Grid.Col span={cell}>
        <Figure label="Rows rejected" value={formatCount(rejectedTotal(report))} testId="quality-rows-rejected" />
      </Grid.Col>
      <Grid.Col span={cell}>
        <Figure label="Customers" value={formatCount(report.customers)} testId="quality-customers" />
      </Grid.Col>
      {events ? (
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Figure
            label="Time span"
            value={`${formatTimestamp(report.minTime)} → ${formatTimestamp(report.maxTime)}`}
            detail={formatSpanDays(report.minTime, report.maxTime)}
            testId="quality-time-span"
          />
        </Grid.Col>
      ) : null}
      <Grid.Col span={cell}>
        <Figure label="Duplicate rows" value={formatCount(report.duplicateRows)} detail="identical in every column; kept" testId="quality-duplicate-rows" />
      </Grid.Col>
      {events ? (
        <Grid.Col span={cell}>
          <Figure label="Future times" value={formatCount(report.futureRows)} detail="after the moment of import" testId="quality-future-rows" />
        </Grid.Col>
      ) : null}
    </Grid>
  );
}
