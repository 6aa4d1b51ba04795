import { Alert, Button, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { InstanceSummary } from '../../../shared/contract/instances';
import { JobProgressCard } from '../components/JobProgressCard';
import { useWorkbench } from '../state/WorkbenchContext';
import { NoSavedGoals } from './NoSavedGoals';
import { phaseLabel } from './runPhases';
import { RunDetails } from './RunDetails';
import { RunHistoryTable } from './RunHistoryTable';
import { useRunHistory } from './useRunHistory';
import { useRunJob } from './useRunJob';
import { useSavedGoals, type DeletedGoal } from './useSavedGoals';

/** Trains a saved goal, shows the run's progress, and lists the goal's runs with the details of the one picked. */
export function TrainPage({ onOpenGoalPage }: { onOpenGoalPage(): void }) {
  const { workspace } = useWorkbench();
  // Another workspace starts the page afresh: its goals, runs and choices are its own.
  return <TrainWorkspace key={workspace?.path ?? ''} onOpenGoalPage={onOpenGoalPage} />;
}

function TrainWorkspace({ onOpenGoalPage }: { onOpenGoalPage(): void }) {
  const { goals, deletedGoals, error, chosen, chosenDeleted, choose } = useSavedGoals();
  const runJob = useRunJob();
  // The goal whose runs are listed: a saved one, or a deleted one whose runs were kept.
  const listed = chosen ?? chosenDeleted;
  const history = useRunHistory(listed?.id ?? null);
  const [selection, setSelection] = useState<{ goalId: string; runId: string } | null>(null);
  const [deletedNotice, setDeletedNotice] = useState<string | null>(null);

  // A run of the chosen goal that this page started opens as soon as it is saved.
  const [openedRunId, setOpenedRunId] = useState<string | null>(null);
  const { job, jobGoal } = runJob;
  const savedRunId = job?.status === 'succeeded' && chosen && jobGoal?.id === chosen.id ? (job.runId ?? null) : null;
  if (savedRunId && chosen && savedRunId !== openedRunId) {
    setOpenedRunId(savedRunId);
    setSelection({ goalId: chosen.id, runId: savedRunId });
  }
  const selectedRunId = selection && selection.goalId === listed?.id ? selection.runId : null;
  const blocked = !chosen || runJob.running || runJob.starting;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>Train</Title>
          <Text c="dimmed">Train a boosted-tree model on a saved goal, score every eligible customer, and compare the model with simple baselines.</Text>
        </div>
        {goals && goals.length + deletedGoals.length > 0 ? (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label="Goal"
              data={goalChoices(goals, deletedGoals)}
              value={listed?.id ?? null}
              onChange={(id) => id && choose(id)}
              allowDeselect={false}
              w={280}
              data-testid="train-goal-select"
            />
            {/* Focusable while unavailable, so focus stays put when a run starts and Tab reaches its Cancel button. */}
            <Button
              data-disabled={blocked || undefined}
              aria-disabled={blocked}
              onClick={(event) => {
                if (blocked) event.preventDefault();
                else void runJob.start(chosen);
              }}
              data-testid="train-run"
            >
              Train and score
            </Button>
          </Group>
        ) : null}
      </Group>

      {error ? (
        <Alert color="red" title="Cannot read the saved goals" role="alert">
          {error}
        </Alert>
      ) : goals === null ? (
        <Loader role="status" size="sm" aria-label="Loading the saved goals" />
      ) : goals.length === 0 ? (
        <NoSavedGoals onOpenGoalPage={onOpenGoalPage} />
      ) : null}

      {runJob.startError ? (
        <Alert color="red" title="Training could not start" role="alert" data-testid="train-start-error">
          {runJob.startError}
        </Alert>
      ) : null}
      {job ? (
        <JobProgressCard
          job={job}
          title={jobGoal ? `Training “${jobGoal.name}”` : 'Training'}
          phase={job.phase ? phaseLabel(job.phase) : undefined}
          cancelledNotice="Cancelled; nothing was saved."
        />
      ) : null}

      {listed ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="run-history-heading" data-testid="run-history-section" data-current={history.current ? 'true' : 'false'}>
          <Title order={2} size="h3" id="run-history-heading" mb="md">
            Runs of “{listed.name}”{chosenDeleted ? ' (deleted goal)' : ''}
          </Title>
          {chosenDeleted ? (
            <Text size="sm" mb="md" data-testid="deleted-goal-note">
              This goal was deleted and its runs kept. They can be read here and on the result pages, and deleted from
              their details; training needs a saved goal.
            </Text>
          ) : null}
          {history.error ? (
            <Alert color="red" title="Cannot read the runs" role="alert">
              {history.error}
            </Alert>
          ) : history.runs === null ? (
            <Loader role="status" size="sm" aria-label="Loading the runs" />
          ) : history.runs.length === 0 && chosenDeleted ? (
            <Text data-testid="no-runs">No runs of this deleted goal are left.</Text>
          ) : history.runs.length === 0 ? (
            <Text data-testid="no-runs">This goal has no runs yet. Train and score it to make the first.</Text>
          ) : (
            <RunHistoryTable runs={history.runs} selectedRunId={selectedRunId} onSelect={(runId) => setSelection({ goalId: listed.id, runId })} labelledBy="run-history-heading" />
          )}
        </Card>
      ) : null}

      {deletedNotice ? (
        <Alert color="teal" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setDeletedNotice(null)} data-testid="run-deleted-notice">
          {deletedNotice}
        </Alert>
      ) : null}
      {selectedRunId ? (
        <RunDetails
          runId={selectedRunId}
          onDeleted={(run, segments) => {
            setSelection(null);
            setDeletedNotice(`Deleted run ${run.version} of “${run.instanceName}”${segments > 0 ? ` and its ${segments === 1 ? 'segment' : `${segments} segments`}` : ''}.`);
          }}
        />
      ) : null}
    </Stack>
  );
}

/** The picker's choices: the saved goals, then, when there are any, the deleted goals whose runs were kept. */
function goalChoices(goals: InstanceSummary[], deletedGoals: DeletedGoal[]) {
  const saved = goals.map((goal) => ({ value: goal.id, label: goal.name }));
  if (deletedGoals.length === 0) return saved;
  return [
    { group: 'Saved goals', items: saved },
    { group: 'Deleted goals, runs kept', items: deletedGoals.map((goal) => ({ value: goal.id, label: `${goal.name} (deleted)` })) },
  ];
}
