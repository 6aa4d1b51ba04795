import { resolve } from 'node:path';
import type { Run } from '../../../shared/contract/runs';
import type { InstanceConfig } from '../../../shared/instanceConfig';
import { listInstances, saveInstance } from '../../engine/instances/instanceStore';
import { nodeProcessLauncher } from '../../engine/jobs/processLauncher';
import { runPipeline } from '../../engine/pipeline/runPipeline';
import { EXPORT_COLUMNS } from '../../../shared/contract/segments';
import { exportScores } from '../../engine/segments/exportScores';
import { segmentCatalog } from '../../engine/segments/segmentFields';
import type { Database } from '../../engine/sql/database';
import { withCancellableWorkspace } from '../cancellableWorkspace';
import { CliUsageError, parseFlags, type Command } from '../command';
import { parseAsOf, readInstanceConfig, savedInstance, withAsOf } from '../instanceConfigFile';
import { progressLine } from '../progressLine';

export const runCommand: Command = {
  summary: 'train a goal, score and explain its customers, and save the run in the workspace',
  usage: `Usage: pwb run --workspace FILE (--config instance.json | --instance NAME) [--as-of DATE] [--out scores.csv] [--json]

Builds the features and labels at the training cutoff (as_of minus the goal's window), trains the boosted-tree
model in a worker process, scores every eligible customer at as_of with a probability, percentile, bucket and the
factors behind it, and saves the whole run in the workspace. With as_of in the past and data covering the window
after it, it also reports how the scores did against what happened (a backtest).

A --config file is saved in the workspace as a goal of the same name (replacing a saved goal of that name), so the
app shows its runs.

  --as-of   YYYY-MM-DD: score as of that date (overrides the config's as_of)
  --out     write the scores as CSV, highest probability first, with the columns of pwb export:
            ${EXPORT_COLUMNS.join(', ')}
  --json    print one JSON object: run_id, as_of, train_cutoff, train_population, scored,
            metrics {validation {auc, pr_auc, log_loss, brier}, baselines {recency, single_tree: {auc, ...}}},
            realized {auc, pr_auc, log_loss, positive_rate} or null, diagnostics, timings (seconds per phase)

Ctrl+C cancels: nothing is saved. Exit codes: 0 when the run was saved, 1 on failure, 2 on bad usage.`,
  async run(argv) {
    const flags = parseFlags(argv, {
      workspace: { type: 'string' },
      config: { type: 'string' },
      instance: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!flags.workspace) throw new CliUsageError('--workspace FILE is required.');
    if (!flags.config === !flags.instance) throw new CliUsageError('give either --config instance.json or --instance NAME.');
    const fileConfig = flags.config ? readInstanceConfig(resolve(flags.config), undefined) : null;
    const asOf = flags['as-of'] === undefined ? undefined : parseAsOf(flags['as-of']);
    const out = flags.out === undefined ? null : resolve(flags.out);
    return withCancellableWorkspace(flags.workspace, Boolean(flags.json), async (workspace, signal) => {
      const saved = fileConfig ? await saveConfig(workspace.db, fileConfig) : await savedInstance(workspace.db, flags.instance ?? '');
      const config = withAsOf(saved.config, asOf);
      const progress = progressLine(Boolean(flags.json));
      const run = await runPipeline(workspace.db, { instanceId: saved.id, instanceName: config.name, config }, { launch: nodeProcessLauncher(), job: { signal, progress: progress.update } });
      progress.done();
      const written =
        out === null
          ? null
          : (
              await exportScores(
                workspace.db,
                await segmentCatalog(workspace.db, run),
                { definition: { match: 'all', conditions: [] }, what: 'the scores', format: 'csv', path: out, overwrite: true },
                { signal, progress: () => undefined },
              )
            ).rows;
      process.stdout.write(flags.json ? `${JSON.stringify(toJson(run, out))}\n` : describe(run, out, written));
      return 0;
    });
  },
};

/** The config file as a saved goal: the one of the same name is replaced, or a new one made. */
async function saveConfig(db: Database, config: InstanceConfig): Promise<{ id: string; config: InstanceConfig }> {
  const existing = (await listInstances(db)).find((instance) => instance.name.toLowerCase() === config.name.toLowerCase());
  const instance = await saveInstance(db, config, existing?.id);
  return { id: instance.id, config: instance.config };
}

const round = (value: number) => Math.round(value * 10000) / 10000;

function toJson(run: Run, out: string | null) {
  const metrics = (set: { auc: number; prAuc: number; logLoss: number; brier: number }) => ({ auc: round(set.auc), pr_auc: round(set.prAuc), log_loss: round(set.logLoss), brier: round(set.brier) });
  return {
    run_id: run.runId,
    instance: run.instanceName,
    version: run.version,
    as_of: run.asOf,
    train_cutoff: run.trainCutoff,
    window_days: run.windowDays,
    train_population: run.trainPopulation,
    train_positives: run.trainPositives,
    scored: run.scored,
    model: { setting: run.model.setting, rounds: run.model.rounds },
    metrics: {
      validation: metrics(run.validation),
      baselines: Object.fromEntries(run.baselines.map((baseline) => [baseline.name, metrics(baseline)])),
    },
    realized: run.realized === null ? null : { ...metrics(run.realized), positive_rate: round(run.realized.positiveRate) },
    buckets: run.buckets.map(({ bucket, customers, meanProbability, actualRate }) => ({ bucket, customers, mean_probability: round(meanProbability), actual_rate: actualRate === null ? null : round(actualRate) })),
    diagnostics: run.diagnostics.map(({ code, severity, message, fix }) => ({ code, severity, message, fix })),
    timings: Object.fromEntries(Object.entries(run.timings).map(([phase, seconds]) => [phase, Math.round(seconds * 1000) / 1000])),
    out,
  };
}

function describe(run: Run, out: string | null, written: number | null): string {
  const count = (value: number) => value.toLocaleString('en-US');
  const auc = (value: number) => value.toFixed(3);
  const lines = [
    `Run ${run.runId} (version ${run.version} of "${run.instanceName}"): as of ${run.asOf}, trained at ${run.trainCutoff} on ${count(run.trainPopulation)} customers (${count(run.trainPositives)} reached the goal).`,
    `Validation AUC ${auc(run.validation.auc)} (PR AUC ${auc(run.validation.prAuc)}, log loss ${auc(run.validation.logLoss)}); baselines: ${run.baselines.map((baseline) => `${baseline.label} ${auc(baseline.auc)}`).join(', ')}.`,
    `Scored ${count(run.scored)} customers: ${run.buckets.map((bucket) => `${bucket.bucket} ${count(bucket.customers)}`).join(', ')}.`,
    run.realized === null
      ? 'No backtest: the data does not cover the window after as_of.'
      : `Backtest: realized AUC ${auc(run.realized.auc)}, PR AUC ${auc(run.realized.prAuc)}, ${(run.realized.positiveRate * 100).toFixed(1)}% reached the goal.`,
    ...run.diagnostics.map((diagnostic) => `${diagnostic.severity === 'error' ? 'Error' : 'Warning'} ${diagnostic.code}: ${diagnostic.message} ${diagnostic.fix}`),
    `Took ${run.totalSeconds.toFixed(1)} s (${Object.entries(run.timings)
      .filter(([phase]) => phase !== 'total')
      .map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)}`)
      .join(', ')}).`,
    ...(out === null ? [] : [`Wrote ${count(written ?? 0)} scores to ${out}.`]),
  ];
  return `${lines.join('\n')}\n`;
}
