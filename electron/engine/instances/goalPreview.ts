import type { GoalPreview } from '../../../shared/contract/instances';
import type { InstanceConfig } from '../../../shared/instanceConfig';
import { SqlParameters } from '../conditions/sqlParameters';
import { populationLabelsSql } from '../features/populationLabels';
import { daysBetween, goalWindows, wallClockMs } from '../features/timeWindows';
import type { Database } from '../sql/database';
import { goalDiagnostics } from './goalDiagnostics';
import { measureEventSpan } from './eventSpan';
import { resolveInstance } from './resolveInstance';

/** History the population needs before the cutoff when no lookback asks for more: a month of behaviour. */
export const MIN_LOOKBACK_DAYS = 30;

/**
 * Who the goal covers at the training cutoff and how it labels them, with the diagnostics that decide whether to train.
 * An aborted signal stops it between statements (the caller interrupts the one running).
 */
export async function previewGoal(db: Database, config: InstanceConfig, signal?: AbortSignal): Promise<GoalPreview> {
  const started = performance.now();
  const resolved = await resolveInstance(db, config);
  signal?.throwIfAborted();
  const span = await measureEventSpan(db, resolved, config.as_of);
  signal?.throwIfAborted();
  const asOf = config.as_of ?? span.lastEvent;
  const windows = asOf === null ? null : goalWindows(asOf, config.goal.window_days);
  const requiredHistoryDays = config.goal.window_days + lookbackDays(config);
  const historyDays = windows && span.firstEvent ? Math.max(0, daysBetween(span.firstEvent, windows.asOf)) : null;

  let population = 0;
  let positives = 0;
  if (windows && span.kept > 0) {
    const params = new SqlParameters();
    const labels = populationLabelsSql(resolved, windows, params);
    const row = await db.one(`SELECT count(*) AS population, count(*) FILTER (WHERE label) AS positives FROM (${labels})`, params.values);
    population = Number(row?.['population'] ?? 0);
    positives = Number(row?.['positives'] ?? 0);
  }
  const negatives = population - positives;
  const diagnostics = goalDiagnostics(config, {
    eventsKept: span.kept,
    eventsExcluded: span.excluded,
    historyDays,
    requiredHistoryDays,
    cutoffBeforeData: windows !== null && span.firstEvent !== null && wallClockMs(windows.trainCutoff) <= wallClockMs(span.firstEvent),
    daysWithoutData: windows && span.dataEnd ? Math.max(0, daysBetween(span.dataEnd, windows.asOf)) : 0,
    dataEnd: span.dataEnd,
    population,
    positives,
    negatives,
  });
  return {
    asOf: windows?.asOf ?? null,
    trainCutoff: windows?.trainCutoff ?? null,
    windowDays: config.goal.window_days,
    firstEvent: span.firstEvent,
    eventsConsidered: span.kept,
    eventsExcluded: span.excluded,
    population,
    positives,
    negatives,
    positiveRate: population > 0 ? positives / population : null,
    historyDays: historyDays === null ? null : Math.round(historyDays * 100) / 100,
    requiredHistoryDays,
    customEvents: span.customEvents,
    diagnostics,
    canTrain: !diagnostics.some((diagnostic) => diagnostic.severity === 'error'),
    elapsedMs: performance.now() - started,
  };
}

/** The longest look back before the cutoff the population asks for (at least a month). */
function lookbackDays(config: InstanceConfig): number {
  const lookbacks = [
    config.population.active_within_days ?? 0,
    ...[...config.population.include, ...config.population.exclude].map((filter) => filter.lookback_days ?? 0),
  ];
  return Math.max(MIN_LOOKBACK_DAYS, ...lookbacks);
}
