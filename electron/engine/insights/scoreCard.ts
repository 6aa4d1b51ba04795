import type { ScoreCard } from '../../../shared/contract/insights';
import { bucketSchema } from '../../../shared/contract/runs';
import { WorkbenchError } from '../../../shared/errors';
import { explainCustomer } from '../pipeline/explainCustomer';
import { runTables } from '../pipeline/runStore';
import type { Database } from '../sql/database';
import { customerProfile } from './customerProfile';
import { customerTimeline } from './customerTimeline';
import { runDatasets } from './runDatasets';
import { loadedRun } from './runCache';

/** One customer's score, every factor (recomputed exactly from the saved model), event timeline and profile. */
export async function scoreCard(db: Database, runId: string, customer: string): Promise<ScoreCard> {
  const loaded = await loadedRun(db, runId);
  const row = await db.one(`SELECT probability, score, percentile, bucket, realized FROM ${runTables(runId).scores} WHERE customer = $1`, [customer]);
  if (!row) throw new WorkbenchError('not_found', `The run ${runId} did not score a customer "${customer}".`, 'customer');
  const explanation = await explainCustomer(db, runId, customer);
  const datasets = await runDatasets(db, loaded.run);
  const realized = row['realized'];
  return {
    runId,
    customer,
    probability: Number(row['probability']),
    score: Number(row['score']),
    percentile: Number(row['percentile']),
    bucket: bucketSchema.parse(row['bucket']),
    realized: realized === null || realized === undefined ? null : Boolean(realized),
    baseRate: explanation.baseRate,
    factors: explanation.factors,
    timeline: await customerTimeline(db, loaded, datasets.events, customer),
    profile: await customerProfile(db, datasets.profiles, customer),
  };
}
