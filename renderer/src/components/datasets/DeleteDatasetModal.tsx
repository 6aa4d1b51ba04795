import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DatasetSummary } from '../../../../shared/contract/datasets';
import { formatCount } from '../../format';
import { useWorkbench } from '../../state/WorkbenchContext';
import { ConfirmModal } from '../ConfirmModal';

/** Asks before deleting a dataset, naming it. */
export function DeleteDatasetModal({ dataset, onClose, onDeleted }: { dataset: DatasetSummary; onClose(): void; onDeleted(): void }) {
  const { client, refreshDatasets } = useWorkbench();
  // Saved goals that name this dataset stop working without it; say which before deleting.
  const [usedBy, setUsedBy] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    client.call('instances.list', {}).then(
      ({ instances }) => current && setUsedBy(instances.filter((instance) => instance.events === dataset.id || instance.events.toLowerCase() === dataset.name.toLowerCase()).map((instance) => instance.name)),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, dataset.id, dataset.name]);
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
      {usedBy.length > 0 ? (
        <Text fw={600} data-testid="delete-dataset-used-by">
          {usedBy.length === 1 ? 'The saved goal' : `${usedBy.length} saved goals`} {usedBy.map((name) => `“${name}”`).join(', ')} {usedBy.length === 1 ? 'uses' : 'use'} it and will
          not preview or run until you point {usedBy.length === 1 ? 'it' : 'them'} at another events dataset.
        </Text>
      ) : null}
    </ConfirmModal>
  );
}
