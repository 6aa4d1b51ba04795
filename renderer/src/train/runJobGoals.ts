/** Which goal each run job started on this page trains, for the session: the engine's job list does not say. */
export interface RunJobGoal {
  id: string;
  name: string;
}

const STORAGE_KEY = 'pwb.run-job-goals';

function readAll(): Record<string, RunJobGoal> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, RunJobGoal>) : {};
  } catch {
    return {};
  }
}

export function rememberRunGoal(jobId: string, goal: RunJobGoal): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...readAll(), [jobId]: { id: goal.id, name: goal.name } }));
  } catch {
    // Storage full or disabled: the progress still shows, only without the goal's name after a reload.
  }
}

/** The goal a run job trains, when this session started it. */
export function runGoalOf(jobId: string): RunJobGoal | null {
  const goal = readAll()[jobId];
  return goal && typeof goal.id === 'string' && typeof goal.name === 'string' ? goal : null;
}
