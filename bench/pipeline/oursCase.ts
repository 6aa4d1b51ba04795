// Our side of the pipeline benchmark, in its own process: a fresh workspace, the import, a saved goal, one run.
// Usage: node --import tsx bench/pipeline/oursCase.ts <csv path> <dump dir>
// Prints progress to stderr and one JSON line (OursResult) to stdout. After the run (and after reading the peak
// memory) it writes the matrices the worker was sent into <dump dir>, for the peer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importMappingSchema } from '../../shared/contract/imports';
import { instanceConfigSchema } from '../../shared/instanceConfig';
import { importDataset } from '../../electron/engine/imports/importDataset';
import { saveInstance } from '../../electron/engine/instances/instanceStore';
import { runPipeline } from '../../electron/engine/pipeline/runPipeline';
import { Workspace } from '../../electron/engine/workspace/workspaceFile';
import { peakRssMb } from '../import/childRun';
import { dumpTrainTask, type DumpedMatrices } from './matrixFiles';
import { measuringLauncher, type WorkerMemory } from './measuringLauncher';

export interface OursResult {
  /** The importDataset call, seconds. */
  import_s: number;
  /** The runPipeline call, seconds (wall clock around it: includes the commit, which the engine's total does not). */
  pipeline_s: number;
  /** The engine's own phase timings (seconds): labels, features, training, scoring, explaining, backtest, saving, worker_overhead, total. */
  timings: Record<string, number>;
  rows_imported: number;
  customers: number;
  train_population: number;
  scored: number;
  features: number;
  setting: string;
  /** Rounds kept (the best iteration) and rounds trained, the latter read from the progress messages. */
  rounds: number;
  rounds_run: number | null;
  validation_auc: number;
  realized_auc: number | null;
  /** maxRSS of this (engine) process right after the import, and at the end of the run. */
  engine_rss_after_import_mb: number;
  engine_peak_rss_mb: number;
  worker: WorkerMemory;
  dumped: DumpedMatrices;
}

const [csvPath, dumpDir] = process.argv.slice(2);
if (!csvPath || !dumpDir) throw new Error('usage: oursCase.ts <csv path> <dump dir>');

const log = (message: string) => process.stderr.write(`${message}\n`);
const seconds = (from: number) => (performance.now() - from) / 1000;

const dir = mkdtempSync(join(tmpdir(), 'pwb-bench-pipeline-'));
try {
  const workspace = await Workspace.create(join(dir, 'bench.pwb'), 'bench');
  try {
    const signal = new AbortController().signal;
    const mapping = importMappingSchema.parse({ name: 'events', kind: 'events', idColumn: 'customer_id', timeColumn: 'event_time', eventTypeColumn: 'event_type' });
    const importStart = performance.now();
    const imported = await importDataset(workspace.db, { files: [csvPath] }, mapping, { signal, progress: () => {} });
    const importSeconds = seconds(importStart);
    const rssAfterImport = peakRssMb();
    log(`  import: ${importSeconds.toFixed(2)} s, ${imported.report.rowsImported.toLocaleString('en')} events, ${imported.report.customers.toLocaleString('en')} customers`);

    const config = instanceConfigSchema.parse({
      name: 'Purchase in 30 days',
      propensity: 'conversion',
      events: 'events',
      goal: { occurs: true, window_days: 30, match: 'all', conditions: [{ field: 'event_type', op: 'eq', value: 'purchase' }] },
      population: { active_within_days: 90, include: [], exclude: [] },
    });
    const instance = await saveInstance(workspace.db, config);

    const launcher = measuringLauncher();
    let phase = '';
    let roundsRun: number | null = null;
    const pipelineStart = performance.now();
    const progress = (_fraction: number, message: string, current?: string) => {
      const round = current === 'training' ? /round (\d+) of/.exec(message) : null;
      if (round) roundsRun = Math.max(roundsRun ?? 0, Number(round[1]));
      if (current !== undefined && current !== phase) {
        phase = current;
        log(`  ${seconds(pipelineStart).toFixed(1).padStart(6)} s  ${current}: ${message}`);
      }
    };
    const run = await runPipeline(workspace.db, { instanceId: instance.id, instanceName: instance.name, config }, { launch: launcher.launch, job: { signal, progress } });
    const pipelineSeconds = seconds(pipelineStart);
    const enginePeak = peakRssMb();
    const worker = launcher.memory();
    log(`  run: ${pipelineSeconds.toFixed(2)} s, validation AUC ${run.validation.auc.toFixed(4)}`);

    const task = launcher.lastTrainTask();
    if (task === null) throw new Error('the worker was never sent a train task');
    launcher.forgetTask();
    const dumped = dumpTrainTask(task, dumpDir);

    const result: OursResult = {
      import_s: importSeconds,
      pipeline_s: pipelineSeconds,
      timings: run.timings,
      rows_imported: imported.report.rowsImported,
      customers: imported.report.customers,
      train_population: run.trainPopulation,
      scored: run.scored,
      features: run.features.length,
      setting: run.model.setting,
      rounds: run.model.rounds,
      rounds_run: roundsRun,
      validation_auc: run.validation.auc,
      realized_auc: run.realizedAuc,
      engine_rss_after_import_mb: rssAfterImport,
      engine_peak_rss_mb: enginePeak,
      worker,
      dumped,
    };
    console.log(JSON.stringify(result));
  } finally {
    workspace.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
