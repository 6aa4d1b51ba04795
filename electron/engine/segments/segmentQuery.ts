import type { SegmentDefinition, SegmentStats } from '../../../shared/contract/segments';
import { compileConditionList } from '../conditions/compileCondition';
import { SqlParameters } from '../conditions/sqlParameters';
import type { Database } from '../sql/database';
import { fieldsNamed, segmentRelationSql, type SegmentCatalog } from './segmentFields';

export const SEGMENT_TOP_FACTORS = 5;

/** The rows of a segment: `FROM <relation> WHERE <conditions>`, with its values bound in `params`. */
export function segmentRowsSql(catalog: SegmentCatalog, definition: SegmentDefinition, params: SqlParameters, extraFields: readonly string[] = []): string {
  const relation = segmentRelationSql(catalog, fieldsNamed(definition.conditions, new Set(extraFields)), params);
  const where = compileConditionList(definition.conditions, definition.match, catalog, params, 'definition.conditions');
  return `FROM ${relation} WHERE coalesce(${where}, false)`;
}

/** Size, share, mean probability, expected conversions and most frequent top reasons of a segment. */
export async function segmentStats(db: Database, catalog: SegmentCatalog, definition: SegmentDefinition): Promise<SegmentStats> {
  const params = new SqlParameters();
  const rows = segmentRowsSql(catalog, definition, params);
  const [totals, ...reasons] = await db.all(
    `WITH members AS (SELECT probability, factor_1_feature ${rows})
     SELECT 0 AS part, NULL AS key, count(*) AS n, coalesce(avg(probability), 0) AS mean, coalesce(sum(probability), 0) AS expected FROM members
     UNION ALL
     (SELECT 1, factor_1_feature, count(*), NULL, NULL FROM members WHERE factor_1_feature IS NOT NULL GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${SEGMENT_TOP_FACTORS})
     ORDER BY part, n DESC, key`,
    params.values,
  );
  const customers = Number(totals?.['n'] ?? 0);
  const labels = new Map(catalog.run.features.map((feature) => [feature.key, feature.label]));
  return {
    customers,
    share: catalog.run.scored > 0 ? customers / catalog.run.scored : 0,
    meanProbability: Number(totals?.['mean'] ?? 0),
    expectedConversions: Number(totals?.['expected'] ?? 0),
    topFactors: reasons.map((row) => ({ key: String(row['key']), label: labels.get(String(row['key'])) ?? String(row['key']), customers: Number(row['n']) })),
  };
}
