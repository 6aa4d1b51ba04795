import { Chip, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { memo } from 'react';
import type { Bucket } from '../../../shared/contract/runs';
import { ALL_BUCKETS, BUCKET_NAMES, type FilterDraft } from './customerQuery';

function percentValue(value: number | string): number | '' {
  if (typeof value === 'number') return value;
  if (value.trim() === '') return '';
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : '';
}

/** Which customers the list shows: buckets, a probability range and a search in the ids. The list follows after a pause in typing. */
export const CustomerFilters = memo(function CustomerFilters({ draft, onChange }: { draft: FilterDraft; onChange(next: FilterDraft): void }) {
  const inverted = draft.minPercent !== '' && draft.maxPercent !== '' && draft.minPercent > draft.maxPercent;
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="customer-bucket-filter">
          Buckets
        </Text>
        <Group gap={6} role="group" aria-labelledby="customer-bucket-filter" data-testid="bucket-filter" mih={36} align="center">
          <Chip.Group
            multiple
            value={draft.buckets}
            onChange={(values) => {
              // At least one bucket stays chosen: an empty choice would show nobody.
              if (values.length > 0) onChange({ ...draft, buckets: ALL_BUCKETS.filter((bucket) => values.includes(bucket)) as Bucket[] });
            }}
          >
            {ALL_BUCKETS.map((bucket) => (
              <Chip key={bucket} value={bucket} size="sm" data-testid={`bucket-chip-${bucket}`}>
                {BUCKET_NAMES[bucket]}
              </Chip>
            ))}
          </Chip.Group>
        </Group>
      </Stack>
      <NumberInput
        label="Probability from (%)"
        value={draft.minPercent}
        onChange={(value) => onChange({ ...draft, minPercent: percentValue(value) })}
        min={0}
        max={100}
        step={1}
        decimalScale={2}
        allowNegative={false}
        clampBehavior="strict"
        placeholder="0"
        w={150}
        data-testid="probability-min"
        error={inverted ? 'Above the upper bound' : undefined}
      />
      <NumberInput
        label="Probability to (%)"
        value={draft.maxPercent}
        onChange={(value) => onChange({ ...draft, maxPercent: percentValue(value) })}
        min={0}
        max={100}
        step={1}
        decimalScale={2}
        allowNegative={false}
        clampBehavior="strict"
        placeholder="100"
        w={150}
        data-testid="probability-max"
      />
      <TextInput
        label="Search customer ids"
        placeholder="Part of an id"
        value={draft.search}
        onChange={(event) => onChange({ ...draft, search: event.currentTarget.value })}
        maxLength={200}
        w={220}
        data-testid="customer-search"
      />
    </Group>
  );
});
