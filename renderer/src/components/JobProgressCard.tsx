import { Alert, Button, Card, Group, Progress, Text } from '@mantine/core';
import { useState } from 'react';
import type { JobView } from '../state/jobViews';
import { useWorkbench } from '../state/WorkbenchContext';

interface JobProgressCardProps {
  job: JobView;
  title: string;
  /** The step a multi-step job is in, in words ("Training"), shown before its message. */
  phase?: string | undefined;
  /** What a cancelled job's notice says instead of the default "{title} cancelled: nothing was changed". */
  cancelledNotice?: string;
}

/** A running job's progress bar with a Cancel button; a failed job's message. */
export function JobProgressCard({ job, title, phase, cancelledNotice }: JobProgressCardProps) {
  const { client } = useWorkbench();
  const [cancelling, setCancelling] = useState(false);
  if (job.status === 'failed') {
    return (
      <Alert color="red" title={`${title} failed`} role="alert" data-testid="job-failed">
        {job.error ?? job.message}
      </Alert>
    );
  }
  if (job.status === 'cancelled') {
    return cancelledNotice ? (
      <Alert color="gray" role="status" data-testid="job-cancelled">
        {cancelledNotice}
      </Alert>
    ) : (
      <Alert color="gray" title={`${title} cancelled`}>
        Nothing was changed.
      </Alert>
    );
  }
  if (job.status !== 'running') return null;
  const percent = Math.round(job.fraction * 100);
  return (
    <Card withBorder padding="md" aria-live="polite" data-testid="job-progress">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed">
          {percent}%
        </Text>
      </Group>
      <Progress value={percent} aria-label={`${title}: ${percent}%`} animated />
      <Group justify="space-between" mt="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed">
          {phase ? (
            <>
              <Text span size="sm" fw={700} c="var(--mantine-color-text)" data-testid="job-phase">
                {phase}
              </Text>
              {' · '}
            </>
          ) : null}
          <span data-testid="job-message">{job.message}</span>
        </Text>
        <Button
          size="xs"
          variant="default"
          loading={cancelling}
          onClick={() => {
            setCancelling(true);
            client.call('jobs.cancel', { jobId: job.jobId }).finally(() => setCancelling(false));
          }}
        >
          Cancel
        </Button>
      </Group>
    </Card>
  );
}
