import { compileConditionList } from '../conditions/compileCondition';
import type { SqlParameters } from '../conditions/sqlParameters';
import { exclusionSql, type ResolvedInstance } from '../instances/resolveInstance';
import { shiftDays, type GoalWindows } from './timeWindows';

/**
 * One row per eligible customer at the training cutoff, with its label:
 *   `SELECT customer, label` where label = the goal matched in [cutoff, as_of) (inverted when the goal must not occur).
 * Eligible: an event before the cutoff (within active_within_days of it when set), every include filter matched
 * within its lookback, no exclude filter matched. Exclusions drop events before anything else; events at or after
 * as_of are never read.
 */
export function populationLabelsSql(resolved: ResolvedInstance, windows: GoalWindows, params: SqlParameters): string {
  const { config, catalog, idColumn, timeColumn, eventsTable } = resolved;
  const cutoff = params.bindTime(windows.trainCutoff);
  const end = params.bindTime(windows.asOf);
  const goal = compileConditionList(config.goal.conditions, config.goal.match, catalog, params, 'goal.conditions');
  const filters = [
    ...config.population.include.map((filter, index) => ({ filter, alias: `include_${index}`, path: `population.include.${index}.conditions`, include: true })),
    ...config.population.exclude.map((filter, index) => ({ filter, alias: `exclude_${index}`, path: `population.exclude.${index}.conditions`, include: false })),
  ];
  const filterColumns = filters.map(({ filter, alias, path }) => `coalesce(${compileConditionList(filter.conditions, filter.match, catalog, params, path)}, false) AS ${alias}`);
  const excluded = exclusionSql(resolved, params);
  const filterAggregates = filters.map(({ filter, alias }) => {
    const since = filter.lookback_days === null ? '' : ` AND event_time >= ${params.bindTime(shiftDays(windows.trainCutoff, -filter.lookback_days))}`;
    return `coalesce(bool_or(${alias}) FILTER (WHERE event_time < ${cutoff}${since}), false) AS ${alias}`;
  });
  const active = config.population.active_within_days;
  const eligibility = [
    'last_before IS NOT NULL',
    ...(active === null ? [] : [`last_before >= ${params.bindTime(shiftDays(windows.trainCutoff, -active))}`]),
    ...filters.map(({ alias, include }) => (include ? alias : `NOT ${alias}`)),
  ];
  const occurs = params.bind(config.goal.occurs);
  // No row before the earliest look-back can change the answer; skipping them lets DuckDB prune whole row groups.
  const earliest = earliestLookback(resolved, windows);
  const since = earliest === null ? '' : ` AND ${timeColumn} >= ${params.bindTime(earliest)}`;
  return `WITH kept AS (
      SELECT CAST(${idColumn} AS VARCHAR) AS customer, CAST(${timeColumn} AS TIMESTAMP) AS event_time,
             coalesce(${goal}, false) AS goal_hit${filterColumns.map((column) => `,\n             ${column}`).join('')}
      FROM ${eventsTable}
      WHERE ${idColumn} IS NOT NULL AND ${timeColumn} IS NOT NULL AND ${timeColumn} < ${end}${since} AND NOT ${excluded}
    ), per_customer AS (
      SELECT customer,
             max(event_time) FILTER (WHERE event_time < ${cutoff}) AS last_before,
             coalesce(bool_or(goal_hit) FILTER (WHERE event_time >= ${cutoff}), false) AS goal_hit${filterAggregates.map((column) => `,\n             ${column}`).join('')}
      FROM kept GROUP BY customer
    )
    SELECT customer, (goal_hit = ${occurs}) AS label FROM per_customer
    WHERE ${eligibility.join(' AND ')}`;
}

/** The earliest time any part of the population test looks at, or null when one of them reads all history. */
function earliestLookback({ config }: ResolvedInstance, windows: GoalWindows): string | null {
  const { active_within_days: active, include, exclude } = config.population;
  const lookbacks = [active, ...[...include, ...exclude].map((filter) => filter.lookback_days)];
  if (lookbacks.some((days) => days === null)) return null;
  return shiftDays(windows.trainCutoff, -Math.max(...(lookbacks as number[])));
}
