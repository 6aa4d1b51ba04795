import { compileConditionList } from '../conditions/compileCondition';
import type { SqlParameters } from '../conditions/sqlParameters';
import { exclusionSql, type ResolvedInstance } from '../instances/resolveInstance';
import { quoteIdentifier } from '../sql/quote';
import type { EventSelector, FeatureSource } from './featureCatalog';
import type { FeaturePlan } from './featurePlan';
import { shiftDays } from './timeWindows';

const SECONDS_PER_DAY = 86400;

/**
 * One row per customer of `population` (a `SELECT customer, label` statement): `customer, label`, then every planned
 * feature as a DOUBLE column named by its key, computed only from events strictly before `at`. Ordered by customer.
 */
export function featureMatrixSql(resolved: ResolvedInstance, plan: FeaturePlan, at: string, population: string, params: SqlParameters): string {
  const builder = new AggregateBuilder(resolved, at, params);
  const eventColumns = plan.features.filter(({ source }) => source.kind !== 'profile').map(({ source, definition }) => `CAST(${builder.aggregate(source)} AS DOUBLE) AS ${quoteIdentifier(definition.key)}`);
  const profileFeatures = plan.features.filter(({ source }) => source.kind === 'profile');
  const atTime = builder.time(at);
  const profileColumns = profileFeatures.map(({ source, definition }) => `CAST(${profileValue(source, `p.${quoteIdentifier(columnOf(source))}`, atTime, params)} AS DOUBLE) AS ${quoteIdentifier(definition.key)}`);
  const { idColumn, timeColumn, eventsTable } = resolved;
  const excluded = exclusionSql(resolved, params);
  const keptColumns = builder.keptColumns();
  const selected = [...plan.features.filter(({ source }) => source.kind !== 'profile').map(({ definition }) => `a.${quoteIdentifier(definition.key)}`), ...profileColumns];
  const profileJoin =
    plan.profiles === null || profileFeatures.length === 0
      ? ''
      : `\n    LEFT JOIN (SELECT CAST(${plan.profiles.idColumn} AS VARCHAR) AS customer, ${profileFeatures
          .map(({ source }) => `first(${quoteIdentifier(columnOf(source))}) AS ${quoteIdentifier(columnOf(source))}`)
          .join(', ')} FROM ${plan.profiles.table} WHERE ${plan.profiles.idColumn} IS NOT NULL GROUP BY 1) p ON p.customer = pop.customer`;
  return `WITH pop AS (${population}),
    kept AS (
      SELECT CAST(${idColumn} AS VARCHAR) AS customer, CAST(${timeColumn} AS TIMESTAMP) AS event_time${keptColumns.map((column) => `,\n             ${column}`).join('')}
      FROM ${eventsTable}
      WHERE ${idColumn} IS NOT NULL AND ${timeColumn} IS NOT NULL AND ${timeColumn} < ${atTime} AND NOT ${excluded}
    ),
    a AS (
      SELECT customer${eventColumns.map((column) => `,\n             ${column}`).join('')}
      FROM kept GROUP BY customer
    )
    SELECT pop.customer AS customer, pop.label AS label${selected.map((column) => `,\n           ${column}`).join('')}
    FROM pop LEFT JOIN a ON a.customer = pop.customer${profileJoin}
    ORDER BY pop.customer`;
}

function columnOf(source: FeatureSource): string {
  if (!('column' in source)) throw new Error(`feature ${source.kind} reads no column`);
  return source.column;
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

  private column(name: string): string {
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

  private daysSince(expression: string): string {
    return `(epoch(${this.time(this.at)}) - epoch(${expression})) / ${SECONDS_PER_DAY}`;
  }

  aggregate(source: FeatureSource): string {
    switch (source.kind) {
      case 'events':
        return `count(*) FILTER (WHERE ${this.since(source.days)})`;
      case 'days_since_last':
        return this.daysSince('max(event_time)');
      case 'days_since_first':
        return this.daysSince('min(event_time)');
      case 'active_days':
        return 'count(DISTINCT CAST(event_time AS DATE))';
      case 'average_gap':
        return `date_diff('day', min(CAST(event_time AS DATE)), max(CAST(event_time AS DATE))) / nullif(count(DISTINCT CAST(event_time AS DATE)) - 1, 0)`;
      case 'trend':
        return `count(*) FILTER (WHERE ${this.since(30)}) - count(*) FILTER (WHERE ${this.since(60)} AND NOT ${this.since(30)})`;
      case 'event_count':
        return `count(*) FILTER (WHERE ${this.selector(source.event)} AND ${this.since(source.days)})`;
      case 'event_days_since_last':
        return this.daysSince(`max(event_time) FILTER (WHERE ${this.selector(source.event)})`);
      case 'event_days_since_first':
        return this.daysSince(`min(event_time) FILTER (WHERE ${this.selector(source.event)})`);
      case 'sum':
        return `coalesce(sum(${this.column(source.column)}) FILTER (WHERE ${this.since(source.days)}), 0)`;
      case 'mean':
        return `avg(${this.column(source.column)}) FILTER (WHERE ${this.since(source.days)})`;
      case 'true_count':
        return `count(*) FILTER (WHERE ${this.column(source.column)} AND ${this.since(source.days)})`;
      case 'distinct':
        return source.days === null ? `count(DISTINCT ${this.column(source.column)})` : `count(DISTINCT ${this.column(source.column)}) FILTER (WHERE ${this.since(source.days)})`;
      case 'value_count':
        return `count(*) FILTER (WHERE ${this.column(source.column)} = ${this.value(source.value)} AND ${this.since(source.days)})`;
      case 'profile':
        throw new Error('profile attributes are not event aggregates');
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
