import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DatasetSummary } from '../../../../shared/contract/datasets';
import { formatCount } from '../../format';
import { useWorkbench } from '../../state/WorkbenchContext';

/** Asks before deleting a dataset, naming it; Cancel has the focus so Enter alone deletes nothing. */
export function DeleteDatasetModal({ dataset, onClose, onDeleted }: { dataset: DatasetSummary; onClose(): void; onDeleted(): void }) {
  const { client, refreshDatasets } = useWorkbench();
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  const confirm = async () => {
    setDeleting(true);
    setError(null);
    try {
      await client.call('datasets.delete', { datasetId: dataset.id });
      await refreshDatasets();
      onDeleted();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Delete “${dataset.name}”?`} closeButtonProps={{ 'aria-label': 'Keep the dataset' }}>
      <Stack gap="md">
        <Text>
          This removes the dataset “{dataset.name}” and its {formatCount(dataset.rows)} rows from the workspace. The files it was imported from are not
          touched. This cannot be undone.
        </Text>
        {error ? (
          <Alert color="red" title="Could not delete" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={deleting} data-testid="delete-dataset-confirm">
            Delete dataset
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
