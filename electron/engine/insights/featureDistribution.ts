import type { FeatureDistribution } from '../../../shared/contract/insights';
import { bucketSchema, type FeatureDefinition } from '../../../shared/contract/runs';
import { WorkbenchError } from '../../../shared/errors';
import { SqlParameters } from '../conditions/sqlParameters';
import { OTHER_CATEGORY } from '../features/featureCatalog';
import { formatFeatureValue } from '../pipeline/factorSentence';
import { runTables } from '../pipeline/runStore';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import { emptyBucketCounts } from './runInsights';
import { loadedRun } from './runCache';

/** A long tail (the maximum this many times past the 99th percentile's distance from the minimum) gets an open last bin. */
const TAIL_FACTOR = 1.5;

/** One feature's values among a run's scored customers, binned, with counts per bucket. */
export async function featureDistribution(db: Database, runId: string, key: string, bins: number): Promise<FeatureDistribution> {
  const { run } = await loadedRun(db, runId);
  const feature = run.features.find((candidate) => candidate.key === key);
  if (!feature) throw new WorkbenchError('not_found', `The run ${runId} has no feature "${key}".`, 'key');
  const { scores, features } = runTables(runId);
  const column = `f.${quoteIdentifier(feature.key)}`;
  const joined = `${features} f JOIN ${scores} s USING (customer)`;
  const missingRows = await db.all(`SELECT s.bucket, count(*) AS n FROM ${joined} WHERE ${column} IS NULL OR isnan(${column}) GROUP BY ALL`);
  const missing = emptyBucketCounts();
  for (const row of missingRows) missing[bucketSchema.parse(row['bucket'])] += Number(row['n']);
  const valid = `${column} IS NOT NULL AND NOT isnan(${column})`;

  if (feature.unit === 'category' || feature.unit === 'flag') {
    const rows = await db.all(`SELECT CAST(${column} AS INTEGER) AS code, s.bucket, count(*) AS n FROM ${joined} WHERE ${valid} GROUP BY ALL ORDER BY code`);
    const byCode = new Map<number, FeatureDistribution['bins'][number]>();
    for (const row of rows) {
      const code = Number(row['code']);
      let bin = byCode.get(code);
      if (!bin) {
        bin = { label: categoryLabel(feature, code), lower: code, upper: code, counts: emptyBucketCounts() };
        byCode.set(code, bin);
      }
      bin.counts[bucketSchema.parse(row['bucket'])] += Number(row['n']);
    }
    return { runId, key, kind: 'categorical', bins: [...byCode.values()], openEnded: false, missing };
  }

  const range = await db.one(`SELECT min(${column}) AS lo, max(${column}) AS hi, quantile_cont(${column}, 0.99) AS p99 FROM ${features} f WHERE ${valid}`);
  if (!range || range['lo'] === null || range['lo'] === undefined) return { runId, key, kind: 'numeric', bins: [], openEnded: false, missing };
  const lo = Number(range['lo']);
  const max = Number(range['hi']);
  const p99 = Number(range['p99']);
  const openEnded = p99 > lo && max - lo > TAIL_FACTOR * (p99 - lo);
  let hi = openEnded ? p99 : max;
  const whole = feature.unit === 'count' || (Number.isInteger(lo) && Number.isInteger(hi) && feature.unit !== 'amount' && feature.unit !== 'ratio');
  let count = bins;
  if (whole && hi - lo + 1 <= bins) {
    // Small whole-number ranges get one bin per value.
    count = Math.max(1, hi - lo + 1);
    hi = lo + count;
  } else if (hi === lo) {
    count = 1;
    hi = lo + 1;
  }
  const width = (hi - lo) / count;
  const edges = Array.from({ length: count }, (_, index) => ({ lower: lo + index * width, upper: index === count - 1 ? hi : lo + (index + 1) * width }));
  const out: FeatureDistribution['bins'] = edges.map((edge, index) => ({
    label: binLabel(feature, edge.lower, edge.upper, whole && width === 1, openEnded && index === count - 1),
    lower: edge.lower,
    upper: edge.upper,
    counts: emptyBucketCounts(),
  }));
  const params = new SqlParameters();
  const rows = await db.all(
    `SELECT greatest(0, least(CAST(floor((${column} - ${params.bindNumber(lo)}) / ${params.bindNumber(width)}) AS INTEGER), ${count - 1})) AS bin, s.bucket, count(*) AS n
     FROM ${joined} WHERE ${valid} GROUP BY ALL`,
    params.values,
  );
  for (const row of rows) out[Number(row['bin'])].counts[bucketSchema.parse(row['bucket'])] += Number(row['n']);
  return { runId, key, kind: 'numeric', bins: out, openEnded, missing };
}

function categoryLabel(feature: FeatureDefinition, code: number): string {
  if (feature.unit === 'flag') return code !== 0 ? 'yes' : 'no';
  return feature.categories?.[code] ?? OTHER_CATEGORY;
}

function binLabel(feature: FeatureDefinition, lower: number, upper: number, single: boolean, open: boolean): string {
  const show = (value: number) => formatFeatureValue(feature, value);
  if (single) return open ? `${show(lower)}+` : show(lower);
  return open ? `≥ ${show(lower)}` : `${show(lower)}–${show(upper)}`;
}
