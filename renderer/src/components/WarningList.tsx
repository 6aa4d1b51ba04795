import { Alert, List, Text } from '@mantine/core';
import type { ImportWarning } from '../../../shared/contract/imports';
import { formatCount } from '../format';

/** Warnings from detection or import, each with its column and count when it has them. */
export function WarningList({ warnings, title, testId }: { warnings: ImportWarning[]; title: string; testId?: string }) {
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" title={title} data-testid={testId}>
      <List size="sm" spacing={4}>
        {warnings.map((warning, index) => (
          // oxlint-disable-next-line react/no-array-index-key -- warnings may repeat a code; their order is fixed
          <List.Item key={`${warning.code}-${index}`}>
            {warning.message}
            {warning.column !== undefined || warning.count !== undefined ? (
              <Text span size="xs" c="dimmed">
                {' '}
                ({[warning.column !== undefined ? `column ${warning.column}` : null, warning.count !== undefined ? `${formatCount(warning.count)} rows` : null]
                  .filter((part) => part !== null)
                  .join(', ')}
                )
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
