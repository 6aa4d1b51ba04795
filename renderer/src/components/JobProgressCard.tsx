import { Alert, Button, Card, Group, Progress, Text } from '@mantine/core';
import { useState } from 'react';
import { useWorkbench, type JobView } from '../state/WorkbenchContext';

/** A running job's progress bar with a Cancel button; a failed job's message. */
export function JobProgressCard({ job, title }: { job: JobView; title: string }) {
  const { client } = useWorkbench();
  const [cancelling, setCancelling] = useState(false);
  if (job.status === 'failed') {
    return (
      <Alert color="red" title={`${title} failed`} role="alert">
        {job.error ?? job.message}
      </Alert>
    );
  }
  if (job.status === 'cancelled') return <Alert color="gray" title={`${title} cancelled`}>Nothing was changed.</Alert>;
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
      <Group justify="space-between" mt="xs">
        <Text size="sm" c="dimmed">
          {job.message}
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
