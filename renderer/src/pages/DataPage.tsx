import { Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { DatasetSummary } from '../../../shared/contract/datasets';
import { DatasetCard } from '../components/DatasetCard';
import { DatasetActions } from '../components/datasets/DatasetActions';
import { DeleteDatasetModal } from '../components/datasets/DeleteDatasetModal';
import { RenameDatasetModal } from '../components/datasets/RenameDatasetModal';
import { ImportDialog } from '../components/import/ImportDialog';
import { QualityReportPanel } from '../components/quality/QualityReportPanel';
import { useWorkbench } from '../state/WorkbenchContext';

/** The datasets of the open workspace: import, rename, delete, and each one's quality report. */
export function DataPage() {
  const { datasets, workspace } = useWorkbench();
  const [importOpen, setImportOpen] = useState(false);
  // A new key after each import gives the next one a fresh dialog.
  const [importKey, setImportKey] = useState(0);
  const [reportFor, setReportFor] = useState<{ datasetId: string; focus: boolean } | null>(null);
  const [renaming, setRenaming] = useState<DatasetSummary | null>(null);
  const [deleting, setDeleting] = useState<DatasetSummary | null>(null);

  const onImported = useCallback((datasetId: string | null) => {
    setImportOpen(false);
    setImportKey((key) => key + 1);
    if (datasetId) setReportFor({ datasetId, focus: true });
  }, []);

  const reportDataset = reportFor ? datasets?.find((dataset) => dataset.id === reportFor.datasetId) : undefined;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Data</Title>
          <Text c="dimmed">Datasets in {workspace?.name}.</Text>
        </div>
        <Button onClick={() => setImportOpen(true)} data-testid="open-import">
          Import data
        </Button>
      </Group>
      {datasets === null ? (
        <Loader role="status" aria-label="Loading datasets" />
      ) : datasets.length === 0 ? (
        <Text data-testid="no-datasets">This workspace has no datasets yet. Import a CSV, Parquet or JSON file to start.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }} data-testid="dataset-list">
          {datasets.map((dataset) => (
            <DatasetCard
              key={dataset.id}
              dataset={dataset}
              selected={dataset.id === reportDataset?.id}
              actions={
                <DatasetActions
                  dataset={dataset}
                  reportShown={dataset.id === reportDataset?.id}
                  onToggleReport={() => setReportFor(dataset.id === reportDataset?.id ? null : { datasetId: dataset.id, focus: true })}
                  onRename={() => setRenaming(dataset)}
                  onDelete={() => setDeleting(dataset)}
                />
              }
            />
          ))}
        </SimpleGrid>
      )}
      {reportDataset ? <QualityReportPanel key={reportDataset.id} dataset={reportDataset} focusOnShow={reportFor?.focus ?? false} /> : null}

      <ImportDialog key={importKey} opened={importOpen} onClose={() => setImportOpen(false)} onImported={onImported} />
      {renaming ? <RenameDatasetModal dataset={renaming} onClose={() => setRenaming(null)} /> : null}
      {deleting ? (
        <DeleteDatasetModal
          dataset={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            if (reportFor?.datasetId === deleting.id) setReportFor(null);
            setDeleting(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
