import { Input, Select, SegmentedControl, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useId } from 'react';
import { datasetKindSchema } from '../../../../shared/contract/datasets';
import type { ImportPreview } from '../../../../shared/contract/imports';
import { initialTimeFormatChoice, timeFormatCandidates, type MappingDraft, type MappingErrors } from './mappingDraft';
import { TimeFormatField } from './TimeFormatField';

interface MappingFormProps {
  preview: ImportPreview;
  draft: MappingDraft;
  errors: MappingErrors;
  onChange(next: MappingDraft): void;
}

const KIND_OPTIONS = [
  { value: 'events', label: 'Events (one row per event)' },
  { value: 'profiles', label: 'Profiles (one row per customer)' },
];

function firstValue(preview: ImportPreview, column: string | null): string | null {
  const index = column === null ? -1 : preview.columns.findIndex((candidate) => candidate.name === column);
  if (index < 0) return null;
  const cell = preview.rows.find((row) => row[index] !== null && row[index] !== undefined)?.[index];
  return cell === null || cell === undefined ? null : String(cell);
}

/** How the source's columns become a dataset, pre-filled from what detection suggested. */
export function MappingForm({ preview, draft, errors, onChange }: MappingFormProps) {
  const kindLabelId = useId();
  const columnOptions = preview.columns.map((column) => ({ value: column.name, label: `${column.name} (${column.kind})` }));
  const update = (patch: Partial<MappingDraft>) => onChange({ ...draft, ...patch });
  const candidates = timeFormatCandidates(preview.suggestion, draft.timeColumn);
  const events = draft.kind === 'events';

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label="Dataset name"
          value={draft.name}
          onChange={(event) => update({ name: event.currentTarget.value })}
          error={errors.name}
          maxLength={120}
          required
          data-testid="mapping-name"
        />
        <Stack gap={4}>
          <Input.Label labelElement="div" id={kindLabelId}>
            Kind of data
          </Input.Label>
          <SegmentedControl
            aria-labelledby={kindLabelId}
            data={KIND_OPTIONS}
            value={draft.kind}
            onChange={(value) => update({ kind: datasetKindSchema.parse(value) })}
            data-testid="mapping-kind"
          />
        </Stack>
        <Select
          label="Customer id column"
          data={columnOptions}
          value={draft.idColumn}
          onChange={(value) => update({ idColumn: value })}
          error={errors.idColumn}
          searchable
          allowDeselect={false}
          required
          data-testid="mapping-id-column"
        />
        {events ? (
          <Select
            label="Time column"
            data={columnOptions}
            value={draft.timeColumn}
            onChange={(value) => update({ timeColumn: value, timeFormatChoice: initialTimeFormatChoice(timeFormatCandidates(preview.suggestion, value)) })}
            error={errors.timeColumn}
            searchable
            allowDeselect={false}
            required
            data-testid="mapping-time-column"
          />
        ) : null}
        {events ? <TimeFormatField draft={draft} candidates={candidates} sample={firstValue(preview, draft.timeColumn)} errors={errors} onChange={update} /> : null}
        {events ? (
          <TextInput
            label="Time zone"
            description="Times that carry an offset are converted to this zone; times without one are kept as they are. Empty means UTC."
            placeholder="UTC, or e.g. Europe/Berlin"
            value={draft.timeZone}
            onChange={(event) => update({ timeZone: event.currentTarget.value })}
            error={errors.timeZone}
            spellCheck={false}
            data-testid="mapping-time-zone"
          />
        ) : null}
        {events ? (
          <Select
            label="Event type column"
            description="Optional: what kind of event each row is (view, purchase, …)."
            placeholder="None"
            data={columnOptions}
            value={draft.eventTypeColumn}
            onChange={(value) => update({ eventTypeColumn: value })}
            error={errors.eventTypeColumn}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear the event type column' }}
            data-testid="mapping-event-type-column"
          />
        ) : null}
      </SimpleGrid>
      <Switch
        label="Numeric customer ids"
        description="Reads ids as numbers, so 17850.0 and 017850 become 17850. Leave off when ids are codes whose leading zeros matter."
        checked={draft.numericIds}
        onChange={(event) => update({ numericIds: event.currentTarget.checked })}
        data-testid="mapping-numeric-ids"
      />
    </Stack>
  );
}
