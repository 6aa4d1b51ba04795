import type { FeatureDefinition } from '../../../shared/contract/runs';
import type { SqlParameters } from '../conditions/sqlParameters';
import { OTHER_CATEGORY } from '../features/featureCatalog';
import { formatFeatureValue } from '../pipeline/factorSentence';
import { runTables } from '../pipeline/runStore';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';

/** A long tail (the maximum this many times past the 99th percentile's distance from the minimum) gets an open last bin. */
const TAIL_FACTOR = 1.5;

export interface FeatureBin {
  label: string;
  lower: number | null;
  upper: number | null;
}

/** How one feature's values are binned among a run's scored customers; `binSql` maps a value column to a bin index. */
export interface FeatureBinning {
  kind: 'numeric' | 'categorical';
  bins: FeatureBin[];
  openEnded: boolean;
  /** SQL giving the bin index of `column` (NULL when missing), with its values bound in `params`. */
  binSql(column: string, params: SqlParameters): string;
}

/**
 * Bins over the whole scored population, so any group of its customers (a bucket, a segment) is counted on the same
 * bins. Numbers: equal-width bins, one per value for small whole-number ranges, the last open above the 99th
 * percentile when the tail is long. Categories and flags: one bin per value present.
 */
export async function featureBinning(db: Database, runId: string, feature: FeatureDefinition, bins: number): Promise<FeatureBinning> {
  const { features } = runTables(runId);
  const column = quoteIdentifier(feature.key);
  const valid = (expression: string) => `${expression} IS NOT NULL AND NOT isnan(${expression})`;
  if (feature.unit === 'category' || feature.unit === 'flag') {
    const codes = (await db.all(`SELECT DISTINCT CAST(${column} AS INTEGER) AS code FROM ${features} WHERE ${valid(column)} ORDER BY code`)).map((row) => Number(row['code']));
    return {
      kind: 'categorical',
      bins: codes.map((code) => ({ label: categoryLabel(feature, code), lower: code, upper: code })),
      openEnded: false,
      binSql: (value, params) =>
        codes.length === 0 ? 'NULL' : `CASE WHEN ${valid(value)} THEN CASE CAST(${value} AS INTEGER) ${codes.map((code, index) => `WHEN ${params.bind(code)} THEN ${index}`).join(' ')} END END`,
    };
  }
  const range = await db.one(`SELECT min(${column}) AS lo, max(${column}) AS hi, quantile_cont(${column}, 0.99) AS p99 FROM ${features} WHERE ${valid(column)}`);
  if (!range || range['lo'] === null || range['lo'] === undefined) return { kind: 'numeric', bins: [], openEnded: false, binSql: () => 'NULL' };
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
  const single = whole && width === 1;
  return {
    kind: 'numeric',
    bins: Array.from({ length: count }, (_, index) => {
      const lower = lo + index * width;
      const upper = index === count - 1 ? hi : lo + (index + 1) * width;
      return { label: binLabel(feature, lower, upper, single, openEnded && index === count - 1), lower, upper };
    }),
    openEnded,
    binSql: (value, params) =>
      `CASE WHEN ${valid(value)} THEN greatest(0, least(CAST(floor((${value} - ${params.bindNumber(lo)}) / ${params.bindNumber(width)}) AS INTEGER), ${count - 1})) END`,
  };
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
