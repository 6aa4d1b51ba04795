import type { RunSummary } from '../../../shared/contract/runs';
import { WorkbenchError } from '../../../shared/errors';
import { deleteRun, listRuns } from '../../engine/pipeline/runStore';
import { listSegments } from '../../engine/segments/segmentStore';
import { withCancellableWorkspace } from '../cancellableWorkspace';
import { CliUsageError, parseFlags, type Command } from '../command';

export const runsCommand: Command = {
  summary: "list a workspace's runs, newest first, or delete one",
  usage: `Usage: pwb runs --workspace FILE [--goal NAME] [--delete RUN_ID] [--json]

Lists the saved runs, newest first: id, goal, version, as of, customers scored, validation and realized AUC,
saved segments, when it was saved.

  --goal     only the runs of this goal (its name, any case)
  --delete   deletes that run: its scores, features, timeline, model and saved segments (the goal's later runs
             keep counting versions from where it was). Takes a run id only, never "latest".
  --json     list: one object {"runs": [{run_id, goal, version, as_of, train_cutoff, window_days, propensity,
             train_population, scored, validation_auc, realized_auc, segments, created_at}]};
             delete: {"deleted": RUN_ID, "segments": N}

Exit codes: 0 success, 1 failure (an unknown run, a workspace open in the app), 2 bad usage.`,
  async run(argv) {
    const flags = parseFlags(argv, {
      workspace: { type: 'string' },
      goal: { type: 'string' },
      delete: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!flags.workspace) throw new CliUsageError('--workspace FILE is required.');
    if (flags.delete !== undefined && flags.goal !== undefined) throw new CliUsageError('--delete takes a run id alone; leave out --goal.');
    if (flags.delete === 'latest') throw new CliUsageError('--delete needs the run id (see pwb runs), not "latest".');
    const json = Boolean(flags.json);
    const toDelete = flags.delete;
    return withCancellableWorkspace(flags.workspace, json, async (workspace) => {
      if (toDelete !== undefined) {
        const { segments } = await deleteRun(workspace.db, toDelete);
        process.stdout.write(json ? `${JSON.stringify({ deleted: toDelete, segments })}\n` : `Deleted run ${toDelete}${segments > 0 ? ` and its ${segments} saved segment${segments === 1 ? '' : 's'}` : ''}.\n`);
        return 0;
      }
      const runs = (await listRuns(workspace.db)).filter((run) => flags.goal === undefined || run.instanceName.toLowerCase() === flags.goal.toLowerCase());
      if (flags.goal !== undefined && runs.length === 0) {
        throw new WorkbenchError('not_found', `No run of a goal named "${flags.goal}"; the workspace's runs are of: ${goalNames(await listRuns(workspace.db))}.`, 'goal');
      }
      const segmentCounts = new Map<string, number>();
      for (const segment of await listSegments(workspace.db)) segmentCounts.set(segment.runId, (segmentCounts.get(segment.runId) ?? 0) + 1);
      const rows = runs.map((run) => toJson(run, segmentCounts.get(run.runId) ?? 0));
      process.stdout.write(json ? `${JSON.stringify({ runs: rows })}\n` : describe(rows));
      return 0;
    });
  },
};

type RunLine = ReturnType<typeof toJson>;

function toJson(run: RunSummary, segments: number) {
  return {
    run_id: run.runId,
    goal: run.instanceName,
    version: run.version,
    as_of: run.asOf,
    train_cutoff: run.trainCutoff,
    window_days: run.windowDays,
    propensity: run.propensity,
    train_population: run.trainPopulation,
    scored: run.scored,
    validation_auc: run.validationAuc,
    realized_auc: run.realizedAuc,
    segments,
    created_at: run.createdAt,
  };
}

function goalNames(runs: RunSummary[]): string {
  const names = [...new Set(runs.map((run) => `"${run.instanceName}"`))];
  return names.length > 0 ? names.join(', ') : 'none (train a goal first: pwb run)';
}

function describe(rows: RunLine[]): string {
  if (rows.length === 0) return 'This workspace has no run yet: train a goal first (pwb run).\n';
  const table = [
    ['RUN', 'GOAL', 'VERSION', 'AS OF', 'SCORED', 'VALIDATION AUC', 'REALIZED AUC', 'SEGMENTS', 'SAVED'],
    ...rows.map((row) => [
      row.run_id,
      row.goal,
      `v${row.version}`,
      row.as_of.slice(0, 10),
      row.scored.toLocaleString('en-US'),
      row.validation_auc.toFixed(4),
      row.realized_auc === null ? '–' : row.realized_auc.toFixed(4),
      String(row.segments),
      row.created_at.slice(0, 16).replace('T', ' '),
    ]),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  return `${table.map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n')}\n`;
}
