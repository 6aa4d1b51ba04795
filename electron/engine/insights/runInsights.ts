import type { BucketCounts, RunInsights } from '../../../shared/contract/insights';
import { bucketSchema, type Bucket } from '../../../shared/contract/runs';
import { SqlParameters } from '../conditions/sqlParameters';
import { runTables } from '../pipeline/runStore';
import type { Database } from '../sql/database';
import { loadedRun } from './runCache';

export const SCORE_BINS = 40;

export function emptyBucketCounts(): BucketCounts {
  return { high: 0, medium: 0, low: 0 };
}

/** The run's score histogram (equal-width bins from the lowest to the highest probability) and top-reason counts. */
export async function runInsights(db: Database, runId: string): Promise<RunInsights> {
  return (await loadedRun(db, runId)).memo('insights', () => computeInsights(db, runId));
}

async function computeInsights(db: Database, runId: string): Promise<RunInsights> {
  const { scores } = runTables(runId);
  const range = await db.one(
    `SELECT min(probability) AS lo, max(probability) AS hi,
            min(probability) FILTER (WHERE bucket = 'high') AS high_from, max(probability) FILTER (WHERE bucket = 'low') AS low_up_to
     FROM ${scores}`,
  );
  const lo = range?.['lo'] === null || range?.['lo'] === undefined ? 0 : Number(range['lo']);
  const hi = range?.['hi'] === null || range?.['hi'] === undefined ? 1 : Number(range['hi']);
  const width = hi > lo ? (hi - lo) / SCORE_BINS : 1 / SCORE_BINS;
  const bins = Array.from({ length: SCORE_BINS }, (_, index) => ({ lower: lo + index * width, upper: lo + (index + 1) * width, counts: emptyBucketCounts() }));
  const params = new SqlParameters();
  const counted = await db.all(
    `SELECT least(CAST(floor((probability - ${params.bindNumber(lo)}) / ${params.bindNumber(width)}) AS INTEGER), ${SCORE_BINS - 1}) AS bin, bucket, count(*) AS n
     FROM ${scores} GROUP BY ALL`,
    params.values,
  );
  for (const row of counted) bins[Number(row['bin'])].counts[bucketSchema.parse(row['bucket'])] += Number(row['n']);
  const reasons = await db.all(
    `SELECT bucket, factor_1_feature AS key, count(*) AS n FROM ${scores} WHERE factor_1_feature IS NOT NULL GROUP BY ALL ORDER BY n DESC, key`,
  );
  return {
    runId,
    scoreHistogram: { bins, highFrom: nullableNumber(range?.['high_from']), lowUpTo: nullableNumber(range?.['low_up_to']) },
    topReasons: reasons.map((row) => ({ bucket: bucketSchema.parse(row['bucket']) as Bucket, key: String(row['key']), customers: Number(row['n']) })),
  };
}

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
