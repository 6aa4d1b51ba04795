import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { DatasetSummary } from '../../../../shared/contract/datasets';
import { datasetNameSchema } from '../../../../shared/contract/imports';
import { useWorkbench } from '../../state/WorkbenchContext';

/** Renames a dataset: Enter saves, Escape cancels; the engine's refusal (a taken name) shows under the field. */
export function RenameDatasetModal({ dataset, onClose }: { dataset: DatasetSummary; onClose(): void }) {
  const { client, refreshDatasets } = useWorkbench();
  const [name, setName] = useState(dataset.name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = datasetNameSchema.safeParse(name);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'That name cannot be used.');
    if (checked.data === dataset.name) return onClose();
    setSaving(true);
    try {
      await client.call('datasets.rename', { datasetId: dataset.id, name: checked.data });
      await refreshDatasets();
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Rename “${dataset.name}”`} closeButtonProps={{ 'aria-label': 'Cancel renaming' }}>
      <Stack component="form" onSubmit={(event) => void submit(event)} gap="md">
        <TextInput
          label="New name"
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          maxLength={120}
          required
          data-autofocus
          data-testid="rename-dataset-name"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} data-testid="rename-dataset-save">
            Rename
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
