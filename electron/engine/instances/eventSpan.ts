import { compileConditionList } from '../conditions/compileCondition';
import { SqlParameters } from '../conditions/sqlParameters';
import type { Database } from '../sql/database';
import { exclusionSql, type ResolvedInstance } from './resolveInstance';
import { nullableString } from '../sql/cellValues';

export interface EventSpan {
  /** Events with an id and a time before as_of (all of them when as_of is null) that no exclusion drops. */
  kept: number;
  excluded: number;
  firstEvent: string | null;
  lastEvent: string | null;
  /** The latest kept event of the whole dataset, as_of or not: where the data ends. */
  dataEnd: string | null;
  customEvents: Array<{ name: string; events: number; customers: number }>;
}

const WALL_CLOCK = `'%Y-%m-%dT%H:%M:%S'`;

/** One pass over the events: before as_of, how many exclusions drop, the time span of the rest and custom event counts; and where the data ends. */
export async function measureEventSpan(db: Database, resolved: ResolvedInstance, asOf: string | null): Promise<EventSpan> {
  const { config, catalog, idColumn, timeColumn, eventsTable } = resolved;
  const params = new SqlParameters();
  const excluded = exclusionSql(resolved, params);
  const customColumns = config.custom_events.map(
    (event, index) => `coalesce(${compileConditionList(event.conditions, event.match, catalog, params, `custom_events.${index}.conditions`)}, false) AS custom_${index}`,
  );
  const beforeAsOf = asOf === null ? 'TRUE' : `${timeColumn} < ${params.bindTime(asOf)}`;
  const customAggregates = config.custom_events.map(
    (_, index) =>
      `count(*) FILTER (WHERE counted AND custom_${index}) AS custom_${index}_events, count(DISTINCT customer) FILTER (WHERE counted AND custom_${index}) AS custom_${index}_customers`,
  );
  const row = await db.one(
    `SELECT count(*) FILTER (WHERE counted) AS kept, count(*) FILTER (WHERE excluded AND before_as_of) AS excluded,
            strftime(min(event_time) FILTER (WHERE counted), ${WALL_CLOCK}) AS first_event,
            strftime(max(event_time) FILTER (WHERE counted), ${WALL_CLOCK}) AS last_event,
            strftime(max(event_time) FILTER (WHERE NOT excluded), ${WALL_CLOCK}) AS data_end${customAggregates.map((column) => `, ${column}`).join('')}
     FROM (
       SELECT *, before_as_of AND NOT excluded AS counted FROM (
         SELECT ${idColumn} AS customer, CAST(${timeColumn} AS TIMESTAMP) AS event_time, ${excluded} AS excluded, ${beforeAsOf} AS before_as_of${customColumns.map((column) => `, ${column}`).join('')}
         FROM ${eventsTable}
         WHERE ${idColumn} IS NOT NULL AND ${timeColumn} IS NOT NULL
       )
     )`,
    params.values,
  );
  return {
    kept: Number(row?.['kept'] ?? 0),
    excluded: Number(row?.['excluded'] ?? 0),
    firstEvent: nullableString(row?.['first_event']),
    lastEvent: nullableString(row?.['last_event']),
    dataEnd: nullableString(row?.['data_end']),
    customEvents: config.custom_events.map((event, index) => ({
      name: event.name,
      events: Number(row?.[`custom_${index}_events`] ?? 0),
      customers: Number(row?.[`custom_${index}_customers`] ?? 0),
    })),
  };
}
