import type { RunInsights } from '../../../shared/contract/insights';
import { useRunAnswer } from '../runs/useRunAnswer';

/** A run's score histogram and top-reason counts (read beside `runs.get`). */
export function useRunInsights(runId: string | null): { insights: RunInsights | null; error: string | null } {
  const { value, error } = useRunAnswer('runs.insights', runId);
  return { insights: value, error };
}
