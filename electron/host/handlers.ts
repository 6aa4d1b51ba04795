import type { MethodName, MethodOutput, MethodParsedInput, Transport } from '../../shared/contract/methods';
import { WorkbenchError } from '../../shared/errors';
import type { Engine } from '../engine/engine';
import type { ExportFormat } from '../../shared/contract/segments';

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
export type Handlers = { [M in MethodName]: Handler<M> };

export interface HostCapabilities {
  transport: Transport;
  version: string;
  /** Native file dialogs, where the host has them (Electron). */
  pickWorkspacePath?: (mode: 'open' | 'create') => Promise<string | null>;
  /** Native multi-file picker for data files, where the host has one (Electron). */
  pickDataFiles?: () => Promise<string[]>;
  /** Native save dialog for exports, where the host has one (Electron). */
  pickExportPath?: (format: ExportFormat, suggestedName: string) => Promise<string | null>;
}

/** The one handler map every transport serves: each contract method mapped to the engine. */
export function createHandlers(engine: Engine, host: HostCapabilities): Handlers {
  return {
    'app.info': () => ({
      name: 'Propensity Workbench',
      version: host.version,
      transport: host.transport,
      nativeDialogs: host.pickWorkspacePath !== undefined,
      workspace: engine.currentWorkspace,
    }),
    'workspace.create': ({ path, name }) => engine.createWorkspace(path, name),
    'workspace.open': ({ path }) => engine.openWorkspace(path),
    'workspace.close': async () => ({ closed: await engine.closeWorkspace() }),
    'workspace.current': () => engine.currentWorkspace,
    'workspace.recent': ({ limit }) => ({ items: engine.recentWorkspaces(limit) }),
    'workspace.openDemo': ({ rebuild }) => engine.openDemo(rebuild),
    'datasets.list': async () => ({ datasets: await engine.datasets() }),
    'datasets.activity': async ({ datasetId }) => ({ months: await engine.datasetActivity(datasetId) }),
    'datasets.quality': async ({ datasetId }) => ({ report: await engine.datasetQuality(datasetId) }),
    'datasets.rename': ({ datasetId, name }) => engine.renameDataset(datasetId, name),
    'datasets.delete': async ({ datasetId }) => ({ deleted: await engine.deleteDataset(datasetId) }),
    'imports.preview': ({ source }) => engine.previewImport(source),
    'imports.start': ({ source, mapping }) => engine.startImport(source, mapping),
    'instances.list': async () => ({ instances: await engine.instances() }),
    'instances.get': ({ instanceId }) => engine.instance(instanceId),
    'instances.save': ({ instanceId, config }) => engine.saveInstance(config, instanceId),
    'instances.rename': ({ instanceId, name }) => engine.renameInstance(instanceId, name),
    'instances.clone': ({ instanceId, name }) => engine.cloneInstance(instanceId, name),
    'instances.delete': ({ instanceId, deleteRuns }) => engine.deleteInstance(instanceId, deleteRuns),
    'instances.preset': async ({ kind, datasetId, windowDays }) => ({ config: await engine.instancePreset(kind, datasetId, windowDays) }),
    'goals.fields': async ({ datasetId }) => ({ fields: await engine.goalFields(datasetId) }),
    'goals.fieldValues': ({ datasetId, field, search, limit }) => engine.fieldValues(datasetId, field, search, limit),
    'goals.preview': ({ config }) => engine.previewGoal(config),
    'runs.start': ({ instanceId }) => engine.startRun(instanceId),
    'runs.list': async ({ instanceId }) => ({ runs: await engine.runs(instanceId) }),
    'runs.get': ({ runId }) => engine.run(runId),
    'runs.delete': async ({ runId }) => ({ deleted: true, ...(await engine.deleteRun(runId)) }),
    'runs.insights': ({ runId }) => engine.runInsights(runId),
    'runs.featureDistribution': ({ runId, key, bins }) => engine.featureDistribution(runId, key, bins),
    'runs.customers': ({ runId, ...request }) => engine.customers(runId, request),
    'runs.scoreCard': ({ runId, customer }) => engine.scoreCard(runId, customer),
    'segments.fields': async ({ runId }) => ({ fields: await engine.segmentFields(runId) }),
    'segments.fieldValues': ({ runId, field, search, limit }) => engine.segmentFieldValues(runId, field, search, limit),
    'segments.count': ({ runId, definition }) => engine.segmentCount(runId, definition),
    'segments.list': async ({ runId }) => ({ segments: await engine.segments(runId) }),
    'segments.get': ({ segmentId }) => engine.segment(segmentId),
    'segments.save': (input) => engine.saveSegment(input),
    'segments.rename': ({ segmentId, name }) => engine.renameSegment(segmentId, name),
    'segments.clone': ({ segmentId, name }) => engine.cloneSegment(segmentId, name),
    'segments.delete': async ({ segmentId }) => ({ deleted: await engine.deleteSegment(segmentId) }),
    'segments.fromOtherRuns': async ({ runId }) => ({ segments: await engine.segmentsFromOtherRuns(runId) }),
    'segments.copyToRun': ({ runId, segmentIds }) => engine.copySegmentsToRun(runId, segmentIds),
    'segments.compare': ({ segmentIds, bins }) => engine.compareSegments(segmentIds, bins),
    'segments.profit': ({ runId, definition, ...input }) => engine.profit(runId, definition, input),
    'exports.start': (input) => engine.startExport(input),
    'exports.check': ({ path }) => engine.exportTargetState(path),
    'jobs.list': () => ({ jobs: engine.listJobs() }),
    'jobs.cancel': ({ jobId }) => ({ cancelled: engine.cancelJob(jobId) }),
    'dialog.pickWorkspace': async ({ mode }) => {
      if (!host.pickWorkspacePath) {
        throw new WorkbenchError('unsupported', 'File dialogs are only available in the desktop app; type a path instead.');
      }
      return { path: await host.pickWorkspacePath(mode) };
    },
    'dialog.pickDataFiles': async () => {
      if (!host.pickDataFiles) {
        throw new WorkbenchError('unsupported', 'File dialogs are only available in the desktop app; type a path or upload the file instead.');
      }
      return { paths: await host.pickDataFiles() };
    },
    'dialog.pickExportPath': async ({ format, suggestedName }) => {
      if (!host.pickExportPath) {
        throw new WorkbenchError('unsupported', 'File dialogs are only available in the desktop app; type the path of the file to write instead.');
      }
      return { path: await host.pickExportPath(format, suggestedName) };
    },
  };
}
