import type { Run } from '../../../shared/contract/runs';
import { useRunAnswer } from './useRunAnswer';

/** One saved run by id. */
export function useRun(runId: string | null): { run: Run | null; error: string | null } {
  const { value, error } = useRunAnswer('runs.get', runId);
  return { run: value, error };
}
