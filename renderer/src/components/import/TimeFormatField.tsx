import { Select, Stack, TextInput } from '@mantine/core';
import { CUSTOM_TIME_FORMAT, DETECT_TIME_FORMAT, type MappingDraft, type MappingErrors } from './mappingDraft';
import { describeTimeFormat } from './timeFormatLabel';

interface TimeFormatFieldProps {
  draft: MappingDraft;
  candidates: string[];
  /** A value of the time column as the source has it, to compare the formats against. */
  sample: string | null;
  errors: MappingErrors;
  onChange(next: Partial<MappingDraft>): void;
}

/** How the time column's text is read: a detected candidate, automatic detection, or a format the user types. */
export function TimeFormatField({ draft, candidates, sample, errors, onChange }: TimeFormatFieldProps) {
  const options = [
    ...candidates.map((format) => ({ value: format, label: format.includes('%') ? `${describeTimeFormat(format)}  (${format})` : format })),
    // With several candidates detection could pick the wrong one, so it is not offered.
    ...(candidates.length > 1 ? [] : [{ value: DETECT_TIME_FORMAT, label: candidates.length === 1 ? 'Detect again when importing' : 'Detect automatically' }]),
    { value: CUSTOM_TIME_FORMAT, label: 'Custom…' },
  ];
  const ambiguous = candidates.length > 1;
  const description = [
    sample !== null ? `Sample value: ${sample}` : null,
    ambiguous ? 'More than one format reads every sampled value: choose the one the file uses.' : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');
  return (
    <Stack gap="xs">
      <Select
        label="Time format"
        description={description || undefined}
        placeholder="Choose a format"
        data={options}
        value={draft.timeFormatChoice}
        onChange={(value) => onChange({ timeFormatChoice: value })}
        allowDeselect={false}
        required={ambiguous}
        error={errors.timeFormatChoice}
        data-testid="mapping-time-format"
      />
      {draft.timeFormatChoice === CUSTOM_TIME_FORMAT ? (
        <TextInput
          label="Custom time format"
          description="strptime codes: %Y year, %m month, %d day, %H hour, %M minute, %S second, %z offset."
          placeholder="%d/%m/%Y %H:%M"
          value={draft.customTimeFormat}
          onChange={(event) => onChange({ customTimeFormat: event.currentTarget.value })}
          error={errors.customTimeFormat}
          spellCheck={false}
          required
          data-testid="mapping-custom-time-format"
        />
      ) : null}
    </Stack>
  );
}
