import type { ScoreCard } from '../../../shared/contract/insights';
import { formatWallClock, shiftDays, wallClockMs } from '../features/timeWindows';
import { runTables } from '../pipeline/runStore';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import type { LoadedRun } from './runCache';
import type { RunDataset } from './runDatasets';
import { TIMELINE_DAYS } from './timelineTable';

/** A customer's events per day and type in the year up to the run's as_of (the history its features saw). */
export async function customerTimeline(db: Database, loaded: LoadedRun, events: RunDataset | null, customer: string): Promise<ScoreCard['timeline']> {
  const { run } = loaded;
  const to = formatWallClock(wallClockMs(run.asOf));
  const from = shiftDays(to, -TIMELINE_DAYS);
  const read = (sql: string, params: string[]) =>
    db.all(sql, params).then((rows) => rows.map((row) => ({ day: String(row['day']), eventType: String(row['event_type']), count: Number(row['events']) })));
  if (loaded.hasTimeline) {
    const days = await read(`SELECT strftime(day, '%Y-%m-%d') AS day, event_type, events FROM ${runTables(run.runId).timeline} WHERE customer = $1 ORDER BY day, event_type`, [customer]);
    return { from, to, days, note: null };
  }
  // Runs saved before timeline tables were kept: the events dataset, as it is now.
  if (events === null || events.summary.timeColumn === null) {
    return { from, to, days: [], note: `The events dataset "${run.config.events}" is no longer in this workspace.` };
  }
  const { idColumn, timeColumn, eventTypeColumn } = events.summary;
  const time = quoteIdentifier(timeColumn);
  const eventType = eventTypeColumn === null ? `'event'` : `coalesce(CAST(${quoteIdentifier(eventTypeColumn)} AS VARCHAR), '(none)')`;
  const days = await read(
    `SELECT strftime(CAST(${time} AS DATE), '%Y-%m-%d') AS day, ${eventType} AS event_type, count(*) AS events
     FROM ${events.table}
     WHERE CAST(${quoteIdentifier(idColumn)} AS VARCHAR) = $1 AND ${time} >= CAST($2 AS TIMESTAMP) AND ${time} < CAST($3 AS TIMESTAMP)
     GROUP BY ALL ORDER BY day, event_type`,
    [customer, from, to],
  );
  return { from, to, days, note: null };
}
