import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { WorkbenchClient } from '../../../shared/contract/client';
import type { DatasetSummary } from '../../../shared/contract/datasets';
import type { MethodOutput } from '../../../shared/contract/methods';
import type { SegmentDefinitionInput } from '../../../shared/contract/segments';
import type { WorkspaceInfo } from '../../../shared/contract/workspace';
import { withJobFinished, withJobProgress, withListedJobs, withStartedJob, type JobView, type JobViews } from './jobViews';

export type AppInfo = MethodOutput<'app.info'>;

interface WorkbenchState {
  client: WorkbenchClient;
  appInfo: AppInfo | null;
  workspace: WorkspaceInfo | null;
  datasets: DatasetSummary[] | null;
  jobs: JobViews;
  loadError: string | null;
  trackJob(jobId: string, kind: JobView['kind']): void;
  /** Asks the engine which jobs are running and adds the ones not known yet (started before a reload, or elsewhere). */
  refreshJobs(): Promise<void>;
  refreshDatasets(): Promise<void>;
  /** The run the Insights and Customers pages show (null: the newest). */
  selectedRunId: string | null;
  selectRun(runId: string | null): void;
  /** A segment another page asked the Segments page to start from ("Create segment" on a bucket, a filter, a cut). */
  segmentDraft: SegmentDraft | null;
  draftSegment(draft: SegmentDraft | null): void;
  /** Counts the runs deleted from this page, so run lists read again (a saved run announces itself as a job). */
  runsDeleted: number;
  noteRunDeleted(): void;
}

export interface SegmentDraft {
  runId: string;
  name: string;
  definition: SegmentDefinitionInput;
}

const WorkbenchContext = createContext<WorkbenchState | null>(null);

export function WorkbenchProvider({ client, children }: { client: WorkbenchClient; children: ReactNode }) {
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  // Datasets are kept with the workspace they were read from, so a switch never shows the old list.
  const [loadedDatasets, setLoadedDatasets] = useState<{ path: string; list: DatasetSummary[] } | null>(null);
  const [jobs, setJobs] = useState<JobViews>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  // Kept with the workspace it was chosen in, so another workspace starts from its own newest run.
  const [chosenRun, setChosenRun] = useState<{ path: string; runId: string | null } | null>(null);
  const [segmentDraft, draftSegment] = useState<SegmentDraft | null>(null);
  const [runsDeleted, setRunsDeleted] = useState(0);
  const noteRunDeleted = useCallback(() => setRunsDeleted((count) => count + 1), []);

  const workspacePath = workspace?.path ?? null;
  const refreshDatasets = useCallback(async () => {
    if (!workspacePath) return;
    try {
      const { datasets: list } = await client.call('datasets.list', {});
      setLoadedDatasets({ path: workspacePath, list });
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, [client, workspacePath]);
  const datasets = loadedDatasets && loadedDatasets.path === workspacePath ? loadedDatasets.list : null;

  const refreshJobs = useCallback(
    () =>
      client.call('jobs.list', {}).then(
        ({ jobs: listed }) => setJobs((current) => withListedJobs(current, listed)),
        () => undefined,
      ),
    [client],
  );

  useEffect(() => {
    client.call('app.info', {}).then(
      (info) => {
        setAppInfo(info);
        setWorkspace(info.workspace);
      },
      (error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)),
    );
    // Jobs started before this page loaded (a reload mid-way) keep showing their progress.
    void refreshJobs();
    const offWorkspace = client.on('workspace.changed', ({ workspace: next }) => setWorkspace(next));
    const offProgress = client.on('job.progress', (progress) => setJobs((current) => withJobProgress(current, progress)));
    const offFinished = client.on('job.finished', (finished) => setJobs((current) => withJobFinished(current, finished)));
    return () => {
      offWorkspace();
      offProgress();
      offFinished();
    };
  }, [client, refreshJobs]);

  useEffect(() => {
    if (!workspacePath) return;
    client.call('datasets.list', {}).then(
      ({ datasets: list }) => setLoadedDatasets({ path: workspacePath, list }),
      (error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)),
    );
  }, [client, workspacePath]);

  const trackJob = useCallback((jobId: string, kind: JobView['kind']) => setJobs((current) => withStartedJob(current, jobId, kind)), []);

  const selectedRunId = chosenRun && chosenRun.path === workspacePath ? chosenRun.runId : null;
  const selectRun = useCallback((runId: string | null) => setChosenRun(workspacePath ? { path: workspacePath, runId } : null), [workspacePath]);

  const value = useMemo(
    () => ({ client, appInfo, workspace, datasets, jobs, loadError, trackJob, refreshJobs, refreshDatasets, selectedRunId, selectRun, segmentDraft, draftSegment, runsDeleted, noteRunDeleted }),
    [client, appInfo, workspace, datasets, jobs, loadError, trackJob, refreshJobs, refreshDatasets, selectedRunId, selectRun, segmentDraft, runsDeleted, noteRunDeleted],
  );
  return <WorkbenchContext.Provider value={value}>{children}</WorkbenchContext.Provider>;
}

export function useWorkbench(): WorkbenchState {
  const state = useContext(WorkbenchContext);
  if (!state) throw new Error('useWorkbench must be used inside WorkbenchProvider.');
  return state;
}
