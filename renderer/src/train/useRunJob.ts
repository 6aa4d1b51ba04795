import { useEffect, useState } from 'react';
import type { InstanceSummary } from '../../../shared/contract/instances';
import { usePendingAction } from '../components/usePendingAction';
import { useWorkbench } from '../state/WorkbenchContext';
import { rememberRunGoal, runGoalOf } from './runJobGoals';

/**
 * The run job this page shows: the one it started, or one already running (started before a reload or elsewhere),
 * kept in view after it ends so its outcome can be read.
 */
export function useRunJob() {
  const { client, jobs, trackJob, refreshJobs } = useWorkbench();
  const [shownJobId, setShownJobId] = useState<string | null>(null);
  const starting = usePendingAction();

  useEffect(() => {
    void refreshJobs();
  }, [refreshJobs]);

  const running = Object.values(jobs).findLast((job) => job.kind === 'run' && job.status === 'running') ?? null;
  if (running && running.jobId !== shownJobId) setShownJobId(running.jobId);
  const job = (shownJobId ? jobs[shownJobId] : undefined) ?? running;

  const start = (goal: InstanceSummary) =>
    starting.run(async () => {
      const ref = await client.call('runs.start', { instanceId: goal.id });
      rememberRunGoal(ref.jobId, goal);
      trackJob(ref.jobId, ref.kind);
      setShownJobId(ref.jobId);
    });

  return {
    job,
    /** The goal the shown job trains, when known. */
    jobGoal: job ? runGoalOf(job.jobId) : null,
    running: running !== null,
    start,
    starting: starting.busy,
    startError: starting.error,
  };
}
