import { Button, Collapse, Select, SimpleGrid } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { fileFormatSchema, type FileFormat } from '../../../../shared/contract/imports';
import type { SourceDraft } from './sourceDraft';

const DETECT = 'detect';
const FORMAT_OPTIONS = [
  { value: DETECT, label: 'Detect from the file' },
  { value: 'csv', label: 'CSV or other delimited text' },
  { value: 'parquet', label: 'Parquet' },
  { value: 'json', label: 'JSON or NDJSON' },
];
const DELIMITER_OPTIONS = [
  { value: DETECT, label: 'Detect' },
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe |' },
];
const HEADER_OPTIONS = [
  { value: DETECT, label: 'Detect' },
  { value: 'yes', label: 'Yes, the first line names the columns' },
  { value: 'no', label: 'No, the first line is data' },
];

function parseFormat(value: string | null): FileFormat | null {
  const parsed = fileFormatSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Format, delimiter and header, for the files detection gets wrong; folded away by default. */
export function SourceOptions({ draft, onChange, disabled }: { draft: SourceDraft; onChange(next: SourceDraft): void; disabled: boolean }) {
  const [opened, { toggle }] = useDisclosure(draft.format !== null || draft.delimiter !== null || draft.header !== null);
  const panelId = useId();
  const csvOnly = draft.format === null || draft.format === 'csv';
  return (
    <div>
      <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={opened} aria-controls={panelId}>
        {opened ? 'Hide advanced options' : 'Advanced options'}
      </Button>
      <Collapse expanded={opened} id={panelId}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
          <Select
            label="Format"
            data={FORMAT_OPTIONS}
            value={draft.format ?? DETECT}
            onChange={(value) => onChange({ ...draft, format: parseFormat(value) })}
            allowDeselect={false}
            disabled={disabled}
          />
          <Select
            label="Delimiter"
            data={DELIMITER_OPTIONS}
            value={draft.delimiter ?? DETECT}
            onChange={(value) => onChange({ ...draft, delimiter: value === DETECT || value === null ? null : value })}
            allowDeselect={false}
            disabled={disabled || !csvOnly}
          />
          <Select
            label="Header line"
            data={HEADER_OPTIONS}
            value={draft.header === null ? DETECT : draft.header ? 'yes' : 'no'}
            onChange={(value) => onChange({ ...draft, header: value === 'yes' ? true : value === 'no' ? false : null })}
            allowDeselect={false}
            disabled={disabled || !csvOnly}
          />
        </SimpleGrid>
      </Collapse>
    </div>
  );
}
