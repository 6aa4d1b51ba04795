import { DecisionTreeClassifier, type CartNode } from 'ml-cart';
import { Random } from './random';
import type { Dataset, FeatureColumn } from './types';

export interface BaselineTreeOptions {
  /** Rows sampled for training (CART here grows with n² per node). Default 5,000. */
  sampleSize?: number;
  maxDepth?: number;
  minNumSamples?: number;
  seed?: number;
}

/** The single-decision-tree baseline, flattened: node n tests `value < threshold[n]` (true = left). */
export interface BaselineTree {
  kind: 'cart';
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** Share of positives among the training sample rows in each leaf. */
  probability: number[];
  /** Value that stands in for missing values (CART cannot split on NaN): below every observed value. */
  missingValue: number;
}

function leafProbability(node: CartNode): number {
  const d = node.distribution;
  return d !== undefined && d.columns > 1 ? d.get(0, 1) : 0;
}

function flatten(root: CartNode, missingValue: number): BaselineTree {
  const tree: BaselineTree = { kind: 'cart', feature: [], threshold: [], left: [], right: [], probability: [], missingValue };
  const add = (node: CartNode): number => {
    const id = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.probability.push(0);
    if (node.left !== undefined && node.right !== undefined && node.splitColumn !== undefined && node.splitValue !== undefined) {
      tree.feature[id] = node.splitColumn;
      tree.threshold[id] = node.splitValue;
      tree.left[id] = add(node.left);
      tree.right[id] = add(node.right);
    } else {
      tree.probability[id] = leafProbability(node);
    }
    return id;
  };
  add(root);
  return tree;
}

/** Trains ml-cart's DecisionTreeClassifier on a seeded sample of at most `sampleSize` rows. */
export function trainBaselineTree(data: Dataset, options: BaselineTreeOptions = {}): BaselineTree {
  const numRows = data.labels.length;
  const sample = new Random(options.seed ?? 1).sampleSorted(numRows, Math.min(numRows, options.sampleSize ?? 5000));
  let minimum = Infinity;
  for (const column of data.features) for (let k = 0; k < sample.length; k++) if (column[sample[k]] < minimum) minimum = column[sample[k]];
  const missingValue = Number.isFinite(minimum) ? minimum - 1 - Math.abs(minimum) : -1;
  const rows = Array.from(sample, (i) => data.features.map((column) => (Number.isNaN(column[i]) ? missingValue : column[i])));
  const labels = Array.from(sample, (i) => data.labels[i]);
  const classifier = new DecisionTreeClassifier({ maxDepth: options.maxDepth ?? 6, minNumSamples: options.minNumSamples ?? 20, gainFunction: 'gini', splitFunction: 'mean' });
  classifier.train(rows, labels);
  return flatten(classifier.root, missingValue);
}

/** Probability of the positive class per row. */
export function predictBaselineTree(tree: BaselineTree, columns: readonly FeatureColumn[]): Float64Array {
  const numRows = columns.length === 0 ? 0 : columns[0].length;
  const out = new Float64Array(numRows);
  for (let i = 0; i < numRows; i++) {
    let n = 0;
    while (tree.feature[n] >= 0) {
      const raw = columns[tree.feature[n]][i];
      const x = Number.isNaN(raw) ? tree.missingValue : raw;
      n = x < tree.threshold[n] ? tree.left[n] : tree.right[n];
    }
    out[i] = tree.probability[n];
  }
  return out;
}
