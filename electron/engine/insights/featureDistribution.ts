import type { FeatureDistribution } from '../../../shared/contract/insights';
import { bucketSchema, type Bucket, type FeatureDefinition } from '../../../shared/contract/runs';
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
  const missing = emptyBucketCounts();
  const valid = `${column} IS NOT NULL AND NOT isnan(${column})`;
  /** One pass over the joined tables: rows of (bin, bucket, n), the missing values under bin NULL. */
  const countBins = async (binSql: string, params: SqlParameters) => {
    const rows = await db.all(`SELECT CASE WHEN ${valid} THEN ${binSql} END AS bin, s.bucket, count(*) AS n FROM ${joined} GROUP BY ALL ORDER BY bin`, params.values);
    const counted: Array<{ bin: number; bucket: Bucket; n: number }> = [];
    for (const row of rows) {
      const bucket = bucketSchema.parse(row['bucket']);
      if (row['bin'] === null || row['bin'] === undefined) missing[bucket] += Number(row['n']);
      else counted.push({ bin: Number(row['bin']), bucket, n: Number(row['n']) });
    }
    return counted;
  };

  if (feature.unit === 'category' || feature.unit === 'flag') {
    const byCode = new Map<number, FeatureDistribution['bins'][number]>();
    for (const { bin: code, bucket, n } of await countBins(`CAST(${column} AS INTEGER)`, new SqlParameters())) {
      let bin = byCode.get(code);
      if (!bin) {
        bin = { label: categoryLabel(feature, code), lower: code, upper: code, counts: emptyBucketCounts() };
        byCode.set(code, bin);
      }
      bin.counts[bucket] += n;
    }
    return { runId, key, kind: 'categorical', bins: [...byCode.values()], openEnded: false, missing };
  }

  const range = await db.one(`SELECT min(${column}) AS lo, max(${column}) AS hi, quantile_cont(${column}, 0.99) AS p99 FROM ${features} f WHERE ${valid}`);
  if (!range || range['lo'] === null || range['lo'] === undefined) {
    await countBins('0', new SqlParameters());
    return { runId, key, kind: 'numeric', bins: [], openEnded: false, missing };
  }
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
  const binSql = `greatest(0, least(CAST(floor((${column} - ${params.bindNumber(lo)}) / ${params.bindNumber(width)}) AS INTEGER), ${count - 1}))`;
  for (const { bin, bucket, n } of await countBins(binSql, params)) out[bin].counts[bucket] += n;
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
