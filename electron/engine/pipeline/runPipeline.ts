import { createHash } from 'node:crypto';
import type { DatasetSummary } from '../../../shared/contract/datasets';
import type { Diagnostic } from '../../../shared/contract/instances';
import type { BucketThresholds, Run, RunPhase } from '../../../shared/contract/runs';
import type { InstanceConfig } from '../../../shared/instanceConfig';
import { WorkbenchError } from '../../../shared/errors';
import { SqlParameters } from '../conditions/sqlParameters';
import { planFeatures } from '../features/featurePlan';
import { featureMatrixSql } from '../features/featureSql';
import { populationLabelsSql } from '../features/populationLabels';
import { goalWindows, shiftDays, wallClockMs } from '../features/timeWindows';
import { measureEventSpan } from '../instances/eventSpan';
import { previewGoal } from '../instances/goalPreview';
import { resolveInstance } from '../instances/resolveInstance';
import type { JobContext } from '../jobs/jobManager';
import type { ProcessLauncher } from '../jobs/processLauncher';
import { runInWorker } from '../jobs/runInWorker';
import { readLabelledColumns } from '../sql/columnReader';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import { timelineTableSql } from '../insights/timelineTable';
import { runDiagnostics } from './runDiagnostics';
import { toRunEvaluation } from './runEvaluation';
import { newRunId } from './runStore';
import { saveRun } from './saveRun';
import { trainOutcomeSchema, type TrainTask } from './trainTask';
import { BUCKETS } from './ranking';
import { BASELINE_TREE } from './trainAndScore';

export interface RunRequest {
  instanceId: string;
  instanceName: string;
  config: InstanceConfig;
}

export interface RunOptions {
  launch: ProcessLauncher;
  job: Pick<JobContext, 'signal' | 'progress'>;
  thresholds?: BucketThresholds;
  seed?: number;
}

export const DEFAULT_THRESHOLDS: BucketThresholds = { high: 75, low: 25 };

/** Where each phase starts on the job's 0–1 progress scale. */
const PHASE_START: Record<RunPhase, number> = { labels: 0, features: 0.05, training: 0.3, scoring: 0.75, explaining: 0.78, backtest: 0.9, saving: 0.92 };
const PHASE_SPAN: Record<RunPhase, number> = { labels: 0.05, features: 0.25, training: 0.45, scoring: 0.03, explaining: 0.12, backtest: 0.02, saving: 0.08 };

/**
 * One run of an instance: labels and features in DuckDB (on a connection of its own, interrupted on cancel), training,
 * scoring and TreeSHAP in a worker process, then everything saved in one transaction, so a cancel, a crash or a
 * killed worker leaves no trace of the run.
 */
export async function runPipeline(workspaceDb: Database, request: RunRequest, options: RunOptions): Promise<Run> {
  const { job } = options;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const started = performance.now();
  const timings: Record<string, number> = {};
  const report = (phase: RunPhase, fraction: number, message: string) => job.progress(PHASE_START[phase] + PHASE_SPAN[phase] * Math.min(1, Math.max(0, fraction)), message, phase);
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const from = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = (timings[name] ?? 0) + (performance.now() - from) / 1000;
    }
  };

  const db = await workspaceDb.connect();
  const interrupt = () => db.interrupt();
  job.signal.addEventListener('abort', interrupt);
  const runId = newRunId();
  const scoringTable = quoteIdentifier(`scoring_${runId}`);
  try {
    const { config } = request;
    report('labels', 0, 'Checking the goal and its population');
    const preview = await timed('labels', () => previewGoal(db, config, job.signal));
    if (!preview.canTrain || preview.asOf === null || preview.trainCutoff === null) {
      const reasons = preview.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => `${diagnostic.message} ${diagnostic.fix}`);
      throw new WorkbenchError('invalid_input', `Training is refused: ${reasons.join(' ') || 'the goal has no as_of.'}`);
    }
    const resolved = await resolveInstance(db, config);
    const windows = goalWindows(preview.asOf, config.goal.window_days);
    const scoringWindows = { trainCutoff: windows.asOf, asOf: shiftDays(windows.asOf, config.goal.window_days) };

    report('features', 0, 'Choosing features from the events before the training cutoff');
    const plan = await timed('features', () => planFeatures(db, resolved, windows.trainCutoff));
    job.signal.throwIfAborted();
    report('features', 0.1, `Computing ${plan.features.length} features and the labels at the training cutoff`);
    const training = await timed('features', () => {
      const params = new SqlParameters();
      return readLabelledColumns(db, featureMatrixSql(resolved, plan, windows.trainCutoff, populationLabelsSql(resolved, windows, params), params), params.values);
    });
    job.signal.throwIfAborted();
    report('features', 0.55, `Computing the features of the customers to score at ${windows.asOf.slice(0, 10)}`);
    const span = await measureEventSpan(db, resolved, null);
    const covered = span.dataEnd !== null && wallClockMs(span.dataEnd) >= wallClockMs(scoringWindows.asOf) - 86_400_000;
    const scoring = await timed('features', async () => {
      const params = new SqlParameters();
      await db.run(`CREATE TEMP TABLE ${scoringTable} AS ${featureMatrixSql(resolved, plan, windows.asOf, populationLabelsSql(resolved, scoringWindows, params), params)}`, params.values);
      // Rows come back in the order they were inserted: the feature query's, by customer.
      return readLabelledColumns(db, `SELECT * FROM temp.${scoringTable}`, []);
    });
    job.signal.throwIfAborted();
    if (scoring.ids.length === 0) throw new WorkbenchError('invalid_input', `No customer is eligible at as_of ${windows.asOf.slice(0, 10)}: nothing to score. Widen the population.`);

    const featureKeys = plan.features.map((feature) => feature.definition.key);
    const task: TrainTask = {
      kind: 'train',
      train: { columns: training.columns, labels: training.labels },
      score: { columns: scoring.columns, realized: covered ? scoring.labels : null },
      featureKeys,
      categorical: plan.features.map((feature) => feature.definition.unit === 'category'),
      recencyFeature: featureKeys.indexOf('days_since_last_event'),
      thresholds,
      seed: options.seed ?? 1,
    };
    report('training', 0, `Training on ${training.ids.length.toLocaleString('en-US')} customers`);
    const workerStarted = performance.now();
    const outcome = trainOutcomeSchema.parse(await runInWorker(options.launch, task, { signal: job.signal, progress: (fraction, message, phase) => report(asPhase(phase), fraction, message) }));
    Object.assign(timings, outcome.timings);
    timings['worker_overhead'] = Math.max(0, (performance.now() - workerStarted) / 1000 - Object.values(outcome.timings).reduce((sum, value) => sum + value, 0));

    const validation = toRunEvaluation(outcome.validation);
    const realized = outcome.realized === null ? null : { ...toRunEvaluation(outcome.realized), positiveRate: outcome.realized.positives / outcome.realized.count };
    const buckets = BUCKETS.map((bucket, code) => {
      let customers = 0;
      let probabilitySum = 0;
      let reached = 0;
      for (let i = 0; i < outcome.bucket.length; i++) {
        if (outcome.bucket[i] !== code) continue;
        customers++;
        probabilitySum += outcome.probability[i];
        reached += scoring.labels[i];
      }
      return { bucket, customers, meanProbability: customers > 0 ? probabilitySum / customers : 0, actualRate: realized !== null && customers > 0 ? reached / customers : null };
    });
    const diagnostics: Diagnostic[] = [...preview.diagnostics, ...runDiagnostics(outcome, plan.features.map((feature) => feature.definition))];
    let trainPositives = 0;
    for (const label of training.labels) trainPositives += label;

    const run: Run = {
      runId,
      instanceId: request.instanceId,
      instanceName: request.instanceName,
      version: 1,
      status: 'succeeded',
      createdAt: new Date().toISOString(),
      asOf: windows.asOf,
      trainCutoff: windows.trainCutoff,
      windowDays: config.goal.window_days,
      propensity: config.propensity,
      trainPopulation: training.ids.length,
      scored: scoring.ids.length,
      validationAuc: validation.auc,
      realizedAuc: realized?.auc ?? null,
      totalSeconds: 0,
      config,
      fingerprint: fingerprintOf(resolved.events, resolved.profiles),
      features: plan.features.map((feature) => feature.definition),
      model: { setting: outcome.setting, rounds: outcome.rounds, numLeaves: outcome.numLeaves, learningRate: outcome.learningRate },
      baseRate: outcome.baseRate,
      trainPositives,
      thresholds,
      validation,
      baselines: outcome.baselines.map(({ name, evaluation }) => ({ name, label: name === 'recency' ? 'Recency rule (days since the last event)' : `Single decision tree (depth ${BASELINE_TREE.maxDepth}, ${BASELINE_TREE.sampleSize.toLocaleString('en-US')}-customer sample)`, ...toMetricSet(evaluation) })),
      realized,
      buckets,
      influence: featureKeys.map((key, index) => ({ key, meanAbsPoints: outcome.meanAbsPoints[index], meanPoints: outcome.meanPoints[index] })).sort((a, b) => b.meanAbsPoints - a.meanAbsPoints),
      bucketInfluence: BUCKETS.map((bucket, b) => ({
        bucket,
        factors: featureKeys
          .map((key, index) => ({ key, meanAbsPoints: outcome.bucketMeanAbsPoints[b * featureKeys.length + index], meanPoints: outcome.bucketMeanPoints[b * featureKeys.length + index] }))
          .sort((x, y) => y.meanAbsPoints - x.meanAbsPoints),
      })),
      diagnostics,
      timings,
    };
    report('saving', 0, 'Saving the run');
    const timelineParams = new SqlParameters();
    const timeline = { sql: timelineTableSql(resolved, windows.asOf, `temp.${scoringTable}`, timelineParams), params: timelineParams.values };
    return await saveRun(db, run, { scoringTable, scoring, outcome, timeline, started, timings });
  } finally {
    job.signal.removeEventListener('abort', interrupt);
    await db.run(`DROP TABLE IF EXISTS temp.${scoringTable}`).catch(() => undefined);
    db.close();
  }
}

function asPhase(phase: string | undefined): RunPhase {
  return phase === 'scoring' || phase === 'explaining' || phase === 'backtest' ? phase : 'training';
}

function toMetricSet(evaluation: { count: number; positives: number; rocAuc: number; prAuc: number; logLoss: number; brier: number }) {
  const { auc, prAuc, logLoss, brier, count, positives } = toRunEvaluation({ ...evaluation, deciles: [], roc: [], calibration: [] });
  return { auc, prAuc, logLoss, brier, count, positives };
}

/** Identifies the data a run read: the datasets' ids, sizes and time spans. */
function fingerprintOf(...datasets: Array<DatasetSummary | null>): string {
  const parts = datasets.filter((dataset) => dataset !== null).map(({ id, rows, customers, minTime, maxTime, createdAt }) => ({ id, rows, customers, minTime, maxTime, createdAt }));
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}
