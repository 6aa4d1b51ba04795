import type { SqlParameters } from '../conditions/sqlParameters';
import { shiftDays } from '../features/timeWindows';
import { exclusionSql, type ResolvedInstance } from '../instances/resolveInstance';
import { quoteIdentifier } from '../sql/quote';

export const TIMELINE_DAYS = 365;

/**
 * The SELECT behind a run's timeline table: every scored customer's kept events per day and type in the year up to
 * as_of, sorted by customer so that one customer's rows are found through the table's min/max statistics in a few
 * milliseconds, where a scan of the events table takes a tenth of a second at 10M events.
 */
export function timelineTableSql(resolved: ResolvedInstance, asOf: string, scoredTable: string, params: SqlParameters): string {
  const eventTypeColumn = resolved.events.eventTypeColumn;
  const eventType = eventTypeColumn === null ? `'event'` : `coalesce(CAST(${quoteIdentifier(eventTypeColumn)} AS VARCHAR), '(none)')`;
  const { idColumn, timeColumn, eventsTable } = resolved;
  return `SELECT CAST(${idColumn} AS VARCHAR) AS customer, CAST(${timeColumn} AS DATE) AS day, ${eventType} AS event_type, CAST(count(*) AS INTEGER) AS events
    FROM ${eventsTable}
    WHERE ${timeColumn} >= ${params.bindTime(shiftDays(asOf, -TIMELINE_DAYS))} AND ${timeColumn} < ${params.bindTime(asOf)}
      AND CAST(${idColumn} AS VARCHAR) IN (SELECT customer FROM ${scoredTable}) AND NOT ${exclusionSql(resolved, params)}
    GROUP BY ALL ORDER BY customer, day, event_type`;
}
