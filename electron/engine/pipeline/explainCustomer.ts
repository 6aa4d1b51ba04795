import type { CustomerFactor } from '../../../shared/contract/insights';
import { WorkbenchError } from '../../../shared/errors';
import { explainRow } from '../model';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import { calibratedProbability, calibrationSlope, contributionsToPoints } from './factorPoints';
import { factorSentence, formatFeatureValue } from './factorSentence';
import { loadedRun } from '../insights/runCache';
import { runTables } from './runStore';

export interface CustomerExplanation {
  customer: string;
  probability: number;
  baseRate: number;
  /** Every feature that moves this customer's probability, largest effect first; base rate + their points = probability. */
  factors: CustomerFactor[];
}

/** Every factor of one scored customer, recomputed exactly from the run's model and the customer's stored features. */
export async function explainCustomer(db: Database, runId: string, customer: string): Promise<CustomerExplanation> {
  const { run, model } = await loadedRun(db, runId);
  const { features } = runTables(runId);
  const row = await db.one(`SELECT ${run.features.map((feature) => quoteIdentifier(feature.key)).join(', ')} FROM ${features} WHERE customer = $1`, [customer]);
  if (!row) throw new WorkbenchError('not_found', `The run ${runId} did not score a customer "${customer}".`, 'customer');
  // The feature table holds the 32-bit values training and scoring saw, so the tree paths are the same.
  const values = Float32Array.from(run.features, (feature) => {
    const value = row[feature.key];
    return value === null || value === undefined ? NaN : Number(value);
  });
  const explanation = explainRow(model, values);
  const probability = calibratedProbability(model, explanation.rawPrediction);
  const points = new Float64Array(values.length);
  contributionsToPoints(explanation.contributions, 0, values.length, run.baseRate, probability, calibrationSlope(model, explanation.expectedValue), points);
  const factors = run.features
    .map((feature, index) => ({
      key: feature.key,
      label: feature.label,
      value: formatFeatureValue(feature, values[index]),
      rawValue: Number.isNaN(values[index]) ? null : values[index],
      points: points[index],
      sentence: factorSentence(feature, values[index], points[index]),
    }))
    .filter((factor) => factor.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return { customer, probability, baseRate: run.baseRate, factors };
}
