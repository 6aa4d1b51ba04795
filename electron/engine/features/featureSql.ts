import { compileConditionList } from '../conditions/compileCondition';
import type { SqlParameters } from '../conditions/sqlParameters';
import { exclusionSql, type ResolvedInstance } from '../instances/resolveInstance';
import { quoteIdentifier } from '../sql/quote';
import type { EventSelector, FeatureSource } from './featureCatalog';
import { AMOUNT_WINDOWS, CATEGORY_WINDOWS, COUNT_WINDOWS, type FeaturePlan } from './featurePlan';
import { shiftDays } from './timeWindows';

const SECONDS_PER_DAY = 86400;
/** No windowed feature looks further back than this. */
const LONGEST_WINDOW_DAYS = Math.max(...COUNT_WINDOWS, ...AMOUNT_WINDOWS, ...CATEGORY_WINDOWS, 60);

/**
 * One row per customer of `population` (a `SELECT customer, label` statement): `customer, label`, then every planned
 * feature as a FLOAT column (the 32-bit values the model trains and scores on) named by its key, computed only from
 * events strictly before `at`. Ordered by customer.
 */
export function featureMatrixSql(resolved: ResolvedInstance, plan: FeaturePlan, at: string, population: string, params: SqlParameters): string {
  const builder = new AggregateBuilder(resolved, at, params);
  const atTime = builder.time(at);
  // Aggregates over whole histories (first and last times) read every kept event; windowed ones only the last year's.
  const historyAggregates: string[] = [];
  const recentAggregates: string[] = [];
  const distinctColumns = new Map<string, string[]>();
  let needsDays = false;
  // Distinct counts and active days are counted from pre-grouped rows (one per customer and value, or per customer
  // and day): far cheaper than DISTINCT aggregates beside dozens of others in one hash table.
  const selected = plan.features.map(({ source, definition }) => {
    const key = quoteIdentifier(definition.key);
    switch (source.kind) {
      case 'profile':
        return `CAST(${profileValue(source, `p.${quoteIdentifier(source.column)}`, atTime, params)} AS FLOAT) AS ${key}`;
      case 'active_days':
      case 'average_gap':
        needsDays = true;
        return `CAST(days.${source.kind} AS FLOAT) AS ${key}`;
      case 'distinct': {
        const column = builder.column(source.column);
        const columns = distinctColumns.get(column) ?? [];
        columns.push(`count(*)${source.days === null ? '' : ` FILTER (WHERE last_time >= ${builder.time(shiftDays(at, -source.days))})`} AS ${key}`);
        distinctColumns.set(column, columns);
        return `CAST(coalesce(distinct_${column}.${key}, 0) AS FLOAT) AS ${key}`;
      }
      case 'days_since_last':
      case 'days_since_first':
      case 'event_days_since_last':
      case 'event_days_since_first':
        historyAggregates.push(`${builder.aggregate(source)} AS ${key}`);
        return `CAST(history.${key} AS FLOAT) AS ${key}`;
      default:
        recentAggregates.push(`${builder.aggregate(source)} AS ${key}`);
        // A customer with no event in the last year has no row here: counts and sums are 0 then, means missing.
        return source.kind === 'mean' ? `CAST(recent.${key} AS FLOAT) AS ${key}` : `CAST(coalesce(recent.${key}, 0) AS FLOAT) AS ${key}`;
    }
  });
  const profileFeatures = plan.features.flatMap(({ source }) => (source.kind === 'profile' ? [source.column] : []));
  const { idColumn, timeColumn, eventsTable } = resolved;
  const excluded = exclusionSql(resolved, params);
  const keptColumns = builder.keptColumns();
  const ctes = [
    `history AS (SELECT customer${historyAggregates.map((column) => `,\n             ${column}`).join('')}\n      FROM kept GROUP BY customer)`,
    `recent AS (SELECT customer${recentAggregates.map((column) => `,\n             ${column}`).join('')}\n      FROM kept WHERE event_time >= ${builder.time(shiftDays(at, -LONGEST_WINDOW_DAYS))} GROUP BY customer)`,
    ...(needsDays
      ? [`days AS (SELECT customer, count(*) AS active_days, date_diff('day', min(day), max(day)) / nullif(count(*) - 1, 0) AS average_gap
      FROM (SELECT DISTINCT customer, CAST(event_time AS DATE) AS day FROM kept) GROUP BY customer)`]
      : []),
    ...[...distinctColumns.entries()].map(
      ([column, columns]) => `distinct_${column} AS (SELECT customer, ${columns.join(', ')}
      FROM (SELECT customer, ${column} AS value, max(event_time) AS last_time FROM kept WHERE ${column} IS NOT NULL GROUP BY customer, ${column}) GROUP BY customer)`,
    ),
  ];
  const joins = [
    'LEFT JOIN history ON history.customer = pop.customer',
    'LEFT JOIN recent ON recent.customer = pop.customer',
    ...(needsDays ? ['LEFT JOIN days ON days.customer = pop.customer'] : []),
    ...[...distinctColumns.keys()].map((column) => `LEFT JOIN distinct_${column} ON distinct_${column}.customer = pop.customer`),
    ...(plan.profiles === null || profileFeatures.length === 0
      ? []
      : [
          `LEFT JOIN (SELECT CAST(${plan.profiles.idColumn} AS VARCHAR) AS customer, ${[...new Set(profileFeatures)]
            .map((column) => `first(${quoteIdentifier(column)}) AS ${quoteIdentifier(column)}`)
            .join(', ')} FROM ${plan.profiles.table} WHERE ${plan.profiles.idColumn} IS NOT NULL GROUP BY 1) p ON p.customer = pop.customer`,
        ]),
  ];
  return `WITH pop AS (${population}),
    kept AS (
      SELECT CAST(${idColumn} AS VARCHAR) AS customer, CAST(${timeColumn} AS TIMESTAMP) AS event_time, epoch(CAST(${timeColumn} AS TIMESTAMP)) AS event_seconds${keptColumns.map((column) => `,\n             ${column}`).join('')}
      FROM ${eventsTable}
      WHERE ${idColumn} IS NOT NULL AND ${timeColumn} IS NOT NULL AND ${timeColumn} < ${atTime} AND NOT ${excluded}
    ),
    ${ctes.join(',\n    ')}
    SELECT pop.customer AS customer, pop.label AS label${selected.map((column) => `,\n           ${column}`).join('')}
    FROM pop ${joins.join('\n    ')}
    ORDER BY pop.customer`;
}

function profileValue(source: FeatureSource, column: string, atTime: string, params: SqlParameters): string {
  if (source.kind !== 'profile') throw new Error('not a profile feature');
  switch (source.type) {
    case 'number':
    case 'boolean':
      return column;
    case 'time':
      return `(epoch(${atTime}) - epoch(CAST(${column} AS TIMESTAMP))) / ${SECONDS_PER_DAY}`;
    case 'text':
      return `CASE WHEN ${column} IS NULL THEN NULL ${source.categories.map((category, code) => `WHEN CAST(${column} AS VARCHAR) = ${params.bind(category)} THEN ${code}`).join(' ')} ELSE ${source.categories.length} END`;
  }
}

/** Builds the aggregates over the `kept` events, binding each window bound and each value once. */
class AggregateBuilder {
  private readonly times = new Map<string, string>();
  private readonly values = new Map<string, string>();
  /** Event columns the aggregates read, by name: alias and the expression that selects it. */
  private readonly columns = new Map<string, string>();
  private readonly customFlags = new Map<number, string>();

  constructor(
    private readonly resolved: ResolvedInstance,
    private readonly at: string,
    private readonly params: SqlParameters,
  ) {}

  time(text: string): string {
    let placeholder = this.times.get(text);
    if (placeholder === undefined) {
      placeholder = this.params.bindTime(text);
      this.times.set(text, placeholder);
    }
    return placeholder;
  }

  private since(days: number): string {
    return `event_time >= ${this.time(shiftDays(this.at, -days))}`;
  }

  private value(text: string): string {
    let placeholder = this.values.get(text);
    if (placeholder === undefined) {
      placeholder = this.params.bind(text);
      this.values.set(text, placeholder);
    }
    return placeholder;
  }

  /** The alias in `kept` of an events column (added to `kept` on first use). */
  column(name: string): string {
    let alias = this.columns.get(name);
    if (alias === undefined) {
      if (!this.resolved.catalog.fields.has(name)) throw new Error(`The column "${name}" is not in the events dataset.`);
      alias = `c${this.columns.size}`;
      this.columns.set(name, alias);
    }
    return alias;
  }

  private selector(event: EventSelector): string {
    if (event.kind === 'type') return `${this.column(event.column)} = ${this.value(event.value)}`;
    let flag = this.customFlags.get(event.index);
    if (flag === undefined) {
      flag = `custom_${event.index}`;
      this.customFlags.set(event.index, flag);
    }
    return flag;
  }

  /** `expression` aggregates `event_seconds` (min and max over plain numbers are much faster than over timestamps). */
  private daysSince(expression: string): string {
    return `(epoch(${this.time(this.at)}) - ${expression}) / ${SECONDS_PER_DAY}`;
  }

  aggregate(source: FeatureSource): string {
    switch (source.kind) {
      case 'events':
        return `count(*) FILTER (WHERE ${this.since(source.days)})`;
      case 'days_since_last':
        return this.daysSince('max(event_seconds)');
      case 'days_since_first':
        return this.daysSince('min(event_seconds)');
      case 'trend':
        return `count(*) FILTER (WHERE ${this.since(30)}) - count(*) FILTER (WHERE ${this.since(60)} AND NOT ${this.since(30)})`;
      case 'event_count':
        return `count(*) FILTER (WHERE ${this.selector(source.event)} AND ${this.since(source.days)})`;
      case 'event_days_since_last':
        return this.daysSince(`max(event_seconds) FILTER (WHERE ${this.selector(source.event)})`);
      case 'event_days_since_first':
        return this.daysSince(`min(event_seconds) FILTER (WHERE ${this.selector(source.event)})`);
      case 'sum':
        return `coalesce(sum(${this.column(source.column)}) FILTER (WHERE ${this.since(source.days)}), 0)`;
      case 'mean':
        return `avg(${this.column(source.column)}) FILTER (WHERE ${this.since(source.days)})`;
      case 'true_count':
        return `count(*) FILTER (WHERE ${this.column(source.column)} AND ${this.since(source.days)})`;
      case 'value_count':
        return `count(*) FILTER (WHERE ${this.column(source.column)} = ${this.value(source.value)} AND ${this.since(source.days)})`;
      case 'active_days':
      case 'average_gap':
      case 'distinct':
      case 'profile':
        throw new Error(`${source.kind} is not computed in the main aggregate`);
    }
  }

  /** The select list of `kept`: each column read once, text compared as text, each custom event as a flag. */
  keptColumns(): string[] {
    const columns = [...this.columns.entries()].map(([name, alias]) => {
      const field = this.resolved.catalog.fields.get(name);
      const quoted = quoteIdentifier(name);
      const expression = field?.type === 'text' ? `CAST(${quoted} AS VARCHAR)` : field?.type === 'number' ? `CAST(${quoted} AS DOUBLE)` : quoted;
      return `${expression} AS ${alias}`;
    });
    const { config, catalog } = this.resolved;
    const flags = [...this.customFlags.entries()].map(([index, flag]) => {
      const event = config.custom_events[index];
      return `coalesce(${compileConditionList(event.conditions, event.match, catalog, this.params, `custom_events.${index}.conditions`)}, false) AS ${flag}`;
    });
    return [...columns, ...flags];
  }
}
