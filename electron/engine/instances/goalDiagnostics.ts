import type { Diagnostic } from '../../../shared/contract/instances';
import type { InstanceConfig } from '../../../shared/instanceConfig';

export interface GoalCounts {
  eventsKept: number;
  eventsExcluded: number;
  /** Null when no event is left to measure from. */
  historyDays: number | null;
  requiredHistoryDays: number;
  /** The training cutoff falls at or before the first event: nothing to learn from. */
  cutoffBeforeData: boolean;
  /** Days from the end of the data to as_of (0 when the data runs to as_of or past it). */
  daysWithoutData: number;
  dataEnd: string | null;
  population: number;
  positives: number;
  negatives: number;
}

/**
 * What stands between this goal and a model worth training, each with the change to try.
 * Only the root cause is reported: no events explains an empty population, which explains no positives.
 */
export function goalDiagnostics(config: InstanceConfig, counts: GoalCounts): Diagnostic[] {
  const window = config.goal.window_days;
  const diagnostics: Diagnostic[] = [];
  if (counts.eventsKept === 0) {
    diagnostics.push({
      code: 'NO_EVENTS_AFTER_EXCLUSIONS',
      severity: 'error',
      message:
        counts.eventsExcluded > 0
          ? `The exclusions drop all ${count(counts.eventsExcluded)} events before as_of; nothing is left to learn from.`
          : 'There are no events before as_of.',
      fix: counts.eventsExcluded > 0 ? 'Remove or narrow the exclusions.' : 'Pick a later as_of, or import events first.',
    });
    return diagnostics;
  }
  const history = counts.historyDays ?? 0;
  if (counts.cutoffBeforeData) {
    diagnostics.push({
      code: 'NOT_ENOUGH_HISTORY',
      severity: 'error',
      message: `The data covers ${days(history)} before as_of, less than the ${window}-day window: the training cutoff falls before the first event.`,
      fix: 'Shorten the window or pick a later as_of.',
    });
    return diagnostics;
  }
  if (history < counts.requiredHistoryDays) {
    diagnostics.push({
      code: 'NOT_ENOUGH_HISTORY',
      severity: 'warning',
      message: `The data covers ${days(history)} before as_of; this goal needs ${days(counts.requiredHistoryDays)} (${days(counts.requiredHistoryDays - window)} of history before the cutoff and the ${window}-day window), so early customers look newer than they are.`,
      fix: 'Shorten the window or the lookbacks, or pick a later as_of.',
    });
  }
  if (counts.daysWithoutData > DAYS_WITHOUT_DATA_TOLERATED) {
    const missing = Math.min(window, counts.daysWithoutData);
    diagnostics.push({
      code: 'WINDOW_PAST_DATA',
      severity: 'warning',
      message: `The data ends ${days(counts.daysWithoutData)} before as_of (last event ${counts.dataEnd?.slice(0, 10) ?? '?'}): ${days(missing)} of the ${window}-day label window have no events, so customers who would have reached the goal then count as negatives.`,
      fix: `Pick an as_of no later than the last event (${counts.dataEnd?.slice(0, 10) ?? '?'}), or leave it empty to use the latest event.`,
    });
  }
  if (counts.population === 0) {
    const active = config.population.active_within_days;
    diagnostics.push({
      code: 'EMPTY_POPULATION',
      severity: 'error',
      message: 'No customer is eligible at the training cutoff.',
      fix:
        active === null
          ? 'Loosen or remove the include and exclude filters.'
          : `Let more customers in: raise "active within" (now ${active} days) or loosen the include and exclude filters.`,
    });
    return diagnostics;
  }
  if (counts.positives === 0 || counts.negatives === 0) {
    const side = counts.positives === 0 ? 'negative' : 'positive';
    diagnostics.push({
      code: 'SINGLE_VALUE_GOAL',
      severity: 'error',
      message: `All ${count(counts.population)} customers in the population are ${side}: there is nothing to tell apart.`,
      fix:
        counts.positives === 0
          ? 'Check that the goal conditions match events in the window (the value picker shows what the data holds), or lengthen the window.'
          : 'Narrow the goal (stricter conditions or a shorter window), or check "will occur" / "will not occur".',
    });
    return diagnostics;
  }
  const { warn_below: warnBelow, refuse_below: refuseBelow } = config.sufficiency;
  const sides = [
    { code: 'NOT_ENOUGH_POSITIVES' as const, have: counts.positives, what: 'positives (customers who reach the goal)', fix: 'Widen the goal: a longer window, fewer or looser conditions, or a larger population.' },
    { code: 'NOT_ENOUGH_NEGATIVES' as const, have: counts.negatives, what: 'negatives (customers who do not)', fix: 'Narrow the goal: a shorter window or stricter conditions, or a larger population.' },
  ];
  for (const side of sides) {
    if (side.have >= warnBelow) continue;
    const refused = side.have < refuseBelow;
    diagnostics.push({
      code: side.code,
      severity: refused ? 'error' : 'warning',
      message: refused
        ? `Only ${count(side.have)} ${side.what}; training needs at least ${count(refuseBelow)}.`
        : `Only ${count(side.have)} ${side.what}; under ${count(warnBelow)} the model and its metrics are unreliable.`,
      fix: side.fix,
    });
  }
  return diagnostics;
}

/** Quiet spells shorter than this (a weekend, a holiday) are normal, not a window past the data. */
const DAYS_WITHOUT_DATA_TOLERATED = 3;

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function days(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded.toLocaleString('en-US')} day${rounded === 1 ? '' : 's'}`;
}
