import { Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { LabelledSegments } from '../components/LabelledSegments';
import { usePendingAction } from '../components/usePendingAction';
import { useState, type FormEvent } from 'react';
import type { DatasetSummary } from '../../../shared/contract/datasets';

/** Starts a new goal from a preset: conversion (a purchase-like event occurs) or churn (no event at all). */
export function NewInstanceModal({
  datasets,
  onCreate,
  onClose,
}: {
  datasets: DatasetSummary[];
  onCreate(kind: 'conversion' | 'churn', datasetId: string, windowDays: number): Promise<void>;
  onClose(): void;
}) {
  const [kind, setKind] = useState<'conversion' | 'churn'>('conversion');
  const [datasetId, setDatasetId] = useState<string | null>(datasets[0]?.id ?? null);
  const [windowDays, setWindowDays] = useState(30);
  const { busy, error, setError, run } = usePendingAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!datasetId) return setError('Pick an events dataset.');
    if (await run(() => onCreate(kind, datasetId, windowDays))) onClose();
  };
  return (
    <Modal opened onClose={onClose} title="New goal" closeButtonProps={{ 'aria-label': 'Cancel the new goal' }}>
      <Stack component="form" gap="md" onSubmit={(event) => void submit(event)}>
        <LabelledSegments
          label="Start from"
          value={kind}
          onChange={setKind}
          options={[
            { value: 'conversion', label: 'Conversion: a purchase occurs' },
            { value: 'churn', label: 'Churn: no event at all' },
          ]}
          fullWidth
          testId="preset-kind"
        />
        <Select label="Events dataset" data={datasets.map((dataset) => ({ value: dataset.id, label: dataset.name }))} value={datasetId} onChange={setDatasetId} allowDeselect={false} />
        <NumberInput label="Within (days)" value={windowDays} min={1} max={3650} allowDecimal={false} onChange={(value) => setWindowDays(typeof value === 'number' && value >= 1 ? value : 1)} data-autofocus />
        {error ? (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} data-testid="create-goal">
            Start
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
