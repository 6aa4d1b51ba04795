import { Checkbox, Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../../shared/contract/runs';
import { ConfirmModal } from '../components/ConfirmModal';
import { useWorkbench } from '../state/WorkbenchContext';

interface DeleteGoalModalProps {
  instanceId: string;
  name: string;
  onDeleted(): Promise<void>;
  onClose(): void;
}

/** Asks before deleting a goal, says what becomes of its runs, and can delete them (and their segments) with it. */
export function DeleteGoalModal({ instanceId, name, onDeleted, onClose }: DeleteGoalModalProps) {
  const { client, noteRunDeleted } = useWorkbench();
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [deleteRuns, setDeleteRuns] = useState(false);

  useEffect(() => {
    let current = true;
    client.call('runs.list', { instanceId }).then(
      ({ runs: listed }) => current && setRuns(listed),
      () => current && setRuns([]),
    );
    return () => {
      current = false;
    };
  }, [client, instanceId]);

  const count = runs?.length ?? 0;
  const one = count === 1;
  const runsWord = `${count} run${one ? '' : 's'}`;
  return (
    <ConfirmModal
      title="Delete the goal?"
      confirmLabel={deleteRuns ? `Delete the goal and its ${runsWord}` : 'Delete'}
      cancelLabel="Keep the goal"
      confirmTestId="confirm-action"
      onConfirm={async () => {
        const outcome = await client.call('instances.delete', { instanceId, deleteRuns });
        if (outcome.runs > 0) noteRunDeleted();
        await onDeleted();
      }}
      onClose={onClose}
    >
      <Text>“{name}” will be removed from this workspace.</Text>
      {runs === null ? (
        <Loader size="xs" role="status" aria-label="Counting the goal's runs" />
      ) : count > 0 ? (
        <>
          <Text size="sm" data-testid="delete-goal-runs">
            It has {runsWord} (version{one ? '' : 's'} {runs.map((run) => run.version).sort((a, b) => a - b).join(', ')}).{' '}
            {deleteRuns
              ? `${one ? 'The run' : 'The runs'} will be deleted with ${one ? 'its' : 'their'} scores and saved segments.`
              : `${one ? 'The run stays' : 'The runs stay'} in the workspace under this name, on the Train page and the result pages.`}
          </Text>
          <Checkbox
            label={`Also delete the goal's ${runsWord} and ${one ? 'its' : 'their'} saved segments`}
            checked={deleteRuns}
            onChange={(event) => setDeleteRuns(event.currentTarget.checked)}
            data-testid="delete-goal-with-runs"
          />
        </>
      ) : null}
    </ConfirmModal>
  );
}
