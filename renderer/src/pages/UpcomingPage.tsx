import { Card, Stack, Text, Title } from '@mantine/core';

/** A page whose feature is not in this version yet: it says so plainly. */
export function UpcomingPage({ title, purpose }: { title: string; purpose: string }) {
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      <Card withBorder padding="lg">
        <Text>{purpose}</Text>
        <Text c="dimmed" size="sm" mt="sm">
          Not available in this version yet.
        </Text>
      </Card>
    </Stack>
  );
}
