import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One part of the Insights page: a card with an h2, an optional line under it and actions beside it. */
export function InsightsSection({ id, title, intro, actions, testId, children }: { id: string; title: string; intro?: ReactNode; actions?: ReactNode; testId: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={2} size="h3" id={id}>
              {title}
            </Title>
            {intro ? (
              <Text size="sm" c="dimmed" mt={4}>
                {intro}
              </Text>
            ) : null}
          </div>
          {actions}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
