import { checkColumns, ensembleOf } from './ensembleCache';
import { explainRowsBulk, type BulkShapOptions, type BulkShapResult } from './shap/bulkExplain';
import { expectedValueOf, treeShapRow } from './shap/treeShap';
import type { FeatureColumn, GbdtModel } from './types';

export interface RowExplanation {
  /** SHAP value per feature, in log-odds. */
  contributions: Float64Array;
  /** The model's output with no feature known (base score + each tree's cover-weighted mean). */
  expectedValue: number;
  /** expectedValue + sum(contributions) = the row's raw score. */
  rawPrediction: number;
}

/** The model's expected raw output (log-odds) under path-dependent TreeSHAP. */
export function expectedValue(model: GbdtModel): number {
  const flat = ensembleOf(model);
  let sum = model.baseScore;
  for (let t = 0; t < flat.roots.length; t++) sum += expectedValueOf(flat, flat.roots[t]);
  return sum;
}

/** Exact path-dependent TreeSHAP for one row; `row[f]` is the value of feature f (NaN = missing). */
export function explainRow(model: GbdtModel, row: ArrayLike<number>): RowExplanation {
  const flat = ensembleOf(model);
  const contributions = new Float64Array(model.featureNames.length);
  treeShapRow(flat, row, contributions);
  const base = expectedValue(model);
  return { contributions, expectedValue: base, rawPrediction: contributions.reduce((s, v) => s + v, base) };
}

/** TreeSHAP for every row of `columns`, split over worker threads. */
export function explainRows(model: GbdtModel, columns: readonly FeatureColumn[], options?: BulkShapOptions): Promise<BulkShapResult> {
  checkColumns(model, columns);
  return explainRowsBulk(ensembleOf(model), model.baseScore, columns, options);
}
