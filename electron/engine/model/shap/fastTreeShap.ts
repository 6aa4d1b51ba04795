import type { FlatEnsemble } from '../predict';
import { expectedValueOf } from './treeShap';

/**
 * Per-leaf precomputation for bulk TreeSHAP (the idea of Fast TreeSHAP v2, in a compact form).
 *
 * For a leaf with value v whose path tests d distinct features, feature j has zero fraction z_j (product of the
 * cover ratios of its nodes on the path). A row is "hot" on j when it satisfies every test of j on the path; call
 * the hot set H. The leaf's Shapley contribution then depends only on H:
 *   cold j:  phi_j = -T(H)
 *   hot j:   phi_j = (1 - z_j) / z_j * T(H \ {j})
 * with T(H) = v * prod_{k not in H} z_k * sum_{S ⊆ H} w(|S|) prod_{k in H\S} z_k and w(s) = s!(d-s-1)!/d!.
 * T is tabulated for all 2^d subsets, so explaining a row costs O(d) per leaf instead of O(d^2).
 */
export interface ShapTables {
  /** Trees explained with tables; the others (too deep for the memory budget) need the per-row algorithm. */
  tabledTrees: Int32Array;
  untabledTrees: Int32Array;
  /** Per node: bit position of its feature in the hot mask of the leaves below it. */
  pathPosition: Int32Array;
  /** Per node (leaves only): number of distinct path features, and offsets into pathFeatures/pathRatio and table. */
  leafDepth: Int32Array;
  leafPathOffset: Int32Array;
  leafTableOffset: Int32Array;
  pathFeatures: Int32Array;
  pathRatio: Float64Array;
  table: Float64Array;
  /** Cover-weighted mean output per tree. */
  treeExpectedValue: Float64Array;
}

// 2^16 table entries per leaf at most; the subset polynomials need (d + 1) times that while building.
const MAX_TABLE_DEPTH = 16;

interface LeafPath {
  leaf: number;
  features: number[];
  zero: number[];
}

function collectLeafPaths(flat: FlatEnsemble, root: number, pathPosition: Int32Array): LeafPath[] {
  const leaves: LeafPath[] = [];
  const walk = (node: number, features: number[], zero: number[]): void => {
    const f = flat.feature[node];
    if (f < 0) {
      leaves.push({ leaf: node, features, zero });
      return;
    }
    let position = features.indexOf(f);
    if (position < 0) position = features.length;
    pathPosition[node] = position;
    const cover = flat.cover[node];
    for (const child of [flat.left[node], flat.right[node]]) {
      const ratio = flat.cover[child] / cover;
      const childFeatures = position < features.length ? features : [...features, f];
      const childZero = [...zero];
      childZero[position] = (position < zero.length ? zero[position] : 1) * ratio;
      walk(child, childFeatures, childZero);
    }
  };
  walk(root, [], []);
  return leaves;
}

/** Fills table[offset .. offset + 2^d) with T(H) for every hot mask H of one leaf. */
function fillLeafTable(table: Float64Array, offset: number, value: number, zero: readonly number[]): void {
  const d = zero.length;
  const size = 1 << d;
  const full = size - 1;
  const weights = new Float64Array(d);
  let factorial = [1];
  for (let k = 1; k <= d; k++) factorial.push(factorial[k - 1] * k);
  for (let s = 0; s < d; s++) weights[s] = (factorial[s] * factorial[d - s - 1]) / factorial[d];
  factorial = [];
  // Elementary symmetric polynomials of the zero fractions in H, built subset by subset.
  const elementary = new Float64Array(size * (d + 1));
  elementary[0] = 1;
  const coldProduct = new Float64Array(size);
  coldProduct[full] = 1;
  for (let h = full - 1; h >= 0; h--) {
    let j = 0;
    while ((h >> j) & 1) j++;
    coldProduct[h] = coldProduct[h | (1 << j)] * zero[j];
  }
  for (let h = 1; h < size; h++) {
    const j = 31 - Math.clz32(h & -h);
    const previous = (h & ~(1 << j)) * (d + 1);
    const at = h * (d + 1);
    elementary[at] = 1;
    for (let m = 1; m <= d; m++) elementary[at + m] = elementary[previous + m] + zero[j] * elementary[previous + m - 1];
  }
  for (let h = 0; h < full; h++) {
    let hot = 0;
    for (let b = h; b !== 0; b &= b - 1) hot++;
    let sum = 0;
    for (let m = 0; m <= hot; m++) sum += weights[hot - m] * elementary[h * (d + 1) + m];
    table[offset + h] = value * coldProduct[h] * sum;
  }
  // Every feature hot: no cold feature reads T(full), and hot ones read subsets of it.
  table[offset + full] = 0;
}

/** Builds the bulk tables; trees whose tables would exceed `maxTableEntries` (in total) are left to the exact per-row path. */
export function buildShapTables(flat: FlatEnsemble, maxTableEntries = 1 << 25): ShapTables {
  const numNodes = flat.feature.length;
  const pathPosition = new Int32Array(numNodes);
  const leafDepth = new Int32Array(numNodes);
  const leafPathOffset = new Int32Array(numNodes);
  const leafTableOffset = new Int32Array(numNodes);
  const pathFeatures: number[] = [];
  const pathRatio: number[] = [];
  const tabled: number[] = [];
  const untabled: number[] = [];
  const treeExpectedValue = new Float64Array(flat.roots.length);
  const perTree: LeafPath[][] = [];
  let entries = 0;
  for (let t = 0; t < flat.roots.length; t++) {
    treeExpectedValue[t] = expectedValueOf(flat, flat.roots[t]);
    const leaves = collectLeafPaths(flat, flat.roots[t], pathPosition);
    const size = leaves.reduce((sum, leaf) => sum + 2 ** leaf.features.length, 0);
    if (leaves.every((leaf) => leaf.features.length <= MAX_TABLE_DEPTH) && entries + size <= maxTableEntries) {
      tabled.push(t);
      perTree.push(leaves);
      entries += size;
    } else {
      untabled.push(t);
    }
  }
  const table = new Float64Array(entries);
  let tableOffset = 0;
  for (const leaves of perTree) {
    for (const { leaf, features, zero } of leaves) {
      leafDepth[leaf] = features.length;
      leafPathOffset[leaf] = pathFeatures.length;
      leafTableOffset[leaf] = tableOffset;
      features.forEach((f, k) => {
        pathFeatures.push(f);
        pathRatio.push((1 - zero[k]) / zero[k]);
      });
      fillLeafTable(table, tableOffset, flat.value[leaf], zero);
      tableOffset += 1 << features.length;
    }
  }
  return {
    tabledTrees: Int32Array.from(tabled),
    untabledTrees: Int32Array.from(untabled),
    pathPosition,
    leafDepth,
    leafPathOffset,
    leafTableOffset,
    pathFeatures: Int32Array.from(pathFeatures),
    pathRatio: Float64Array.from(pathRatio),
    table,
    treeExpectedValue,
  };
}
