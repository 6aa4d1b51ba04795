import { useWorkbench } from '../state/WorkbenchContext';

/**
 * A key that changes whenever the workspace's saved runs do: a training job finished with a saved run, or a run was
 * deleted. Lists of runs read again when it changes.
 */
export function useRunsVersion(): string {
  const { jobs, runsDeleted } = useWorkbench();
  const savedRuns = Object.values(jobs)
    .filter((job) => job.kind === 'run' && job.status === 'succeeded')
    .map((job) => job.runId ?? job.jobId)
    .join(' ');
  return `${runsDeleted}:${savedRuns}`;
}
