import { Alert, Badge, Group, Text } from '@mantine/core';
import type { Diagnostic } from '../../../shared/contract/instances';

/** One diagnostic: its code and severity in words (not colour alone), what is wrong and the change to try. */
export function DiagnosticAlert({ diagnostic, testId }: { diagnostic: Diagnostic; testId: string }) {
  const error = diagnostic.severity === 'error';
  return (
    <Alert
      color={error ? 'red' : 'yellow'}
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      title={
        <Group gap="xs">
          <Badge color={error ? 'red.9' : 'gray.8'} variant="filled" size="sm">
            {diagnostic.code}
          </Badge>
          <span>{error ? 'Training refused' : 'Warning'}</span>
        </Group>
      }
      data-testid={testId}
      data-code={diagnostic.code}
      data-severity={diagnostic.severity}
    >
      <Text size="sm">{diagnostic.message}</Text>
      <Text size="sm" fw={600} mt={4}>
        Try: {diagnostic.fix}
      </Text>
    </Alert>
  );
}
