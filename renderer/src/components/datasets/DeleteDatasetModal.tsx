import { Text } from '@mantine/core';
import type { DatasetSummary } from '../../../../shared/contract/datasets';
import { formatCount } from '../../format';
import { useWorkbench } from '../../state/WorkbenchContext';
import { ConfirmModal } from '../ConfirmModal';

/** Asks before deleting a dataset, naming it. */
export function DeleteDatasetModal({ dataset, onClose, onDeleted }: { dataset: DatasetSummary; onClose(): void; onDeleted(): void }) {
  const { client, refreshDatasets } = useWorkbench();
  return (
    <ConfirmModal
      title={`Delete “${dataset.name}”?`}
      confirmLabel="Delete dataset"
      cancelLabel="Keep the dataset"
      onConfirm={async () => {
        await client.call('datasets.delete', { datasetId: dataset.id });
        await refreshDatasets();
        onDeleted();
      }}
      onClose={onClose}
      confirmTestId="delete-dataset-confirm"
    >
      <Text>
        This removes the dataset “{dataset.name}” and its {formatCount(dataset.rows)} rows from the workspace. The files it was imported from are not touched.
        This cannot be undone.
      </Text>
    </ConfirmModal>
  );
}
