import { Group, Text } from '@mantine/core';
import type { ImportPreview } from '../../../../shared/contract/imports';
import { formatBytes } from '../../format';

const FORMAT_NAMES = { csv: 'Delimited text', parquet: 'Parquet', json: 'JSON' } as const;
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** What detection found: format, dialect, files and their size. */
export function SourceSummary({ preview }: { preview: ImportPreview }) {
  const bytes = preview.files.reduce((sum, file) => sum + file.bytes, 0);
  const parts = [
    FORMAT_NAMES[preview.format],
    preview.delimiter !== null ? `${DELIMITER_NAMES[preview.delimiter] ?? `“${preview.delimiter}”`}-separated` : null,
    preview.header === null ? null : preview.header ? 'with a header line' : 'without a header line',
    `${preview.files.length === 1 ? '1 file' : `${preview.files.length} files`}, ${formatBytes(bytes)}`,
    `${preview.columns.length} columns`,
  ].filter((part) => part !== null);
  return (
    <Group gap="xs" data-testid="source-summary">
      <Text size="sm">{parts.join(' · ')}</Text>
      {preview.files.length === 1 ? (
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }} data-testid="source-path">
          {preview.files[0]!.path}
        </Text>
      ) : null}
    </Group>
  );
}
