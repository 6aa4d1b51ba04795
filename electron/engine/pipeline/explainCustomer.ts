import type { CustomerFactor } from '../../../shared/contract/insights';
import type { Run } from '../../../shared/contract/runs';
import { WorkbenchError } from '../../../shared/errors';
import { explainRow, type GbdtModel } from '../model';
import type { Database, Row } from '../sql/database';
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

/** One customer's stored feature values under their keys, as training and scoring saw them; undefined when not scored. */
export function storedFeatureRow(db: Database, run: Run, customer: string): Promise<Row | undefined> {
  const columns = run.features.map((feature) => quoteIdentifier(feature.key)).join(', ');
  return db.one(`SELECT ${columns} FROM ${runTables(run.runId).features} WHERE customer = $1`, [customer]);
}

/** Every factor of one scored customer, recomputed exactly from the run's model and the customer's stored features. */
export async function explainCustomer(db: Database, runId: string, customer: string): Promise<CustomerExplanation> {
  const { run, model } = await loadedRun(db, runId);
  const row = await storedFeatureRow(db, run, customer);
  if (!row) throw new WorkbenchError('not_found', `The run ${runId} did not score a customer "${customer}".`, 'customer');
  return explainStoredRow(run, model, customer, row);
}

/** The explanation from a row holding the customer's stored feature values under their keys. */
export function explainStoredRow(run: Run, model: GbdtModel, customer: string, row: Row): CustomerExplanation {
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
