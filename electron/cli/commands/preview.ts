import { resolve } from 'node:path';
import type { GoalPreview } from '../../../shared/contract/instances';
import { previewGoal } from '../../engine/instances/goalPreview';
import { withCancellableWorkspace } from '../cancellableWorkspace';
import { CliUsageError, parseFlags, type Command } from '../command';
import { parseAsOf, readInstanceConfig, savedInstance, withAsOf } from '../instanceConfigFile';

export const previewCommand: Command = {
  summary: "show a goal's population, positives and negatives at the training cutoff, with diagnostics",
  usage: `Usage: pwb preview --workspace FILE (--config instance.json | --instance NAME) [--as-of DATE] [--json]

Reads the instance config (a JSON file in the format the app saves, see the README; or a goal saved in the
workspace, by name) and counts, at the training cutoff (as_of minus the goal's window), the eligible customers
and how many reach the goal in the window.

  --as-of   YYYY-MM-DD: pretend today is that date (overrides the config's as_of)
  --json    print one JSON object: as_of, train_cutoff, window_days, population, positives, negatives,
            positive_rate, events_considered, events_excluded, history_days, required_history_days,
            custom_events, diagnostics (code, severity, message, fix), can_train, seconds

Exit codes: 0 when the preview ran (even if its diagnostics refuse training), 1 on failure, 2 on bad usage.`,
  async run(argv) {
    const flags = parseFlags(argv, {
      workspace: { type: 'string' },
      config: { type: 'string' },
      instance: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!flags.workspace) throw new CliUsageError('--workspace FILE is required.');
    if (!flags.config === !flags.instance) throw new CliUsageError('give either --config instance.json or --instance NAME.');
    const fileConfig = flags.config ? readInstanceConfig(resolve(flags.config), flags['as-of']) : null;
    const asOf = flags['as-of'] === undefined ? undefined : parseAsOf(flags['as-of']);
    // Ctrl+C stops the preview's queries.
    return withCancellableWorkspace(flags.workspace, Boolean(flags.json), async (workspace, signal) => {
      const config = fileConfig ?? withAsOf((await savedInstance(workspace.db, flags.instance ?? '')).config, asOf);
      const preview = await previewGoal(workspace.db, config, signal);
      process.stdout.write(flags.json ? `${JSON.stringify(toJson(preview))}\n` : describe(config.name, preview));
      return 0;
    });
  },
};

function toJson(preview: GoalPreview) {
  return {
    as_of: preview.asOf,
    train_cutoff: preview.trainCutoff,
    window_days: preview.windowDays,
    population: preview.population,
    positives: preview.positives,
    negatives: preview.negatives,
    positive_rate: preview.positiveRate,
    events_considered: preview.eventsConsidered,
    events_excluded: preview.eventsExcluded,
    first_event: preview.firstEvent,
    history_days: preview.historyDays,
    required_history_days: preview.requiredHistoryDays,
    custom_events: preview.customEvents,
    diagnostics: preview.diagnostics.map(({ code, severity, message, fix }) => ({ code, severity, message, fix })),
    can_train: preview.canTrain,
    seconds: Math.round(preview.elapsedMs) / 1000,
  };
}

function describe(name: string, preview: GoalPreview): string {
  const count = (value: number) => value.toLocaleString('en-US');
  const rate = preview.positiveRate === null ? 'n/a' : `${(preview.positiveRate * 100).toFixed(1)}%`;
  const lines = [
    `"${name}": as of ${preview.asOf ?? 'n/a'}, training cutoff ${preview.trainCutoff ?? 'n/a'} (${preview.windowDays}-day window).`,
    `Population ${count(preview.population)}: ${count(preview.positives)} positive, ${count(preview.negatives)} negative (${rate}).`,
    `Events considered: ${count(preview.eventsConsidered)}${preview.eventsExcluded > 0 ? ` (${count(preview.eventsExcluded)} excluded)` : ''}.`,
    ...preview.customEvents.map((event) => `Custom event "${event.name}": ${count(event.events)} events, ${count(event.customers)} customers.`),
    ...preview.diagnostics.map((diagnostic) => `${diagnostic.severity === 'error' ? 'Error' : 'Warning'} ${diagnostic.code}: ${diagnostic.message} ${diagnostic.fix}`),
    preview.canTrain ? 'Ready to train.' : 'Training is refused until the errors above are fixed.',
  ];
  return `${lines.join('\n')}\n`;
}
