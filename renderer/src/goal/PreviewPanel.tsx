import { Alert, Box, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { GoalPreview } from '../../../shared/contract/instances';
import { DiagnosticAlert } from '../components/DiagnosticAlert';
import { useVerdictColor } from '../components/useVerdictColor';
import { formatCount, formatPercent, formatTimestamp } from '../format';
import type { PreviewState } from './usePreview';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** Who the goal covers and how it labels them, as of the last edit, with what stands in the way of training. */
export function PreviewPanel({ state, propensity }: { state: PreviewState; propensity: 'conversion' | 'churn' }) {
  const { preview, error, loading } = state;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="preview-title" data-testid="goal-preview" data-loading={loading ? 'true' : 'false'}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="preview-title">
            Label preview
          </Title>
          {loading ? <Loader role="status" size="xs" aria-label="Updating the preview" /> : null}
        </Group>
        {error ? (
          <Alert color="red" title="This goal cannot be previewed" role="alert" data-testid="preview-error">
            {error.message}
          </Alert>
        ) : null}
        {preview && error ? (
          <Text size="sm" c="dimmed">
            The figures below are from the last version of this goal that could be counted.
          </Text>
        ) : null}
        {preview ? (
          <Box
            pl="xs"
            style={{ borderLeft: `3px ${loading || error ? 'dashed var(--mantine-color-gray-5)' : 'solid transparent'}` }}
            data-stale={loading || error ? 'true' : 'false'}
          >
            <PreviewFigures preview={preview} propensity={propensity} />
          </Box>
        ) : loading ? (
          <Text c="dimmed">Counting…</Text>
        ) : null}
      </Stack>
    </Card>
  );
}

function PreviewFigures({ preview, propensity }: { preview: GoalPreview; propensity: 'conversion' | 'churn' }) {
  const verdictColor = useVerdictColor();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="sm">
        <Figure label="As of" value={formatTimestamp(preview.asOf)} testId="preview-as-of" />
        <Figure label="Training cutoff" value={formatTimestamp(preview.trainCutoff)} testId="preview-cutoff" />
        <Figure label="Population" value={formatCount(preview.population)} testId="preview-population" />
        <Figure label="Positive rate" value={preview.positiveRate === null ? '—' : formatPercent(preview.positiveRate)} testId="preview-rate" />
        <Figure label={propensity === 'churn' ? 'Positives (churned)' : 'Positives'} value={formatCount(preview.positives)} testId="preview-positives" />
        <Figure label="Negatives" value={formatCount(preview.negatives)} testId="preview-negatives" />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Label window: {formatTimestamp(preview.trainCutoff)} to {formatTimestamp(preview.asOf)} ({preview.windowDays} days). {formatCount(preview.eventsConsidered)} events considered
        {preview.eventsExcluded > 0 ? `, ${formatCount(preview.eventsExcluded)} excluded` : ''}.
      </Text>
      {preview.customEvents.length > 0 ? (
        <Stack gap={2}>
          {preview.customEvents.map((event) => (
            <Text size="xs" key={event.name}>
              <b>{event.name}</b>: {formatCount(event.events)} events, {formatCount(event.customers)} customers
            </Text>
          ))}
        </Stack>
      ) : null}
      {preview.diagnostics.map((diagnostic) => (
        <DiagnosticAlert key={diagnostic.code} diagnostic={diagnostic} testId="preview-diagnostic" />
      ))}
      <Text size="sm" c={verdictColor(preview.canTrain)} fw={600} data-testid="preview-verdict">
        {preview.canTrain ? 'Ready to train.' : 'Fix the errors above before training.'}
      </Text>
    </Stack>
  );
}
