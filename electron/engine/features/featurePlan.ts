import type { FeatureDefinition } from '../../../shared/contract/runs';
import { SqlParameters } from '../conditions/sqlParameters';
import { getDatasetTable, datasetTable, tableColumnTypes } from '../datasets/datasetCatalog';
import { columnKind } from '../imports/columnKinds';
import { exclusionSql, type ResolvedInstance } from '../instances/resolveInstance';
import { nullableString } from '../sql/cellValues';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import { describeFeature, type FeatureSource } from './featureCatalog';

/** Windows (days before the cutoff) for counts; sums, means and distinct counts skip the 7-day one. */
export const COUNT_WINDOWS = [7, 30, 90, 365] as const;
export const AMOUNT_WINDOWS = [30, 90, 365] as const;
export const CATEGORY_WINDOWS = [90, 365] as const;

const TOP_EVENT_TYPES = 8;
const TOP_CATEGORY_VALUES = 5;
/** Text columns with more distinct values than this are identifiers (orders, SKUs): counted distinct, not per value. */
const LOW_CARDINALITY_MAX = 30;
const PROFILE_CATEGORIES_MAX = 50;

/** A feature: how it is computed (`source`) and how it reads (`definition`). */
export interface PlannedFeature {
  definition: FeatureDefinition;
  source: FeatureSource;
}

export interface ProfileSource {
  /** Qualified, quoted profiles table and its quoted id column. */
  table: string;
  idColumn: string;
}

export interface FeaturePlan {
  features: PlannedFeature[];
  profiles: ProfileSource | null;
}

/**
 * Decides which features a run computes, from the events before the training cutoff (so the scoring features are the
 * same columns): overall activity, each frequent event type, each custom event, every numeric column, distinct counts
 * of identifier-like text columns, counts per frequent value of the other text columns, and profile attributes.
 */
export async function planFeatures(db: Database, resolved: ResolvedInstance, trainCutoff: string): Promise<FeaturePlan> {
  const sources: FeatureSource[] = [
    ...COUNT_WINDOWS.map((days): FeatureSource => ({ kind: 'events', days })),
    { kind: 'days_since_last' },
    { kind: 'days_since_first' },
    { kind: 'active_days' },
    { kind: 'average_gap' },
    { kind: 'trend' },
  ];
  const { events, catalog } = resolved;
  const typeColumn = events.eventTypeColumn !== null && catalog.fields.get(events.eventTypeColumn)?.type === 'text' ? events.eventTypeColumn : null;
  const textColumns = [...catalog.fields.values()].filter((field) => field.role === 'attribute' && field.type === 'text').map((field) => field.name);
  const profile = await textProfile(db, resolved, trainCutoff, typeColumn, textColumns);

  if (typeColumn !== null) {
    for (const value of profile.topTypes) sources.push(...perEventSources({ kind: 'type', column: typeColumn, value }));
  }
  resolved.config.custom_events.forEach((event, index) => sources.push(...perEventSources({ kind: 'custom', index, name: event.name })));
  for (const field of catalog.fields.values()) {
    if (field.role !== 'attribute') continue;
    if (field.type === 'number') {
      for (const days of AMOUNT_WINDOWS) sources.push({ kind: 'sum', column: field.name, days }, { kind: 'mean', column: field.name, days });
    } else if (field.type === 'boolean') {
      for (const days of CATEGORY_WINDOWS) sources.push({ kind: 'true_count', column: field.name, days });
    }
  }
  for (const column of textColumns) {
    const distinct = profile.distinct.get(column) ?? 0;
    if (distinct > LOW_CARDINALITY_MAX) {
      for (const days of [...AMOUNT_WINDOWS, null]) sources.push({ kind: 'distinct', column, days });
    } else if (distinct > 1) {
      for (const value of profile.topValues.get(column) ?? []) for (const days of CATEGORY_WINDOWS) sources.push({ kind: 'value_count', column, value, days });
    }
  }
  const profiles = await profileSources(db, resolved, sources);
  return { features: uniqueKeys(sources.map((source) => ({ source, definition: describeFeature(source) }))), profiles };
}

type PerEvent = { kind: 'type'; column: string; value: string } | { kind: 'custom'; index: number; name: string };

function perEventSources(event: PerEvent): FeatureSource[] {
  return [
    ...COUNT_WINDOWS.map((days): FeatureSource => ({ kind: 'event_count', event, days })),
    { kind: 'event_days_since_last', event },
    { kind: 'event_days_since_first', event },
  ];
}

interface TextProfile {
  topTypes: string[];
  distinct: Map<string, number>;
  topValues: Map<string, string[]>;
}

/** Frequent event types, and each text column's distinct count and frequent values, before the cutoff: two scans. */
async function textProfile(db: Database, resolved: ResolvedInstance, cutoff: string, typeColumn: string | null, textColumns: string[]): Promise<TextProfile> {
  const params = new SqlParameters();
  const kept = `FROM ${resolved.eventsTable} WHERE ${resolved.idColumn} IS NOT NULL AND ${resolved.timeColumn} < ${params.bindTime(cutoff)} AND NOT ${exclusionSql(resolved, params)}`;
  const distinct = new Map<string, number>();
  if (textColumns.length > 0) {
    const row = await db.one(`SELECT ${textColumns.map((column, index) => `approx_count_distinct(${quoteIdentifier(column)}) AS d${index}`).join(', ')} ${kept}`, params.values);
    textColumns.forEach((column, index) => distinct.set(column, Number(row?.[`d${index}`] ?? 0)));
  }
  const lowCardinality = textColumns.filter((column) => (distinct.get(column) ?? 0) > 1 && (distinct.get(column) ?? 0) <= LOW_CARDINALITY_MAX);
  const counted = [...(typeColumn === null ? [] : [typeColumn]), ...lowCardinality];
  const frequent = await frequentValues(db, kept, params, counted);
  const topValues = new Map(lowCardinality.map((column) => [column, (frequent.get(column) ?? []).slice(0, TOP_CATEGORY_VALUES)]));
  return { topTypes: typeColumn === null ? [] : (frequent.get(typeColumn) ?? []).slice(0, TOP_EVENT_TYPES), distinct, topValues };
}

/** Each column's values by decreasing count (ties by value), from one scan with a grouping set per column. */
async function frequentValues(db: Database, kept: string, params: SqlParameters, columns: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (columns.length === 0) return result;
  const aliases = columns.map((_, index) => `v${index}`);
  const rows = await db.all(
    `SELECT ${aliases.map((alias) => `${alias}, grouping(${alias}) AS g_${alias}`).join(', ')}, count(*) AS n
     FROM (SELECT ${columns.map((column, index) => `CAST(${quoteIdentifier(column)} AS VARCHAR) AS ${aliases[index]}`).join(', ')} ${kept})
     GROUP BY GROUPING SETS (${aliases.map((alias) => `(${alias})`).join(', ')})`,
    params.values,
  );
  columns.forEach((column, index) => {
    const counts = rows
      .filter((row) => Number(row[`g_${aliases[index]}`]) === 0)
      .map((row) => ({ value: nullableString(row[aliases[index]]), n: Number(row['n']) }))
      .filter((entry): entry is { value: string; n: number } => entry.value !== null && entry.value !== '')
      .sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    result.set(column, counts.map((entry) => entry.value));
  });
  return result;
}

/** Profile attributes become features: numbers and flags as they are, dates as days before the cutoff, text as codes of its frequent values. */
async function profileSources(db: Database, resolved: ResolvedInstance, sources: FeatureSource[]): Promise<ProfileSource | null> {
  const profiles = resolved.profiles;
  if (profiles === null) return null;
  const table = await getDatasetTable(db, profiles.id);
  if (!table) return null;
  const qualified = datasetTable(table.tableName);
  for (const column of await tableColumnTypes(db, table.tableName)) {
    if (column.name === profiles.idColumn) continue;
    const kind = columnKind(column.type);
    if (kind === 'number' || kind === 'boolean' || kind === 'time') sources.push({ kind: 'profile', column: column.name, type: kind, categories: [] });
    else if (kind === 'text') {
      const quoted = quoteIdentifier(column.name);
      const rows = await db.all(
        `SELECT CAST(${quoted} AS VARCHAR) AS value FROM ${qualified} WHERE ${quoted} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, value LIMIT ${PROFILE_CATEGORIES_MAX}`,
      );
      const categories = rows.map((row) => nullableString(row['value'])).filter((value): value is string => value !== null);
      if (categories.length > 1) sources.push({ kind: 'profile', column: column.name, type: 'text', categories });
    }
  }
  return { table: qualified, idColumn: quoteIdentifier(profiles.idColumn) };
}

/** Keys become column names: two sources that slug alike get numbered. */
function uniqueKeys(features: PlannedFeature[]): PlannedFeature[] {
  const seen = new Map<string, number>();
  return features.map((feature) => {
    const base = feature.definition.key;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? feature : { ...feature, definition: { ...feature.definition, key: `${base}_${count + 1}` } };
  });
}
