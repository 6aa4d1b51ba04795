import { operatorsByFieldType, type ConditionNode, type FieldType } from '../../../shared/conditions';
import type { FieldInfo } from '../../../shared/contract/instances';
import type { Run } from '../../../shared/contract/runs';
import type { FieldCatalog } from '../conditions/fieldCatalog';
import type { SqlParameters } from '../conditions/sqlParameters';
import { isConditionGroup } from '../../../shared/conditions';
import { tableColumnTypes } from '../datasets/datasetCatalog';
import { columnKind } from '../imports/columnKinds';
import { OTHER_CATEGORY } from '../features/featureCatalog';
import { runDatasets, type RunDataset } from '../insights/runDatasets';
import { runTables } from '../pipeline/runStore';
import { TOP_FACTORS } from '../pipeline/factorPoints';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';

export const PROFILE_PREFIX = 'profile: ';
export const REASON_FIELDS = ['top reason', 'reason 2', 'reason 3'] as const;

/** Where a segment field's values come from. */
type FieldSource =
  | { kind: 'score'; column: string }
  | { kind: 'reason'; rank: number }
  | { kind: 'feature'; key: string; unit: Run['features'][number]['unit']; categories: readonly string[] }
  | { kind: 'profile'; column: string };

export interface SegmentField extends FieldInfo {
  source: FieldSource;
  /** For the UI: what the field is. */
  description: string;
}

/** The columns of a run's scores table every segment row carries, under their own names. */
const SCORE_FIELDS: Array<{ name: string; type: FieldType; sqlType: string; description: string }> = [
  { name: 'customer', type: 'text', sqlType: 'VARCHAR', description: 'The customer id' },
  { name: 'probability', type: 'number', sqlType: 'DOUBLE', description: 'Calibrated probability, 0 to 1' },
  { name: 'score', type: 'number', sqlType: 'DOUBLE', description: 'Probability × 100, one decimal' },
  { name: 'percentile', type: 'number', sqlType: 'INTEGER', description: 'Percentile of the probability, 1 to 100' },
  { name: 'bucket', type: 'text', sqlType: 'VARCHAR', description: 'high, medium or low' },
];
/** Scores-table columns not offered as fields; no field may take their names. */
const RESERVED = new Set(['realized', 'rank', ...Array.from({ length: TOP_FACTORS }, (_, k) => [`factor_${k + 1}_feature`, `factor_${k + 1}_points`, `factor_${k + 1}_sentence`]).flat()]);

export interface SegmentCatalog extends FieldCatalog {
  run: Run;
  profiles: RunDataset | null;
  list: SegmentField[];
  byName: ReadonlyMap<string, SegmentField>;
}

/** The fields segment conditions can test over a run: scores, top reasons, features by label, profile attributes. */
export async function segmentCatalog(db: Database, run: Run): Promise<SegmentCatalog> {
  const list: SegmentField[] = SCORE_FIELDS.map((field) => ({ ...field, role: field.name === 'customer' ? 'id' : 'attribute', operators: [...operatorsByFieldType[field.type]], source: { kind: 'score', column: field.name } }));
  const taken = new Set<string>([...list.map((field) => field.name), ...RESERVED]);
  const unique = (name: string, qualifier: string) => {
    let candidate = taken.has(name) ? `${name} (${qualifier})` : name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${qualifier} ${n})`;
    taken.add(candidate);
    return candidate;
  };
  REASON_FIELDS.forEach((name, rank) => {
    taken.add(name);
    list.push({ name, type: 'text', sqlType: 'VARCHAR', role: 'attribute', operators: [...operatorsByFieldType.text], source: { kind: 'reason', rank: rank + 1 }, description: `The feature that moves the probability most${rank === 0 ? '' : ` after ${rank === 1 ? 'the top reason' : 'the first two'}`}, by its label` });
  });
  for (const feature of run.features) {
    const type: FieldType = feature.unit === 'category' ? 'text' : feature.unit === 'flag' ? 'boolean' : 'number';
    list.push({
      name: unique(feature.label, feature.key),
      type,
      sqlType: type === 'text' ? 'VARCHAR' : type === 'boolean' ? 'BOOLEAN' : 'FLOAT',
      role: 'attribute',
      operators: [...operatorsByFieldType[type]],
      source: { kind: 'feature', key: feature.key, unit: feature.unit, categories: feature.categories ?? [] },
      description: feature.sentence,
    });
  }
  const { profiles } = await runDatasets(db, run);
  if (profiles) {
    for (const column of await tableColumnTypes(db, profiles.tableName)) {
      const kind = columnKind(column.type);
      if (kind === 'other' || column.name === profiles.summary.idColumn) continue;
      list.push({
        name: unique(`${PROFILE_PREFIX}${column.name}`, 'profile'),
        type: kind,
        sqlType: column.type,
        role: 'attribute',
        operators: [...operatorsByFieldType[kind]],
        source: { kind: 'profile', column: column.name },
        description: `The profile attribute "${column.name}"`,
      });
    }
  }
  const byName = new Map(list.map((field) => [field.name, field]));
  return { source: 'the segment fields of this run', fields: byName, run, profiles, list, byName };
}

/** The field names a condition tree names. */
export function fieldsNamed(nodes: readonly ConditionNode[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (isConditionGroup(node)) fieldsNamed(node.conditions, into);
    else into.add(node.field);
  }
  return into;
}

/**
 * A FROM-able relation of the run's scored customers: every scores column under its own name, plus the named fields
 * (only those: a segment on scores alone reads no feature or profile). Labels and category names are bound values.
 */
export function segmentRelationSql(catalog: SegmentCatalog, names: ReadonlySet<string>, params: SqlParameters): string {
  const { scores, features } = runTables(catalog.run.runId);
  const extra: string[] = [];
  let joinFeatures = false;
  const profileColumns = new Set<string>();
  for (const name of names) {
    const field = catalog.byName.get(name);
    if (!field) continue; // The compiler reports unknown fields with their path.
    const alias = quoteIdentifier(field.name);
    const { source } = field;
    switch (source.kind) {
      case 'score':
        break;
      case 'reason': {
        const cases = catalog.run.features.map((feature) => `WHEN ${params.bind(feature.key)} THEN ${params.bind(feature.label)}`).join(' ');
        extra.push(`CASE s.factor_${source.rank}_feature ${cases} END AS ${alias}`);
        break;
      }
      case 'feature': {
        joinFeatures = true;
        const column = `f.${quoteIdentifier(source.key)}`;
        if (source.unit === 'category') {
          const cases = source.categories.map((category, code) => `WHEN ${params.bindNumber(code)} THEN ${params.bind(category)}`).join(' ');
          const other = params.bind(OTHER_CATEGORY);
          extra.push(`CASE WHEN ${column} IS NULL OR isnan(${column}) THEN NULL ${cases.length > 0 ? `ELSE CASE CAST(${column} AS DOUBLE) ${cases} ELSE ${other} END` : `ELSE ${other}`} END AS ${alias}`);
        } else if (source.unit === 'flag') {
          extra.push(`CASE WHEN ${column} IS NULL OR isnan(${column}) THEN NULL ELSE ${column} <> 0 END AS ${alias}`);
        } else {
          extra.push(`CASE WHEN isnan(${column}) THEN NULL ELSE ${column} END AS ${alias}`);
        }
        break;
      }
      case 'profile':
        profileColumns.add(source.column);
        extra.push(`p.${quoteIdentifier(source.column)} AS ${alias}`);
        break;
    }
  }
  const joins: string[] = [];
  if (joinFeatures) joins.push(`JOIN ${features} f ON f.customer = s.customer`);
  if (profileColumns.size > 0 && catalog.profiles) {
    const id = quoteIdentifier(catalog.profiles.summary.idColumn);
    const columns = [...profileColumns].map((column) => `any_value(${quoteIdentifier(column)}) AS ${quoteIdentifier(column)}`).join(', ');
    // pwb_profile_customer cannot clash: profile columns reach the outer query only through their aliases.
    joins.push(`LEFT JOIN (SELECT CAST(${id} AS VARCHAR) AS pwb_profile_customer, ${columns} FROM ${catalog.profiles.table} WHERE ${id} IS NOT NULL GROUP BY 1) p ON p.pwb_profile_customer = s.customer`);
  }
  return `(SELECT s.*${extra.length > 0 ? `, ${extra.join(', ')}` : ''} FROM ${scores} s ${joins.join(' ')}) AS segment_rows`;
}
