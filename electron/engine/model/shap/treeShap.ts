import { goesLeft, type FlatEnsemble } from '../predict';

/**
 * Exact path-dependent TreeSHAP for one row (Lundberg et al. 2018, Algorithm 2). The "unique path" of features met
 * on the way to a node is kept as parallel arrays; each recursion level works on its own copy of the path, so all
 * levels live in one buffer of triangular size.
 */
class PathBuffer {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;

  constructor(maxDepth: number) {
    const size = ((maxDepth + 2) * (maxDepth + 3)) / 2;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }

  copy(from: number, to: number, length: number): void {
    this.feature.copyWithin(to, from, from + length);
    this.zero.copyWithin(to, from, from + length);
    this.one.copyWithin(to, from, from + length);
    this.weight.copyWithin(to, from, from + length);
  }

  extend(at: number, depth: number, zero: number, one: number, feature: number): void {
    const w = this.weight;
    this.feature[at + depth] = feature;
    this.zero[at + depth] = zero;
    this.one[at + depth] = one;
    w[at + depth] = depth === 0 ? 1 : 0;
    for (let i = depth - 1; i >= 0; i--) {
      w[at + i + 1] += (one * w[at + i] * (i + 1)) / (depth + 1);
      w[at + i] = (zero * w[at + i] * (depth - i)) / (depth + 1);
    }
  }

  unwind(at: number, depth: number, index: number): void {
    const w = this.weight;
    const one = this.one[at + index];
    const zero = this.zero[at + index];
    let next = w[at + depth];
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = w[at + i];
        w[at + i] = (next * (depth + 1)) / ((i + 1) * one);
        next = tmp - (w[at + i] * zero * (depth - i)) / (depth + 1);
      } else {
        w[at + i] = (w[at + i] * (depth + 1)) / (zero * (depth - i));
      }
    }
    for (let i = index; i < depth; i++) {
      this.feature[at + i] = this.feature[at + i + 1];
      this.zero[at + i] = this.zero[at + i + 1];
      this.one[at + i] = this.one[at + i + 1];
    }
  }

  unwoundSum(at: number, depth: number, index: number): number {
    const w = this.weight;
    const one = this.one[at + index];
    const zero = this.zero[at + index];
    let next = w[at + depth];
    let total = 0;
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = (next * (depth + 1)) / ((i + 1) * one);
        total += tmp;
        next = w[at + i] - (tmp * zero * (depth - i)) / (depth + 1);
      } else if (zero !== 0) {
        total += w[at + i] / zero / ((depth - i) / (depth + 1));
      }
    }
    return total;
  }
}

/** Depth of the deepest leaf below `node`. */
export function subtreeDepth(flat: FlatEnsemble, node: number): number {
  if (flat.feature[node] < 0) return 0;
  return 1 + Math.max(subtreeDepth(flat, flat.left[node]), subtreeDepth(flat, flat.right[node]));
}

/** Cover-weighted mean leaf value of the subtree at `node`: the tree's output when no feature is known. */
export function expectedValueOf(flat: FlatEnsemble, node: number): number {
  if (flat.feature[node] < 0) return flat.value[node];
  const cover = flat.cover[node];
  const l = flat.left[node];
  const r = flat.right[node];
  return (flat.cover[l] / cover) * expectedValueOf(flat, l) + (flat.cover[r] / cover) * expectedValueOf(flat, r);
}

function recurse(flat: FlatEnsemble, row: ArrayLike<number>, phi: Float64Array, path: PathBuffer, node: number, parentAt: number, depth: number, zero: number, one: number, feature: number): void {
  const at = parentAt + depth;
  if (depth > 0) path.copy(parentAt, at, depth);
  path.extend(at, depth, zero, one, feature);

  const f = flat.feature[node];
  if (f < 0) {
    const value = flat.value[node];
    for (let i = 1; i <= depth; i++) {
      const w = path.unwoundSum(at, depth, i);
      phi[path.feature[at + i]] += w * (path.one[at + i] - path.zero[at + i]) * value;
    }
    return;
  }

  const left = flat.left[node];
  const right = flat.right[node];
  const hot = goesLeft(row[f], flat.decision[node], flat.threshold[node]) ? left : right;
  const cold = hot === left ? right : left;
  const cover = flat.cover[node];
  let incomingZero = 1;
  let incomingOne = 1;
  let uniqueDepth = depth;
  for (let k = 1; k <= depth; k++) {
    if (path.feature[at + k] === f) {
      incomingZero = path.zero[at + k];
      incomingOne = path.one[at + k];
      path.unwind(at, depth, k);
      uniqueDepth--;
      break;
    }
  }
  recurse(flat, row, phi, path, hot, at, uniqueDepth + 1, (flat.cover[hot] / cover) * incomingZero, incomingOne, f);
  recurse(flat, row, phi, path, cold, at, uniqueDepth + 1, (flat.cover[cold] / cover) * incomingZero, 0, f);
}

/**
 * Adds the SHAP values of trees [firstTree, lastTree) for one row (values indexed by feature) into `phi`.
 * `row[f]` is the row's value of feature f.
 */
export function treeShapRow(flat: FlatEnsemble, row: ArrayLike<number>, phi: Float64Array, firstTree = 0, lastTree = flat.roots.length): void {
  for (let t = firstTree; t < lastTree; t++) {
    const root = flat.roots[t];
    const path = new PathBuffer(subtreeDepth(flat, root) + 1);
    recurse(flat, row, phi, path, root, 0, 0, 1, 1, -1);
  }
}
