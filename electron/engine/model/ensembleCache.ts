import { flattenTrees, type FlatEnsemble } from './predict';
import type { GbdtModel } from './types';

const cache = new WeakMap<GbdtModel, FlatEnsemble>();

/** The model's trees flattened once and reused (models are not mutated after training). */
export function ensembleOf(model: GbdtModel): FlatEnsemble {
  let flat = cache.get(model);
  if (flat === undefined || flat.roots.length !== model.trees.length) {
    flat = flattenTrees(model.trees);
    cache.set(model, flat);
  }
  return flat;
}

/** Rejects feature columns that do not match the model's features. */
export function checkColumns(model: GbdtModel, columns: readonly unknown[]): void {
  if (columns.length !== model.featureNames.length) throw new RangeError(`the model has ${model.featureNames.length} features, got ${columns.length} columns`);
}
