import { Code, List, Text } from '@mantine/core';
import type { QualityReport } from '../../../../shared/contract/imports';
import { formatBytes, formatDuration, formatInstant } from '../../format';

const FORMAT_NAMES = { csv: 'delimited text', parquet: 'Parquet', json: 'JSON' } as const;

/** Where the rows came from and how they were read. */
export function ImportDetails({ report }: { report: QualityReport }) {
  return (
    <div data-testid="quality-import-details">
      <Text size="sm">
        Imported {formatInstant(report.importedAt)} in {formatDuration(report.durationMs)}
        {report.format ? ` from ${FORMAT_NAMES[report.format]}` : ''}
        {report.timeFormat ? (
          <>
            {'; times read as '}
            <Code>{report.timeFormat}</Code>
          </>
        ) : null}
      </Text>
      {report.sources.length > 0 ? (
        <List size="xs" c="dimmed" mt={4} spacing={2}>
          {report.sources.map((source) => (
            <List.Item key={source.path} style={{ wordBreak: 'break-all' }}>
              {source.path} ({formatBytes(source.bytes)})
            </List.Item>
          ))}
        </List>
      ) : null}
    </div>
  );
}
