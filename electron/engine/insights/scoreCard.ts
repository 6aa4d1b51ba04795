import type { ScoreCard } from '../../../shared/contract/insights';
import { bucketSchema } from '../../../shared/contract/runs';
import { WorkbenchError } from '../../../shared/errors';
import { explainStoredRow, storedFeatureRow } from '../pipeline/explainCustomer';
import { runTables } from '../pipeline/runStore';
import type { Database } from '../sql/database';
import { customerProfile } from './customerProfile';
import { customerTimeline } from './customerTimeline';
import { loadedRun } from './runCache';

/**
 * One customer's score, every factor (recomputed exactly from the saved model), event timeline and profile.
 * Given a second connection, the feature row is read on one while the score, timeline and profile are read on the
 * other: each is a point lookup that costs a scan of one row group, and the card waits for the slower half only.
 */
export async function scoreCard(db: Database, runId: string, customer: string, alongside: Database = db): Promise<ScoreCard> {
  const loaded = await loadedRun(db, runId);
  const { scores } = runTables(runId);
  const readFeatures = () => storedFeatureRow(db, loaded.run, customer);
  const readRest = async () => {
    const score = await alongside.one(`SELECT probability, score, percentile, bucket, realized FROM ${scores} WHERE customer = $1`, [customer]);
    if (!score) return null;
    const datasets = await loaded.datasets();
    const timeline = await customerTimeline(alongside, loaded, datasets.events, customer);
    return { score, timeline, profile: await customerProfile(alongside, datasets.profiles, customer) };
  };
  const [featureRow, rest] = alongside === db ? [await readFeatures(), await readRest()] : await Promise.all([readFeatures(), readRest()]);
  if (!featureRow || !rest) throw new WorkbenchError('not_found', `The run ${runId} did not score a customer "${customer}".`, 'customer');
  const explanation = explainStoredRow(loaded.run, loaded.model, customer, featureRow);
  const { score, timeline, profile } = rest;
  const realized = score['realized'];
  return {
    runId,
    customer,
    probability: Number(score['probability']),
    score: Number(score['score']),
    percentile: Number(score['percentile']),
    bucket: bucketSchema.parse(score['bucket']),
    realized: realized === null || realized === undefined ? null : Boolean(realized),
    baseRate: explanation.baseRate,
    factors: explanation.factors,
    timeline,
    profile,
  };
}
