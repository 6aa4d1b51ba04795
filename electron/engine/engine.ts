import { existsSync, rmSync } from 'node:fs';
import type { DatasetSummary, MonthlyActivity } from '../../shared/contract/datasets';
import type { ImportMapping, ImportPreview, ImportSource, QualityReport } from '../../shared/contract/imports';
import type { FieldInfo, FieldValues, GoalPreview, Instance, InstanceSummary } from '../../shared/contract/instances';
import type { JobRef, JobSnapshot } from '../../shared/contract/jobs';
import type { CustomerPage, FeatureDistribution, RunInsights, ScoreCard } from '../../shared/contract/insights';
import type { Run, RunSummary } from '../../shared/contract/runs';
import type { ExportFormat, ProfitCurve, SavedSegment, Segment, SegmentCarryOver, SegmentComparison, SegmentDefinition, SegmentElsewhere, SegmentStats, SegmentSummary } from '../../shared/contract/segments';
import type { InstanceConfig } from '../../shared/instanceConfig';
import type { RecentWorkspace, WorkspaceInfo } from '../../shared/contract/workspace';
import { WorkbenchError } from '../../shared/errors';
import { datasetTable, deleteDataset, getDataset, getDatasetTable, getQualityReport, listDatasets, renameDataset } from './datasets/datasetCatalog';
import { loadFieldCatalog, type FieldCatalog } from './conditions/fieldCatalog';
import { fieldValues } from './conditions/fieldValues';
import { PreviewRunner } from './instances/previewRunner';
import { cloneInstance, deleteInstance, getInstance, listInstances, renameDatasetReferences, renameInstance, saveInstance } from './instances/instanceStore';
import { instancePreset } from './instances/presets';
import { importDataset } from './imports/importDataset';
import { previewImport } from './imports/previewImport';
import { monthlyActivity } from './datasets/datasetActivity';
import { demoWorkspacePath } from './demoWorkspace';
import { EventBus } from './eventBus';
import { JobManager } from './jobs/jobManager';
import { nodeProcessLauncher, type ProcessLauncher } from './jobs/processLauncher';
import { runInWorker } from './jobs/runInWorker';
import { customerPage, type CustomerPageRequest } from './insights/customerPage';
import { featureDistribution } from './insights/featureDistribution';
import { forgetRun, forgetRuns, loadedRun } from './insights/runCache';
import { runInsights } from './insights/runInsights';
import { scoreCard } from './insights/scoreCard';
import { runPipeline } from './pipeline/runPipeline';
import { checkExportTarget, exportScores, exportTargetState } from './segments/exportScores';
import type { ProfitInput } from './segments/profitCurve';
import { profitOfSegment } from './segments/segmentProfit';
import { compareSegments } from './segments/segmentCompare';
import { segmentCatalog, type SegmentCatalog } from './segments/segmentFields';
import { segmentFieldValues } from './segments/segmentFieldValues';
import { segmentStats } from './segments/segmentQuery';
import { copySegmentsToRun } from './segments/segmentCarryOver';
import { cloneSegment, deleteSegment, getSegment, listSegments, renameSegment, saveSegment, segmentsOnOtherRuns } from './segments/segmentStore';
import { deleteRun, dropRunsOfInstance, getRun, listRuns, renameRunDatasetReferences } from './pipeline/runStore';
import type { Database } from './sql/database';
import { RecentWorkspaces } from './workspace/recentWorkspaces';
import { Workspace } from './workspace/workspaceFile';

export interface EngineOptions {
  /** Folder for the app's own state: recent workspaces, the cached demo workspace. */
  stateDir: string;
  /** How worker processes start: utilityProcess in Electron, child_process.fork elsewhere (the default). */
  launchWorker?: ProcessLauncher;
  /** Customers in a generated demo; only tests change it (the default is the generator's). */
  demoCustomers?: number;
}

/** Connections for the result pages' calls (see Engine.results). */
const RESULT_CONNECTIONS = 2;

/** The product's core behind the contract: one open workspace at a time, background jobs, events. */
export class Engine {
  readonly events = new EventBus();
  readonly jobs = new JobManager(this.events);
  private readonly recent: RecentWorkspaces;
  private readonly launchWorker: ProcessLauncher;
  private workspace: Workspace | null = null;
  /** Live goal previews of the open workspace, on their own connection. */
  private previews: PreviewRunner | null = null;
  /**
   * The result pages' calls (runs, insights, customers, score cards, segments) on connections of their own, each call
   * on the least busy: a score card does not queue behind a long query of another page, or behind a distribution.
   */
  private results: { workspace: Workspace; connections: Array<{ db: Promise<Database>; calls: number }> } | null = null;
  /** Calls running against the open workspace: it is closed only once they have ended (DuckDB must not close under a query). */
  private readonly inFlight = new Set<Promise<void>>();
  /** The workspace being closed or replaced: new calls against it are refused. */
  private retiring: Workspace | null = null;
  /** Imports and runs write into the open workspace; they are cancelled (and awaited) before it closes. */
  private readonly workspaceJobs = new Set<string>();

  constructor(private readonly options: EngineOptions) {
    this.recent = new RecentWorkspaces(options.stateDir);
    this.launchWorker = options.launchWorker ?? nodeProcessLauncher();
  }

  /** The folder of the app's own state (browser-mode uploads land under it). */
  get stateDir(): string {
    return this.options.stateDir;
  }

  get currentWorkspace(): WorkspaceInfo | null {
    return this.workspace?.info ?? null;
  }

  /** Creates a workspace; the one open before stays open if this one cannot be created. */
  async createWorkspace(path: string, name?: string): Promise<WorkspaceInfo> {
    const workspace = await Workspace.create(path, name);
    await this.stopWorkspaceWork();
    return this.adopt(workspace);
  }

  /** Opens a workspace; the one open before stays open if this one cannot be opened. */
  async openWorkspace(path: string): Promise<WorkspaceInfo> {
    if (this.workspace?.info.path === path) return this.workspace.info;
    const workspace = await Workspace.open(path);
    await this.stopWorkspaceWork();
    return this.adopt(workspace);
  }

  async closeWorkspace(): Promise<boolean> {
    if (!this.workspace) return false;
    await this.stopWorkspaceWork();
    this.workspace.close();
    this.workspace = null;
    this.events.emit('workspace.changed', { workspace: null });
    return true;
  }

  recentWorkspaces(limit: number): RecentWorkspace[] {
    return this.recent.list(limit);
  }

  /** Opens the demo workspace, generating it first if this version's copy is not cached yet. */
  openDemo(rebuild: boolean): JobRef {
    return this.jobs.start('demo', async (job) => {
      const path = demoWorkspacePath(this.options.stateDir);
      if (rebuild || !existsSync(path)) {
        if (this.workspace?.info.path === path) await this.closeWorkspace();
        job.progress(0, 'Generating the demo data');
        try {
          await runInWorker(this.launchWorker, { kind: 'demo', path, ...(this.options.demoCustomers ? { customers: this.options.demoCustomers } : {}) }, job);
        } finally {
          // A killed worker cannot tidy up after itself; its half-built file must not linger.
          rmSync(`${path}.building`, { force: true });
          rmSync(`${path}.building.wal`, { force: true });
        }
      }
      job.progress(1, 'Opening the demo workspace');
      await this.openWorkspace(path);
    });
  }

  async datasets(): Promise<DatasetSummary[]> {
    return this.onWorkspace(({ db }) => listDatasets(db));
  }

  async datasetActivity(datasetId: string): Promise<MonthlyActivity[]> {
    return this.onWorkspace(({ db }) => monthlyActivity(db, datasetId));
  }

  async datasetQuality(datasetId: string): Promise<QualityReport | null> {
    return this.onWorkspace(({ db }) => getQualityReport(db, datasetId));
  }

  /** Saved instances and runs that name the dataset are updated to the new name. */
  async renameDataset(datasetId: string, name: string): Promise<DatasetSummary> {
    return this.onWorkspace(async ({ db }) => {
      const before = await getDataset(db, datasetId);
      const renamed = await renameDataset(db, datasetId, name);
      if (before && before.name !== renamed.name) {
        await renameDatasetReferences(db, before.name, renamed.name);
        await renameRunDatasetReferences(db, before.name, renamed.name);
      }
      this.forgetRunCaches();
      return renamed;
    });
  }

  async deleteDataset(datasetId: string): Promise<boolean> {
    return this.onWorkspace(async ({ db }) => {
      const deleted = await deleteDataset(db, datasetId);
      this.forgetRunCaches();
      return deleted;
    });
  }

  async instances(): Promise<InstanceSummary[]> {
    return this.onWorkspace(({ db }) => listInstances(db));
  }

  async instance(instanceId: string): Promise<Instance> {
    return this.onWorkspace(({ db }) => getInstance(db, instanceId));
  }

  async saveInstance(config: InstanceConfig, instanceId?: string): Promise<Instance> {
    return this.onWorkspace(({ db }) => saveInstance(db, config, instanceId));
  }

  async renameInstance(instanceId: string, name: string): Promise<Instance> {
    return this.onWorkspace(({ db }) => renameInstance(db, instanceId, name));
  }

  async cloneInstance(instanceId: string, name?: string): Promise<Instance> {
    return this.onWorkspace(({ db }) => cloneInstance(db, instanceId, name));
  }

  /**
   * Deletes a goal; with `deleteRuns`, its runs and their segments too, in the same transaction (refused while a job
   * runs, as deleting one run is). Without, its runs stay and keep working under the goal's name.
   */
  async deleteInstance(instanceId: string, deleteRuns = false): Promise<{ deleted: boolean; runs: number; segments: number }> {
    if (deleteRuns) this.refuseWhileJobRuns('delete its runs', 'deleteRuns');
    return this.onWorkspace(async ({ db }) => {
      const outcome = await db.transaction(async () => {
        const dropped = deleteRuns ? await dropRunsOfInstance(db, instanceId) : { runIds: [], segments: 0 };
        return { deleted: await deleteInstance(db, instanceId), ...dropped };
      });
      for (const runId of outcome.runIds) forgetRun(db, runId);
      return { deleted: outcome.deleted, runs: outcome.runIds.length, segments: outcome.segments };
    });
  }

  async instancePreset(kind: 'conversion' | 'churn', datasetId: string, windowDays: number): Promise<InstanceConfig> {
    return this.onWorkspace(({ db }) => instancePreset(db, kind, datasetId, windowDays));
  }

  async goalFields(datasetId: string): Promise<FieldInfo[]> {
    return this.onWorkspace(async ({ db }) => [...(await eventFields(db, datasetId)).catalog.fields.values()]);
  }

  async fieldValues(datasetId: string, field: string, search: string, limit: number): Promise<FieldValues> {
    return this.onWorkspace(async ({ db }) => {
      const { catalog, table } = await eventFields(db, datasetId);
      return fieldValues(db, table, catalog, field, search, limit);
    });
  }

  /** A newer call interrupts one still running, which then fails with `cancelled`. */
  async previewGoal(config: InstanceConfig): Promise<GoalPreview> {
    return this.onWorkspace((workspace) => {
      this.previews ??= new PreviewRunner(workspace.db);
      return this.previews.preview(config);
    });
  }

  /** Runs work on the open workspace's least busy results connection (made on first use), counted like any call on it. */
  private onResults<T>(work: (db: Database) => Promise<T>): Promise<T> {
    return this.onResultConnections(1, ([db]) => work(db!));
  }

  /** Runs work on the `count` least busy results connections, for a call whose reads can run side by side. */
  private onResultConnections<T>(count: number, work: (dbs: Database[]) => Promise<T>): Promise<T> {
    return this.onWorkspace(async (workspace) => {
      if (this.results?.workspace !== workspace) {
        this.results = { workspace, connections: Array.from({ length: RESULT_CONNECTIONS }, () => ({ db: workspace.db.connect(), calls: 0 })) };
      }
      const chosen = [...this.results.connections].sort((a, b) => a.calls - b.calls).slice(0, count);
      for (const connection of chosen) connection.calls++;
      try {
        return await work(await Promise.all(chosen.map((connection) => connection.db)));
      } finally {
        for (const connection of chosen) connection.calls--;
      }
    });
  }

  /** Runs work against the open workspace, counted so that closing the workspace waits for it. */
  private async onWorkspace<T>(work: (workspace: Workspace) => Promise<T>): Promise<T> {
    const workspace = this.requireWorkspace();
    if (workspace === this.retiring) throw new WorkbenchError('no_workspace', 'The workspace is closing.');
    const task = work(workspace);
    const settled = task.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    try {
      return await task;
    } finally {
      this.inFlight.delete(settled);
    }
  }


  /** Reads the first rows of a source without a workspace: detection happens in a scratch in-memory database. */
  async previewImport(source: ImportSource): Promise<ImportPreview> {
    return previewImport(source);
  }

  /** Imports into the open workspace on a connection of its own, so the app stays responsive; cancel interrupts DuckDB. */
  startImport(source: ImportSource, mapping: ImportMapping): JobRef {
    const workspace = this.requireWorkspace();
    return this.startWorkspaceJob('import', async (job) => {
      const { dataset } = await importDataset(workspace.db, source, mapping, job);
      this.forgetRunCaches();
      return { datasetId: dataset.id };
    });
  }

  /**
   * Trains a saved instance, scores and explains its population, and saves a new run, as a cancellable job.
   * The instance is read when the job starts: later edits do not change a run in progress.
   */
  async startRun(instanceId: string): Promise<JobRef> {
    const workspace = this.requireWorkspace();
    const instance = await this.instance(instanceId);
    return this.startWorkspaceJob('run', async (job) => {
      const run = await runPipeline(workspace.db, { instanceId: instance.id, instanceName: instance.name, config: instance.config }, { launch: this.launchWorker, job });
      return { runId: run.runId };
    });
  }

  async runs(instanceId?: string): Promise<RunSummary[]> {
    return this.onResults((db) => listRuns(db, instanceId));
  }

  async run(runId: string): Promise<Run> {
    return this.onResults((db) => getRun(db, runId));
  }

  /** Deletes a run and its segments; refused while a job runs, since training or an export may be reading it. */
  async deleteRun(runId: string): Promise<{ segments: number }> {
    this.refuseWhileJobRuns('delete the run', 'runId');
    return this.onWorkspace(async ({ db }) => {
      const deleted = await deleteRun(db, runId);
      forgetRun(db, runId);
      return deleted;
    });
  }

  /** Deleting runs is refused while any job runs: training or an export may be reading them. */
  private refuseWhileJobRuns(action: string, field: string): void {
    if (this.jobs.list().some((job) => job.status === 'running')) {
      throw new WorkbenchError('conflict', `A job is running in this workspace; wait for it to finish (or cancel it), then ${action}.`, field);
    }
  }

  async runInsights(runId: string): Promise<RunInsights> {
    return this.onResults((db) => runInsights(db, runId));
  }

  async featureDistribution(runId: string, key: string, bins: number): Promise<FeatureDistribution> {
    return this.onResults((db) => featureDistribution(db, runId, key, bins));
  }

  async customers(runId: string, request: CustomerPageRequest): Promise<CustomerPage> {
    return this.onResults(async (db) => {
      const { hasRank } = await loadedRun(db, runId);
      return customerPage(db, runId, request, hasRank);
    });
  }

  async scoreCard(runId: string, customer: string): Promise<ScoreCard> {
    return this.onResultConnections(2, ([db, alongside]) => scoreCard(db!, runId, customer, alongside));
  }

  async segmentFields(runId: string): Promise<FieldInfo[]> {
    return this.onResults(async (db) => (await this.segmentCatalog(db, runId)).list.map(({ source: _source, description: _description, ...field }) => field));
  }

  async segmentFieldValues(runId: string, field: string, search: string, limit: number): Promise<FieldValues> {
    return this.onResults(async (db) => segmentFieldValues(db, await this.segmentCatalog(db, runId), field, search, limit));
  }

  async segmentCount(runId: string, definition: SegmentDefinition): Promise<SegmentStats> {
    return this.onResults(async (db) => segmentStats(db, await this.segmentCatalog(db, runId), definition));
  }

  /** Every saved segment (of a run) with its figures; one that no longer compiles comes with its reason instead. */
  async segments(runId?: string): Promise<SavedSegment[]> {
    return this.onResults(async (db) => {
      const saved: SavedSegment[] = [];
      for (const segment of await listSegments(db, runId)) {
        try {
          saved.push({ ...(await this.summarize(db, segment)), problem: null });
        } catch (error) {
          if (!(error instanceof WorkbenchError)) throw error;
          saved.push({ ...segment, stats: null, problem: error.message });
        }
      }
      return saved;
    });
  }

  async segment(segmentId: string): Promise<SegmentSummary> {
    return this.onResults(async (db) => this.summarize(db, await getSegment(db, segmentId)));
  }

  /** Saves after checking the definition compiles over the run, so a saved segment always counts. */
  async saveSegment(input: { segmentId?: string; runId: string; name: string; definition: SegmentDefinition }): Promise<SegmentSummary> {
    return this.onResults(async (db) => {
      const stats = await segmentStats(db, await this.segmentCatalog(db, input.runId), input.definition);
      return { ...(await saveSegment(db, input)), stats };
    });
  }

  async renameSegment(segmentId: string, name: string): Promise<SegmentSummary> {
    return this.onResults(async (db) => this.summarize(db, await renameSegment(db, segmentId, name)));
  }

  async cloneSegment(segmentId: string, name?: string): Promise<SegmentSummary> {
    return this.onResults(async (db) => this.summarize(db, await cloneSegment(db, segmentId, name)));
  }

  async deleteSegment(segmentId: string): Promise<boolean> {
    return this.onResults((db) => deleteSegment(db, segmentId));
  }

  async segmentsFromOtherRuns(runId: string): Promise<SegmentElsewhere[]> {
    return this.onResults(async (db) => {
      await loadedRun(db, runId); // An unknown run is refused, not answered with nothing.
      return segmentsOnOtherRuns(db, runId);
    });
  }

  async copySegmentsToRun(runId: string, segmentIds: readonly string[]): Promise<SegmentCarryOver> {
    return this.onResults(async (db) => copySegmentsToRun(db, await this.segmentCatalog(db, runId), segmentIds));
  }

  async compareSegments(segmentIds: [string, string], bins: number): Promise<SegmentComparison> {
    return this.onResults(async (db) => {
      const pair: [Segment, Segment] = [await getSegment(db, segmentIds[0]), await getSegment(db, segmentIds[1])];
      return compareSegments(db, await this.segmentCatalog(db, pair[0].runId), pair, bins);
    });
  }

  async profit(runId: string, definition: SegmentDefinition, input: ProfitInput): Promise<ProfitCurve> {
    return this.onResults(async (db) => profitOfSegment(db, await this.segmentCatalog(db, runId), definition, input));
  }

  /** Exports a run's scores (a saved segment's, or all) as a cancellable job; the file appears only when complete. */
  async startExport(request: { runId: string; segmentId: string | null; format: ExportFormat; path: string; overwrite: boolean }): Promise<JobRef> {
    const workspace = this.requireWorkspace();
    checkExportTarget(request.path, request.overwrite);
    const catalog = await this.onResults((db) => this.segmentCatalog(db, request.runId));
    const segment = request.segmentId === null ? null : await this.onResults((db) => getSegment(db, request.segmentId!));
    if (segment && segment.runId !== request.runId) throw new WorkbenchError('invalid_input', `The segment "${segment.name}" belongs to another run (${segment.runId}).`, 'segmentId');
    return this.startWorkspaceJob('export', async (job) => {
      const exported = await exportScores(
        workspace.db,
        catalog,
        { definition: segment?.definition ?? { match: 'all', conditions: [] }, what: segment ? `the segment "${segment.name}"` : 'all scores', format: request.format, path: request.path, overwrite: request.overwrite },
        job,
      );
      return { exported };
    });
  }

  /** The runs' cached datasets are stale once datasets change (renamed, removed, added). */
  private forgetRunCaches(): void {
    if (this.workspace) forgetRuns(this.workspace.db);
  }

  /** Whether an export's target exists (to ask before replacing it) and its folder does. */
  exportTargetState(path: string): { exists: boolean; directoryExists: boolean } {
    return exportTargetState(path);
  }

  /** Read once per run (the live count asks on every edit); forgotten with the run's cache when datasets change. */
  private async segmentCatalog(db: Database, runId: string): Promise<SegmentCatalog> {
    const loaded = await loadedRun(db, runId);
    return loaded.memo('segment catalog', () => segmentCatalog(db, loaded.run));
  }

  private async summarize(db: Database, segment: Segment): Promise<SegmentSummary> {
    return { ...segment, stats: await segmentStats(db, await this.segmentCatalog(db, segment.runId), segment.definition) };
  }

  private startWorkspaceJob(kind: 'import' | 'run' | 'export', work: Parameters<JobManager['start']>[1]): JobRef {
    const ref = this.jobs.start(kind, async (job) => {
      try {
        return await work(job);
      } finally {
        this.workspaceJobs.delete(ref.jobId);
      }
    });
    this.workspaceJobs.add(ref.jobId);
    return ref;
  }

  /** Refuses new calls against the open workspace, then cancels (and awaits) what runs on it: previews, imports, runs, calls. */
  private async stopWorkspaceWork(): Promise<void> {
    this.retiring = this.workspace;
    const previews = this.previews;
    this.previews = null;
    await previews?.close();
    const running = [...this.workspaceJobs];
    for (const jobId of running) this.jobs.cancel(jobId);
    await Promise.all(running.map((jobId) => this.jobs.wait(jobId)));
    await Promise.all(this.inFlight);
    const results = this.results;
    this.results = null;
    for (const connection of results?.connections ?? []) (await connection.db.catch(() => null))?.close();
  }

  listJobs(): JobSnapshot[] {
    return this.jobs.list();
  }

  cancelJob(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }

  async shutdown(): Promise<void> {
    await this.stopWorkspaceWork();
    await this.jobs.cancelAll();
    this.workspace?.close();
    this.workspace = null;
  }

  requireWorkspace(): Workspace {
    if (!this.workspace) throw new WorkbenchError('no_workspace', 'No workspace is open. Open or create one first.');
    return this.workspace;
  }

  private adopt(workspace: Workspace): WorkspaceInfo {
    this.workspace?.close();
    this.workspace = workspace;
    this.recent.remember(workspace.info.path, workspace.info.name);
    this.events.emit('workspace.changed', { workspace: workspace.info });
    return workspace.info;
  }
}

/** An events dataset's condition fields and its table, or not_found. */
async function eventFields(db: Database, datasetId: string): Promise<{ catalog: FieldCatalog; table: string }> {
  const dataset = await getDataset(db, datasetId);
  const table = await getDatasetTable(db, datasetId);
  if (!dataset || !table) throw new WorkbenchError('not_found', `No dataset ${datasetId} in this workspace.`, 'datasetId');
  return { catalog: await loadFieldCatalog(db, dataset, table.tableName), table: datasetTable(table.tableName) };
}
