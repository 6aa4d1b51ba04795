import { Group, Loader, Text } from '@mantine/core';

/** A spinner with its words, announced politely: what the page is waiting for. */
export function Busy({ label }: { label: string }) {
  return (
    <Group gap="xs" role="status">
      <Loader size="sm" />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
