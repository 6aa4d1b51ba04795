import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useId } from 'react';
import type { QualityReport } from '../../../../shared/contract/imports';
import { WarningList } from '../WarningList';
import { ColumnCompletenessTable } from './ColumnCompletenessTable';
import { EventsPerMonthChart } from './EventsPerMonthChart';
import { EventsPerTypeChart } from './EventsPerTypeChart';
import { ImportDetails } from './ImportDetails';
import { QualityFigures } from './QualityFigures';
import { RejectionTable } from './RejectionTable';

/** Everything a dataset's quality report says: figures, rejections, warnings, charts and columns. */
export function QualityReportView({ report, datasetName }: { report: QualityReport; datasetName: string }) {
  const charts = report.eventsPerMonth.length > 0 || report.eventsPerType.length > 0;
  const rejectedHeading = useId();
  const columnsHeading = useId();
  return (
    <Stack gap="lg">
      <QualityFigures report={report} />
      <ImportDetails report={report} />
      <WarningList warnings={report.warnings} title="Warnings" testId="quality-warnings" />
      <div>
        <Title order={3} size="h5" mb="xs" id={rejectedHeading}>
          Rejected rows
        </Title>
        <RejectionTable report={report} labelledBy={rejectedHeading} />
      </div>
      {charts ? (
        <SimpleGrid cols={{ base: 1, lg: report.eventsPerMonth.length > 0 && report.eventsPerType.length > 0 ? 2 : 1 }}>
          {report.eventsPerMonth.length > 0 ? <EventsPerMonthChart months={report.eventsPerMonth} datasetName={datasetName} /> : null}
          {report.eventsPerType.length > 0 ? <EventsPerTypeChart types={report.eventsPerType} datasetName={datasetName} /> : null}
        </SimpleGrid>
      ) : null}
      <div>
        <Title order={3} size="h5" mb="xs" id={columnsHeading}>
          Columns and how complete they are
        </Title>
        <ColumnCompletenessTable report={report} labelledBy={columnsHeading} />
      </div>
    </Stack>
  );
}
