import { useEffect, useState } from 'react';
import type { InstanceSummary } from '../../../shared/contract/instances';
import { loadGoalWork } from '../goal/goalWork';
import { useWorkbench } from '../state/WorkbenchContext';

/** The workspace's saved goals and the one chosen to train: at first the goal open on the Goal page, else the first. */
export function useSavedGoals() {
  const { client, workspace } = useWorkbench();
  const workspacePath = workspace?.path ?? '';
  const [goals, setGoals] = useState<InstanceSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    client.call('instances.list', {}).then(
      ({ instances }) => {
        if (!current) return;
        setGoals(instances);
        const openOnGoalPage = loadGoalWork(workspacePath)?.selectedId;
        setChosenId((instances.find((goal) => goal.id === openOnGoalPage) ?? instances[0])?.id ?? null);
      },
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
  }, [client, workspacePath]);

  const chosen = goals?.find((goal) => goal.id === chosenId) ?? null;
  return { goals, error, chosen, choose: setChosenId };
}
