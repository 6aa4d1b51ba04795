import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DatasetSummary } from '../../../shared/contract/datasets';
import { formatCount, formatSpanDays, formatTimestamp } from '../format';
import { MonthlyActivityChart } from './MonthlyActivityChart';
import { Figure } from './Figure';

/** The summary of one dataset: rows, customers and, for events, the time span; `actions` go at its foot. */
export function DatasetCard({ dataset, actions, selected = false }: { dataset: DatasetSummary; actions?: ReactNode; selected?: boolean }) {
  return (
    <Card
      component="section"
      withBorder
      padding="lg"
      radius="md"
      data-testid="dataset-card"
      data-dataset-id={dataset.id}
      aria-label={`Dataset ${dataset.name}`}
      style={selected ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" mb="md">
        <Text fw={700} size="lg" component="h3" m={0}>
          {dataset.name}
        </Text>
        <Badge variant="light" color={dataset.kind === 'events' ? 'blue' : 'grape'}>
          {dataset.kind}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure label="Rows" value={formatCount(dataset.rows)} testId="dataset-rows" />
        <Figure label="Customers" value={formatCount(dataset.customers)} testId="dataset-customers" />
        {dataset.kind === 'events' ? (
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Time span
            </Text>
            <Text fw={600} data-testid="dataset-span">
              {formatTimestamp(dataset.minTime)} → {formatTimestamp(dataset.maxTime)}
            </Text>
            <Text size="xs" c="dimmed">
              {formatSpanDays(dataset.minTime, dataset.maxTime)}
            </Text>
          </Stack>
        ) : (
          <Figure label="Customer id" value={dataset.idColumn} testId="dataset-id-column" />
        )}
      </SimpleGrid>
      {dataset.kind === 'events' ? <MonthlyActivityChart datasetId={dataset.id} name={dataset.name} /> : null}
      <Text size="xs" c="dimmed" mt="md">
        Customer id <code>{dataset.idColumn}</code>
        {dataset.timeColumn ? (
          <>
            {' · '}time <code>{dataset.timeColumn}</code>
          </>
        ) : null}
        {dataset.eventTypeColumn ? (
          <>
            {' · '}event type <code>{dataset.eventTypeColumn}</code>
          </>
        ) : null}
      </Text>
      {actions ? (
        <Group gap="xs" mt="md">
          {actions}
        </Group>
      ) : null}
    </Card>
  );
}
