/**
 * Model core: gradient-boosted trees with binary logistic loss on plain typed arrays, exact TreeSHAP,
 * evaluation metrics, probability calibration and a single-decision-tree baseline. No dependencies beyond
 * ml-cart (baseline only); never imports 'electron'.
 *
 * Data layout everywhere: features as columns (`columns[f][i]` = feature f of row i, Float64Array or
 * Float32Array, NaN = missing); labels as Uint8Array of 0/1; optional weights as Float64Array.
 *
 * Categorical features: the pipeline supplies non-negative integer codes and flags the column in `categorical`.
 * Each code gets its own bin (beyond 255 codes, the rarest share one bin that is never split on alone); a split
 * sends one code left and every other code right (one-vs-rest, the handling one-hot encoding would give, without
 * widening the data). Negative codes and NaN are missing; codes unseen in training go right.
 */
import { predictBaselineTree as predictBaselineTreeProba, type BaselineTree as BaselineTreeModel } from './baselineTree';
import { applyCalibration, fitIsotonic, fitPlatt } from './calibration';
import { checkColumns, ensembleOf } from './ensembleCache';
import { trainGbdt, type TrainOptions } from './gbdt';
import { sigmoid } from './loss';
import { evaluateProbabilities, type Evaluation } from './metrics/evaluate';
import { predictRawFlat } from './predict';
import type { Calibrator, Dataset, FeatureColumn, GbdtModel } from './types';

export type { BaselineTree, BaselineTreeOptions } from './baselineTree';
export { predictBaselineTree, trainBaselineTree } from './baselineTree';
export { applyCalibration, fitIsotonic, fitPlatt } from './calibration';
export { expectedValue, explainRow, explainRows, type RowExplanation } from './explain';
export type { TrainOptions } from './gbdt';
export type { DecileRow } from './metrics/lift';
export type { CalibrationBin } from './metrics/probability';
export type { RocPoint } from './metrics/ranking';
export type { Evaluation } from './metrics/evaluate';
export { evaluateProbabilities } from './metrics/evaluate';
export { deserializeModel, MODEL_FORMAT, MODEL_VERSION, ModelFileError, serializeModel, type ModelFileV1 } from './modelFile';
export { DEFAULT_TRAIN_PARAMS } from './params';
export type { BulkShapOptions, BulkShapResult } from './shap/bulkExplain';
export type { Calibrator, Dataset, FeatureColumn, GbdtModel, RoundProgress, TrainParams, Tree } from './types';

/**
 * Trains the boosted-tree model. Reports `{round, totalRounds, trainLoss, validLoss}` after every round, stops early
 * on `options.valid` when `params.earlyStoppingRounds` > 0, and rejects with the signal's reason once
 * `options.signal` is aborted (checked between rounds; the loop yields to the event loop each round).
 */
export function train(data: Dataset, options?: TrainOptions): Promise<GbdtModel> {
  return trainGbdt(data, options);
}

/** Raw scores (log-odds) per row. */
export function predictRaw(model: GbdtModel, columns: readonly FeatureColumn[]): Float64Array {
  checkColumns(model, columns);
  return predictRawFlat(ensembleOf(model), model.baseScore, columns);
}

/** Probabilities per row; calibrated when the model carries a calibrator (pass `calibrated: false` to skip it). */
export function predictProba(model: GbdtModel, columns: readonly FeatureColumn[], calibrated = true): Float64Array {
  const raw = predictRaw(model, columns);
  if (calibrated && model.calibration !== undefined) return applyCalibration(model.calibration, raw);
  for (let i = 0; i < raw.length; i++) raw[i] = sigmoid(raw[i]);
  return raw;
}

/** Fits a calibrator on validation rows and returns a copy of the model carrying it (serialized with the model). */
export function fitCalibrator(model: GbdtModel, valid: Dataset, method: 'platt' | 'isotonic' = 'isotonic'): GbdtModel {
  const raw = predictRaw(model, valid.features);
  const calibration: Calibrator = method === 'platt' ? fitPlatt(raw, valid.labels) : fitIsotonic(raw, valid.labels);
  return { ...model, calibration };
}

/** Evaluation of the model's (calibrated) probabilities on labelled rows. */
export function evaluate(model: GbdtModel, data: Dataset): Evaluation {
  return evaluateProbabilities(predictProba(model, data.features), data.labels);
}

/** Anything that turns feature columns into positive-class probabilities: the model and its baselines. */
export interface ProbabilityModel {
  predictProba(columns: readonly FeatureColumn[]): Float64Array;
}

/** The boosted model behind the common predict interface. */
export function gbdtPredictor(model: GbdtModel): ProbabilityModel {
  return { predictProba: (columns) => predictProba(model, columns) };
}

/** The single-decision-tree baseline behind the common predict interface. */
export function baselinePredictor(tree: BaselineTreeModel): ProbabilityModel {
  return { predictProba: (columns) => predictBaselineTreeProba(tree, columns) };
}
