import { useEffect, useState } from 'react';
import type { InstanceSummary } from '../../../shared/contract/instances';
import type { RunSummary } from '../../../shared/contract/runs';
import { loadGoalWork } from '../goal/goalWork';
import { useRunList } from '../runs/useRunList';
import { useWorkbench } from '../state/WorkbenchContext';

/** A goal deleted while its runs were kept: its runs can still be read and deleted here, not trained again. */
export interface DeletedGoal {
  id: string;
  name: string;
}

/** The goals whose runs outlived them, each named as its newest run names it. */
export function deletedGoalsOf(goals: InstanceSummary[], runs: RunSummary[]): DeletedGoal[] {
  const saved = new Set(goals.map((goal) => goal.id));
  const deleted = new Map<string, DeletedGoal>();
  for (const run of runs) {
    if (!saved.has(run.instanceId) && !deleted.has(run.instanceId)) deleted.set(run.instanceId, { id: run.instanceId, name: run.instanceName });
  }
  return [...deleted.values()];
}

/**
 * The workspace's saved goals, the deleted goals whose runs were kept, and the one chosen: at first the goal open on
 * the Goal page, else the first saved goal.
 */
export function useSavedGoals() {
  const { client, workspace } = useWorkbench();
  const workspacePath = workspace?.path ?? '';
  const [goals, setGoals] = useState<InstanceSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const { runs } = useRunList();

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

  const deletedGoals = goals && runs ? deletedGoalsOf(goals, runs) : [];
  const picked = goals?.find((goal) => goal.id === chosenId) ?? null;
  const chosenDeleted = picked ? null : (deletedGoals.find((goal) => goal.id === chosenId) ?? null);
  // A deleted goal whose last run went leaves the choice to the first saved goal.
  const chosen = picked ?? (chosenDeleted ? null : (goals?.[0] ?? null));
  return { goals, deletedGoals, error, chosen, chosenDeleted, choose: setChosenId };
}
