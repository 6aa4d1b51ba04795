import type { ScoreCard } from '../../../shared/contract/insights';
import { bucketSchema } from '../../../shared/contract/runs';
import { WorkbenchError } from '../../../shared/errors';
import { explainStoredRow, featureColumnsSql } from '../pipeline/explainCustomer';
import { runTables } from '../pipeline/runStore';
import type { Database } from '../sql/database';
import { customerProfile } from './customerProfile';
import { customerTimeline } from './customerTimeline';
import { loadedRun } from './runCache';

/** One customer's score, every factor (recomputed exactly from the saved model), event timeline and profile. */
export async function scoreCard(db: Database, runId: string, customer: string): Promise<ScoreCard> {
  const loaded = await loadedRun(db, runId);
  const { scores, features } = runTables(runId);
  // One statement: both tables are stored in customer order, so each lookup reads a single block.
  const row = await db.one(
    `SELECT s.probability AS pwb_probability, s.score AS pwb_score, s.percentile AS pwb_percentile, s.bucket AS pwb_bucket, s.realized AS pwb_realized,
            ${featureColumnsSql(loaded.run, 'f')}
     FROM ${scores} s JOIN ${features} f ON f.customer = s.customer WHERE s.customer = $1 AND f.customer = $1`,
    [customer],
  );
  if (!row) throw new WorkbenchError('not_found', `The run ${runId} did not score a customer "${customer}".`, 'customer');
  const explanation = explainStoredRow(loaded.run, loaded.model, customer, row);
  const datasets = await loaded.datasets();
  const realized = row['pwb_realized'];
  return {
    runId,
    customer,
    probability: Number(row['pwb_probability']),
    score: Number(row['pwb_score']),
    percentile: Number(row['pwb_percentile']),
    bucket: bucketSchema.parse(row['pwb_bucket']),
    realized: realized === null || realized === undefined ? null : Boolean(realized),
    baseRate: explanation.baseRate,
    factors: explanation.factors,
    timeline: await customerTimeline(db, loaded, datasets.events, customer),
    profile: await customerProfile(db, datasets.profiles, customer),
  };
}
