import type { FeatureDistribution } from '../../../shared/contract/insights';
import { bucketSchema, type Run } from '../../../shared/contract/runs';
import { WorkbenchError } from '../../../shared/errors';
import { SqlParameters } from '../conditions/sqlParameters';
import { runTables } from '../pipeline/runStore';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import { featureBinning } from './featureBins';
import { emptyBucketCounts } from './runInsights';
import { loadedRun } from './runCache';

/** One feature's values among a run's scored customers, binned, with counts per bucket (one pass over the tables). */
export async function featureDistribution(db: Database, runId: string, key: string, bins: number): Promise<FeatureDistribution> {
  const loaded = await loadedRun(db, runId);
  return loaded.memo(`distribution ${bins} ${key}`, () => computeDistribution(db, loaded.run, key, bins));
}

async function computeDistribution(db: Database, run: Run, key: string, bins: number): Promise<FeatureDistribution> {
  const { runId } = run;
  const feature = run.features.find((candidate) => candidate.key === key);
  if (!feature) throw new WorkbenchError('not_found', `The run ${runId} has no feature "${key}".`, 'key');
  const binning = await featureBinning(db, runId, feature, bins);
  const { scores, features } = runTables(runId);
  const params = new SqlParameters();
  const rows = await db.all(
    `SELECT ${binning.binSql(`f.${quoteIdentifier(feature.key)}`, params)} AS bin, s.bucket, count(*) AS n
     FROM ${features} f JOIN ${scores} s USING (customer) GROUP BY ALL`,
    params.values,
  );
  const counted = binning.bins.map((bin) => ({ ...bin, counts: emptyBucketCounts() }));
  const missing = emptyBucketCounts();
  for (const row of rows) {
    const bucket = bucketSchema.parse(row['bucket']);
    const bin = row['bin'] === null || row['bin'] === undefined ? null : Number(row['bin']);
    if (bin === null) missing[bucket] += Number(row['n']);
    else counted[bin].counts[bucket] += Number(row['n']);
  }
  return { runId, key, kind: binning.kind, bins: counted, openEnded: binning.openEnded, missing };
}
