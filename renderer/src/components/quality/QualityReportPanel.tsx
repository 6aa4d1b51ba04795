import { Alert, Card, Loader, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { DatasetSummary } from '../../../../shared/contract/datasets';
import type { QualityReport } from '../../../../shared/contract/imports';
import { useWorkbench } from '../../state/WorkbenchContext';
import { QualityReportView } from './QualityReportView';

type Loaded = { datasetId: string; report: QualityReport | null } | { datasetId: string; error: string };

/** The quality report of one dataset, fetched when shown; `focusOnShow` moves focus to its heading (after an import). */
export function QualityReportPanel({ dataset, focusOnShow = false }: { dataset: DatasetSummary; focusOnShow?: boolean }) {
  const { client } = useWorkbench();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    client.call('datasets.quality', { datasetId: dataset.id }).then(
      ({ report }) => current && setLoaded({ datasetId: dataset.id, report }),
      (failure: unknown) => current && setLoaded({ datasetId: dataset.id, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [client, dataset.id]);

  const ready = loaded !== null && loaded.datasetId === dataset.id;
  useEffect(() => {
    if (ready && focusOnShow && heading.current) {
      heading.current.focus();
      heading.current.scrollIntoView({ block: 'start' });
    }
  }, [ready, focusOnShow]);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="quality-report-heading" data-testid="quality-report">
      <Title order={2} size="h3" id="quality-report-heading" ref={heading} tabIndex={-1} mb="md">
        Quality report: {dataset.name}
      </Title>
      {!ready ? (
        <Loader role="status" size="sm" aria-label="Loading the quality report" />
      ) : 'error' in loaded ? (
        <Alert color="red" title="Cannot load the report" role="alert">
          {loaded.error}
        </Alert>
      ) : loaded.report === null ? (
        <Text data-testid="quality-report-missing">This dataset has no quality report: it was not made by the importer (the demo data, for one, is generated).</Text>
      ) : (
        <QualityReportView report={loaded.report} datasetName={dataset.name} />
      )}
    </Card>
  );
}
