import type { FieldValues } from '../../../shared/contract/instances';
import { WorkbenchError } from '../../../shared/errors';
import { fieldValues } from '../conditions/fieldValues';
import { OTHER_CATEGORY } from '../features/featureCatalog';
import { runTables } from '../pipeline/runStore';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import type { SegmentCatalog } from './segmentFields';

/** What a segment field holds, for the value pickers: frequent values with counts, or the range. */
export async function segmentFieldValues(db: Database, catalog: SegmentCatalog, name: string, search: string, limit: number): Promise<FieldValues> {
  const field = catalog.byName.get(name);
  if (!field) throw new WorkbenchError('invalid_input', `There is no segment field "${name}" for the run ${catalog.run.runId}.`, 'field');
  const { scores, features } = runTables(catalog.run.runId);
  const { source } = field;
  switch (source.kind) {
    case 'score':
      return fieldValues(db, scores, { source: catalog.source, fields: new Map([[source.column, { ...field, name: source.column }]]) }, source.column, search, limit);
    case 'reason': {
      // Counted by feature key, then named: labels are not stored with the scores.
      const rows = await db.all(`SELECT factor_${source.rank}_feature AS key, count(*) AS n FROM ${scores} GROUP BY 1 ORDER BY n DESC, key`);
      const labels = new Map(catalog.run.features.map((feature) => [feature.key, feature.label]));
      const counted = rows.filter((row) => row['key'] !== null).map((row) => ({ value: labels.get(String(row['key'])) ?? String(row['key']), count: Number(row['n']) }));
      const matching = counted.filter((entry) => entry.value.toLowerCase().includes(search.toLowerCase()));
      const missing = Number(rows.find((row) => row['key'] === null)?.['n'] ?? 0);
      return { type: 'text', values: matching.slice(0, limit), distinct: matching.length, missing };
    }
    case 'feature': {
      const column = quoteIdentifier(source.key);
      if (source.unit === 'category' || source.unit === 'flag') {
        const rows = await db.all(`SELECT CASE WHEN isnan(${column}) THEN NULL ELSE CAST(${column} AS INTEGER) END AS code, count(*) AS n FROM ${features} GROUP BY 1 ORDER BY n DESC, code`);
        const missing = Number(rows.find((row) => row['code'] === null)?.['n'] ?? 0);
        const present = rows.filter((row) => row['code'] !== null);
        if (source.unit === 'flag') return { type: 'boolean', values: present.map((row) => ({ value: Number(row['code']) !== 0, count: Number(row['n']) })), missing };
        const named = present.map((row) => ({ value: source.categories[Number(row['code'])] ?? OTHER_CATEGORY, count: Number(row['n']) })).filter((entry) => entry.value.toLowerCase().includes(search.toLowerCase()));
        return { type: 'text', values: named.slice(0, limit), distinct: named.length, missing };
      }
      const relation = `(SELECT CASE WHEN isnan(${column}) THEN NULL ELSE ${column} END AS ${quoteIdentifier(field.name)} FROM ${features}) AS feature_values`;
      return fieldValues(db, relation, { source: catalog.source, fields: new Map([[field.name, field]]) }, field.name, search, limit);
    }
    case 'profile': {
      const profiles = catalog.profiles!;
      return fieldValues(db, profiles.table, { source: `the dataset "${profiles.summary.name}"`, fields: new Map([[source.column, { ...field, name: source.column }]]) }, source.column, search, limit);
    }
  }
}
