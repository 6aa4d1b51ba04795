import type { FeatureColumn, Tree } from './types';

/** All trees of a model in one set of node arrays (node ids are global), for fast batch prediction. */
export interface FlatEnsemble {
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  /** bit 0: missing goes left; bit 1: categorical equality test. */
  decision: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  cover: Float64Array;
}

export const MISSING_LEFT = 1;
export const CATEGORICAL = 2;

export function flattenTrees(trees: readonly Tree[]): FlatEnsemble {
  const total = trees.reduce((sum, t) => sum + t.feature.length, 0);
  const flat: FlatEnsemble = {
    roots: new Int32Array(trees.length),
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    decision: new Uint8Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
    cover: new Float64Array(total),
  };
  let offset = 0;
  trees.forEach((tree, t) => {
    flat.roots[t] = offset;
    for (let n = 0; n < tree.feature.length; n++) {
      const g = offset + n;
      flat.feature[g] = tree.feature[n];
      flat.threshold[g] = tree.threshold[n];
      flat.decision[g] = (tree.missingLeft[n] ? MISSING_LEFT : 0) | (tree.categorical[n] ? CATEGORICAL : 0);
      flat.left[g] = tree.left[n] < 0 ? -1 : offset + tree.left[n];
      flat.right[g] = tree.right[n] < 0 ? -1 : offset + tree.right[n];
      flat.value[g] = tree.value[n];
      flat.cover[g] = tree.cover[n];
    }
    offset += tree.feature.length;
  });
  return flat;
}

/** True if a row with value `x` goes to the left child of a node with this decision and threshold. */
export function goesLeft(x: number, decision: number, threshold: number): boolean {
  if (x !== x || ((decision & CATEGORICAL) !== 0 && x < 0)) return (decision & MISSING_LEFT) !== 0;
  return (decision & CATEGORICAL) !== 0 ? x === threshold : x <= threshold;
}

/** Adds the outputs of trees [firstTree, lastTree) for rows [rowStart, rowEnd) into `out[i - rowStart]`. */
export function addTreeOutputs(flat: FlatEnsemble, features: readonly FeatureColumn[], out: Float64Array, rowStart: number, rowEnd: number, firstTree = 0, lastTree = flat.roots.length): void {
  const { feature, threshold, decision, left, right, value } = flat;
  for (let t = firstTree; t < lastTree; t++) {
    const root = flat.roots[t];
    for (let i = rowStart; i < rowEnd; i++) {
      let n = root;
      let f = feature[n];
      while (f >= 0) {
        const x = features[f][i];
        const d = decision[n];
        let goLeft: boolean;
        if (x !== x || (d >= CATEGORICAL && x < 0)) goLeft = (d & MISSING_LEFT) !== 0;
        else if (d < CATEGORICAL) goLeft = x <= threshold[n];
        else goLeft = x === threshold[n];
        n = goLeft ? left[n] : right[n];
        f = feature[n];
      }
      out[i - rowStart] += value[n];
    }
  }
}

/** Raw scores (log-odds) for every row. */
export function predictRawFlat(flat: FlatEnsemble, baseScore: number, features: readonly FeatureColumn[]): Float64Array {
  const numRows = features.length === 0 ? 0 : features[0].length;
  const out = new Float64Array(numRows).fill(baseScore);
  // Blocks of rows keep the rows' feature values in cache while every tree visits them.
  const block = 4096;
  for (let start = 0; start < numRows; start += block) {
    const end = Math.min(numRows, start + block);
    addTreeOutputs(flat, features, out.subarray(start, end), start, end);
  }
  return out;
}

/** Adds one tree's output to `scores` for all rows, deciding on bins (training rows). */
export function addBinnedTreeOutputs(tree: Tree, bins: Uint8Array, numRows: number, missingBins: Int32Array, scores: Float64Array): void {
  const { feature, thresholdBin, missingLeft, categorical, left, right, value } = tree;
  for (let i = 0; i < numRows; i++) {
    let n = 0;
    let f = feature[0];
    while (f >= 0) {
      const b = bins[f * numRows + i];
      const goLeft = b === missingBins[f] ? missingLeft[n] === 1 : categorical[n] === 1 ? b === thresholdBin[n] : b <= thresholdBin[n];
      n = goLeft ? left[n] : right[n];
      f = feature[n];
    }
    scores[i] += value[n];
  }
}
