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

interface PercentInputProps {
  label: string;
  value: number | '';
  onChange(value: number | ''): void;
  placeholder: string;
  testId: string;
  error?: string;
}

/** A probability bound in percent, 0 to 100; empty means no bound. */
function PercentInput({ label, value, onChange, placeholder, testId, error }: PercentInputProps) {
  return (
    <NumberInput
      label={label}
      value={value}
      onChange={(next) => onChange(percentValue(next))}
      min={0}
      max={100}
      step={1}
      decimalScale={2}
      allowNegative={false}
      clampBehavior="strict"
      placeholder={placeholder}
      w={150}
      data-testid={testId}
      error={error}
    />
  );
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
      <PercentInput label="Probability from (%)" value={draft.minPercent} onChange={(minPercent) => onChange({ ...draft, minPercent })} placeholder="0" testId="probability-min" error={inverted ? 'Above the upper bound' : undefined} />
      <PercentInput label="Probability to (%)" value={draft.maxPercent} onChange={(maxPercent) => onChange({ ...draft, maxPercent })} placeholder="100" testId="probability-max" />
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
