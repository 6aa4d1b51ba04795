import type { RunSummary } from '../../../shared/contract/runs';
import { useWorkbench } from '../state/WorkbenchContext';
import { useRunList } from './useRunList';

export interface ChosenRun {
  runs: RunSummary[] | null;
  error: string | null;
  chosen: RunSummary | null;
  choose(runId: string): void;
}

/** The run the result pages show: the one picked, else the newest; with the list to pick from. */
export function useChosenRun(): ChosenRun {
  const { selectedRunId, selectRun } = useWorkbench();
  const { runs, error } = useRunList();
  const chosen = runs === null ? null : (runs.find((run) => run.runId === selectedRunId) ?? runs[0] ?? null);
  return { runs, error, chosen, choose: selectRun };
}
