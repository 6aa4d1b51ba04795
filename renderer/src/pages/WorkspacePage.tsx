import { Alert, Anchor, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { RecentWorkspace } from '../../../shared/contract/workspace';
import { JobProgressCard } from '../components/JobProgressCard';
import { useWorkbench } from '../state/WorkbenchContext';

/** The start screen: the demo, a new workspace, an existing one, or a recent one. */
export function WorkspacePage() {
  const { client, appInfo, jobs, trackJob } = useWorkbench();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recent, setRecent] = useState<RecentWorkspace[]>([]);
  const [demoJobId, setDemoJobId] = useState<string | null>(null);

  useEffect(() => {
    client.call('workspace.recent', {}).then(({ items }) => setRecent(items), () => setRecent([]));
  }, [client]);

  const attempt = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const openDemo = () =>
    attempt(async () => {
      const job = await client.call('workspace.openDemo', {});
      trackJob(job.jobId, job.kind);
      setDemoJobId(job.jobId);
    });

  const submit = (mode: 'open' | 'create') => (event?: FormEvent) => {
    event?.preventDefault();
    void attempt(async () => {
      if (!path.trim()) throw new Error('Type the path of a workspace file (.pwb) first.');
      await client.call(mode === 'open' ? 'workspace.open' : 'workspace.create', { path: path.trim() });
    });
  };

  const browse = (mode: 'open' | 'create') =>
    attempt(async () => {
      const picked = await client.call('dialog.pickWorkspace', { mode });
      if (picked.path) await client.call(mode === 'open' ? 'workspace.open' : 'workspace.create', { path: picked.path });
    });

  // After a reload the job is known from the engine's job list rather than from this page's click.
  const demoJob = demoJobId ? jobs[demoJobId] : Object.values(jobs).findLast((job) => job.kind === 'demo');

  return (
    <Stack maw={720} gap="lg">
      <div>
        <Title order={1}>Propensity Workbench</Title>
        <Text c="dimmed">Predict which customers will convert or churn, on this machine. Nothing leaves it.</Text>
      </div>

      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="xs">
          Try the demo
        </Title>
        <Text size="sm" mb="md">
          A generated online store: 25,000 customers and over a million events across 18 months. Built once, then reused.
        </Text>
        {demoJob && demoJob.status !== 'succeeded' ? <JobProgressCard job={demoJob} title="Preparing the demo workspace" /> : null}
        {!demoJob || demoJob.status !== 'running' ? (
          <Group>
            <Button onClick={() => void openDemo()} disabled={busy} data-testid="open-demo">
              Open the demo workspace
            </Button>
          </Group>
        ) : null}
      </Card>

      <Card withBorder padding="lg" component="form" onSubmit={submit('open')}>
        <Title order={2} size="h4" mb="xs">
          Your own workspace
        </Title>
        <Text size="sm" mb="md">
          A workspace is one file that holds your data, goals, models and segments.
        </Text>
        <TextInput
          label="Workspace file"
          placeholder="/home/me/analysis/customers.pwb"
          value={path}
          onChange={(event) => setPath(event.currentTarget.value)}
          data-testid="workspace-path"
        />
        <Group mt="md">
          <Button type="submit" disabled={busy}>
            Open
          </Button>
          <Button variant="default" onClick={() => submit('create')()} disabled={busy}>
            Create new
          </Button>
          {appInfo?.nativeDialogs ? (
            <>
              <Button variant="subtle" onClick={() => void browse('open')} disabled={busy}>
                Browse…
              </Button>
              <Button variant="subtle" onClick={() => void browse('create')} disabled={busy}>
                New in folder…
              </Button>
            </>
          ) : null}
        </Group>
      </Card>

      {error ? (
        <Alert color="red" title="That did not work" role="alert" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      ) : null}

      {recent.length > 0 ? (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            Recent
          </Title>
          <List spacing={4} listStyleType="none">
            {recent.map((item) => (
              <List.Item key={item.path}>
                {item.exists ? (
                  <Anchor component="button" type="button" onClick={() => void attempt(() => client.call('workspace.open', { path: item.path }))}>
                    {item.name}
                  </Anchor>
                ) : (
                  <Text span c="dimmed">
                    {item.name} (missing)
                  </Text>
                )}{' '}
                <Text span size="xs" c="dimmed">
                  {item.path}
                </Text>
              </List.Item>
            ))}
          </List>
        </Card>
      ) : null}
    </Stack>
  );
}
