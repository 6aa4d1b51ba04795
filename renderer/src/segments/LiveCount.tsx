import { Alert, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RunSummary } from '../../../shared/contract/runs';
import { Figure } from '../components/Figure';
import { formatCount, formatPercent } from '../format';
import { describeConditionPath } from './conditionErrors';
import { formatExpected, formatProbability, outcomeWords } from './segmentFormat';
import type { SegmentCountState } from './useSegmentCount';

/** The size, share, mean probability and top reasons of the definition being edited, marked while it catches up. */
export function LiveCount({ state, run }: { state: SegmentCountState; run: RunSummary }) {
  const { stats, error, stale, loading } = state;
  const where = error ? describeConditionPath(error.field) : null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="live-count-heading" data-testid="live-count" data-loading={loading ? 'true' : 'false'} data-stale={stale ? 'true' : 'false'} aria-busy={loading}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="live-count-heading">
          Live count
        </Title>
        {loading ? (
          <Badge variant="default" data-testid="live-count-updating">
            Updating…
          </Badge>
        ) : stale && stats ? (
          <Badge variant="default">
            Last valid count
          </Badge>
        ) : null}
      </Group>
      {error ? (
        <Alert color="red" role="alert" title="This definition cannot be counted" mb="sm" data-testid="live-count-error">
          {where ? `${where}: ` : ''}
          {error.message}
        </Alert>
      ) : null}
      {stats ? (
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <Figure label="Customers" value={formatCount(stats.customers)} testId="live-customers" />
            <Figure label="Share of scored" value={formatPercent(stats.share)} testId="live-share" />
            <Figure label="Mean probability" value={formatProbability(stats.meanProbability)} testId="live-mean" />
            <Figure label={outcomeWords(run.propensity).expected} value={formatExpected(stats.expectedConversions)} testId="live-expected" />
          </SimpleGrid>
          {stats.topFactors.length > 0 ? (
            <div>
              <Text size="sm" fw={600}>
                Most frequent top reasons
              </Text>
              <List size="sm" spacing={2} data-testid="live-top-factors">
                {stats.topFactors.map((factor) => (
                  <List.Item key={factor.key}>
                    {factor.label}: {formatCount(factor.customers)}
                  </List.Item>
                ))}
              </List>
            </div>
          ) : null}
        </Stack>
      ) : !error ? (
        <Text size="sm" c="dimmed">
          Counting…
        </Text>
      ) : null}
    </Card>
  );
}
