import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { Run } from '../../../shared/contract/runs';
import { ConfirmModal } from '../components/ConfirmModal';
import { DiagnosticAlert } from '../components/DiagnosticAlert';
import { Figure } from '../components/Figure';
import { formatCount, formatPercent, formatTimestamp, formatUtcTime } from '../format';
import { useRun } from '../runs/useRun';
import { useWorkbench } from '../state/WorkbenchContext';
import { BaselineTable } from './BaselineTable';
import { BucketTable } from './BucketTable';
import { MetricFigures } from './MetricFigures';
import { TimingTable } from './TimingTable';

interface RunDetailsProps {
  runId: string;
  /** After the run was deleted, with how many segments went with it. */
  onDeleted(run: Run, segments: number): void;
}

/** One saved run: how well it validated, against what, how it did afterwards, its buckets, diagnostics and timings. */
export function RunDetails({ runId, onDeleted }: RunDetailsProps) {
  const { run, error } = useRun(runId);
  const ready = run !== null ? { run } : error !== null ? { error } : null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="run-details-heading" data-testid="run-details" data-run-id={runId} data-loading={ready ? 'false' : 'true'}>
      {ready === null ? (
        <>
          <Title order={2} size="h3" id="run-details-heading" mb="md">
            Run details
          </Title>
          <Loader role="status" size="sm" aria-label="Loading the run" />
        </>
      ) : 'error' in ready ? (
        <>
          <Title order={2} size="h3" id="run-details-heading" mb="md">
            Run details
          </Title>
          <Alert color="red" title="Cannot load the run" role="alert">
            {ready.error}
          </Alert>
        </>
      ) : (
        <RunView run={ready.run} onDeleted={onDeleted} />
      )}
    </Card>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function RunView({ run, onDeleted }: { run: Run; onDeleted: RunDetailsProps['onDeleted'] }) {
  const { validation, realized, model } = run;
  const { client, noteRunDeleted } = useWorkbench();
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack gap="lg">
      <div>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h3" id="run-details-heading">
            Run {run.version} of “{run.instanceName}”
          </Title>
          <Button variant="default" color="red" size="xs" onClick={() => setConfirming(true)} aria-label={`Delete run ${run.version} of “${run.instanceName}”`} data-testid="run-delete">
            Delete run
          </Button>
        </Group>
        {confirming ? (
          <ConfirmModal
            title={`Delete run ${run.version}?`}
            confirmLabel="Delete run"
            cancelLabel="Keep the run"
            confirmTestId="confirm-action"
            onConfirm={async () => {
              const { segments } = await client.call('runs.delete', { runId: run.runId });
              setConfirming(false);
              noteRunDeleted();
              onDeleted(run, segments);
            }}
            onClose={() => setConfirming(false)}
          >
            <Text>
              Run {run.version} of “{run.instanceName}” goes from this workspace with its scores, factors and timelines, and the segments saved on it. Files already exported stay.
            </Text>
          </ConfirmModal>
        ) : null}
        <Text size="sm" c="dimmed">
          Made {formatUtcTime(run.createdAt)}. Labels from the {run.windowDays} days after the training cutoff, {formatTimestamp(run.trainCutoff)}; customers scored as of {formatTimestamp(run.asOf)}.
        </Text>
        <Text size="sm" mt={4} data-testid="run-model">
          Boosted trees, {model.setting}: {formatCount(model.rounds)} rounds of up to {model.numLeaves} leaves, learning rate {model.learningRate}, on {formatCount(run.features.length)}{' '}
          features. Trained on {formatCount(run.trainPopulation)} customers ({formatCount(run.trainPositives)} reached the goal), {formatCount(run.scored)} scored.
        </Text>
      </div>

      <Section id="run-validation-heading" title="Validation">
        <Text size="sm">
          Held-out customers at the training cutoff: {formatCount(validation.count)}, of whom {formatCount(validation.positives)} reached the goal.
        </Text>
        <MetricFigures metrics={validation} testIdPrefix="validation" />
      </Section>

      <Section id="run-baselines-heading" title="Against simple baselines">
        <BaselineTable run={run} labelledBy="run-baselines-heading" />
      </Section>

      <Section id="run-realized-heading" title="What happened after as of">
        {realized ? (
          <>
            <Text size="sm">
              The {formatCount(realized.count)} scored customers, {run.windowDays} days on: {formatCount(realized.positives)} reached the goal.
            </Text>
            <MetricFigures metrics={realized} testIdPrefix="realized" />
            <Figure label="Positive rate" value={formatPercent(realized.positiveRate)} testId="realized-positive-rate" />
          </>
        ) : (
          <Text size="sm" data-testid="realized-missing">
            Not known yet: the data does not cover the {run.windowDays} days after as of. Set an earlier as of on the Goal page to backtest.
          </Text>
        )}
      </Section>

      <Section id="run-buckets-heading" title="Buckets">
        <BucketTable run={run} labelledBy="run-buckets-heading" />
      </Section>

      <Section id="run-diagnostics-heading" title="Diagnostics">
        {run.diagnostics.length === 0 ? (
          <Text size="sm" data-testid="run-no-diagnostics">
            None: nothing suggests the model or its metrics are unreliable.
          </Text>
        ) : (
          run.diagnostics.map((diagnostic, index) => (
            // oxlint-disable-next-line react/no-array-index-key -- the goal's and the model's checks may repeat a code; their order is fixed
            <DiagnosticAlert key={`${diagnostic.code}-${index}`} diagnostic={diagnostic} testId="run-diagnostic" />
          ))
        )}
      </Section>

      <Section id="run-timings-heading" title="Time taken">
        <TimingTable timings={run.timings} labelledBy="run-timings-heading" />
      </Section>
    </Stack>
  );
}
