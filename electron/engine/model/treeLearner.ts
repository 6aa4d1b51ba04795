import { DataPartition } from './dataPartition';
import { buildHistogram, buildHistogramAllRows, histogramLayout, subtractHistogram, type HistogramLayout } from './histogram';
import { HistogramHelper, sharedArray } from './parallelHistogram';
import { emptySplit, findBestSplit, type SplitCandidate, type SplitConstraints } from './split';
import { TreeBuilder } from './treeBuilder';
import type { FeatureBinning, TrainParams, Tree } from './types';

interface LeafState {
  node: number;
  depth: number;
  grad: number;
  hess: number;
  count: number;
  hist: Float64Array | null;
  best: SplitCandidate;
}

/** Raw threshold of a split bin: the bin's upper bound (numeric) or its code (categorical). */
function thresholdOf(binning: FeatureBinning, bin: number): number {
  if (binning.kind === 'categorical') return binning.categories[bin];
  return bin < binning.upperBounds.length ? binning.upperBounds[bin] : Infinity;
}

/** Grows one regression tree on gradients/hessians leaf-wise (best-first), with histogram subtraction. */
export class TreeLearner {
  private readonly layout: HistogramLayout;
  private readonly binCounts: Int32Array;
  private readonly partition: DataPartition;
  private readonly freeHistograms: Float64Array[] = [];
  private readonly histogramIndex = new Map<Float64Array, number>();
  private readonly orderedGrad: Float64Array;
  private readonly orderedHess: Float64Array;
  private readonly activeFeatures: Int32Array;
  private readonly constraints: SplitConstraints;
  private readonly helper: HistogramHelper | null;
  private leaves: LeafState[] = [];

  /**
   * With `params.threads` > 1, `bins`, `grad` and `hess` must live on SharedArrayBuffers (see `sharedArray`):
   * a helper thread then builds half of every large histogram.
   */
  constructor(
    private readonly bins: Uint8Array,
    private readonly numRows: number,
    private readonly binnings: readonly FeatureBinning[],
    private readonly params: TrainParams,
    private readonly grad: Float64Array,
    private readonly hess: Float64Array,
  ) {
    const threaded = params.threads > 1 && bins.buffer instanceof SharedArrayBuffer;
    this.layout = histogramLayout(binnings);
    this.binCounts = Int32Array.from(binnings.map((b) => b.numBins + 1));
    this.partition = new DataPartition(numRows, params.numLeaves, threaded ? sharedArray(Uint32Array, numRows) : new Uint32Array(numRows));
    for (let i = 0; i < params.numLeaves; i++) {
      const hist = threaded ? sharedArray(Float64Array, this.layout.totalBins * 3) : new Float64Array(this.layout.totalBins * 3);
      this.histogramIndex.set(hist, i);
      this.freeHistograms.push(hist);
    }
    this.orderedGrad = threaded ? sharedArray(Float64Array, numRows) : new Float64Array(numRows);
    this.orderedHess = threaded ? sharedArray(Float64Array, numRows) : new Float64Array(numRows);
    this.activeFeatures = threaded ? sharedArray(Int32Array, binnings.length) : new Int32Array(binnings.length);
    this.constraints = { lambdaL2: params.lambdaL2, minDataInLeaf: params.minDataInLeaf, minSumHessian: params.minSumHessian, minSplitGain: params.minSplitGain };
    this.helper = threaded
      ? new HistogramHelper({
          bins,
          numRows,
          offsets: this.layout.offsets,
          grad,
          hess,
          orderedGrad: this.orderedGrad,
          orderedHess: this.orderedHess,
          indices: this.partition.indices,
          histograms: [...this.histogramIndex.keys()],
          features: this.activeFeatures,
        })
      : null;
  }

  /** Stops the helper thread, if any. */
  dispose(): void {
    this.helper?.dispose();
  }

  /**
   * Grows a tree on rows `bagRows` (increasing; null = all rows) using only `features`.
   * Leaf values include the learning rate.
   */
  grow(bagRows: Uint32Array | null, treeFeatures: Int32Array): Tree {
    const p = this.params;
    const { grad, hess } = this;
    this.activeFeatures.set(treeFeatures);
    const features = this.activeFeatures.subarray(0, treeFeatures.length);
    const builder = new TreeBuilder();
    if (bagRows === null) this.partition.resetAll(this.numRows);
    else this.partition.reset(bagRows);

    let g = 0;
    let h = 0;
    const rootCount = this.partition.count[0];
    const idx = this.partition.indices;
    for (let k = 0; k < rootCount; k++) {
      const row = idx[k];
      g += grad[row];
      h += hess[row];
    }
    const root: LeafState = { node: builder.addLeaf(this.leafValue(g, h), h, rootCount), depth: 0, grad: g, hess: h, count: rootCount, hist: null, best: emptySplit() };
    this.leaves = [root];
    if (this.splittable(root)) {
      root.hist = this.takeHistogram(features);
      if (bagRows !== null) this.buildLeafHistogram(root.hist, 0, features);
      else if (this.helper !== null) this.helper.build(this.indexOf(root.hist), true, 0, 0, features.length);
      else buildHistogramAllRows(root.hist, this.layout, features, this.bins, this.numRows, grad, hess);
      findBestSplit(root.best, root.hist, this.layout, this.binnings, features, this.constraints, root);
    }

    while (this.leaves.length < p.numLeaves) {
      const leafIndex = this.bestLeaf();
      if (leafIndex < 0) break;
      this.splitLeaf(leafIndex, builder, features);
    }
    for (const leaf of this.leaves) this.releaseHistogram(leaf);
    return builder.build();
  }

  /** Adds each leaf's value to the scores of the rows it holds (the rows of the last grown tree). */
  addLeafValues(tree: Tree, scores: Float64Array): void {
    const idx = this.partition.indices;
    this.leaves.forEach((leaf, slot) => {
      const value = tree.value[leaf.node];
      const start = this.partition.begin[slot];
      const end = start + this.partition.count[slot];
      for (let k = start; k < end; k++) scores[idx[k]] += value;
    });
  }

  private leafValue(grad: number, hess: number): number {
    return (-grad / (hess + this.params.lambdaL2)) * this.params.learningRate;
  }

  private splittable(leaf: LeafState): boolean {
    const p = this.params;
    return (p.maxDepth === 0 || leaf.depth < p.maxDepth) && leaf.count >= 2 * p.minDataInLeaf && leaf.hess >= 2 * p.minSumHessian;
  }

  private bestLeaf(): number {
    let best = -1;
    let bestGain = -Infinity;
    this.leaves.forEach((leaf, i) => {
      if (leaf.best.feature >= 0 && leaf.best.gain > bestGain) {
        bestGain = leaf.best.gain;
        best = i;
      }
    });
    return best;
  }

  private takeHistogram(features: Int32Array): Float64Array {
    const hist = this.freeHistograms.pop();
    if (hist === undefined) throw new Error('histogram pool exhausted');
    for (let j = 0; j < features.length; j++) {
      const f = features[j];
      const start = this.layout.offsets[f] * 3;
      hist.fill(0, start, start + this.binCounts[f] * 3);
    }
    return hist;
  }

  private releaseHistogram(leaf: LeafState): void {
    if (leaf.hist !== null) {
      this.freeHistograms.push(leaf.hist);
      leaf.hist = null;
    }
  }

  private indexOf(hist: Float64Array): number {
    const index = this.histogramIndex.get(hist);
    if (index === undefined) throw new Error('histogram not from the pool');
    return index;
  }

  /** Builds a leaf's histogram; `gathered` says its ordered gradients are already in place (see DataPartition.split). */
  private buildLeafHistogram(hist: Float64Array, slot: number, features: Int32Array, gathered = false): void {
    const { grad, hess } = this;
    const start = this.partition.begin[slot];
    const end = start + this.partition.count[slot];
    const idx = this.partition.indices;
    const og = this.orderedGrad;
    const oh = this.orderedHess;
    if (!gathered) {
      for (let k = start; k < end; k++) {
        const row = idx[k];
        og[k - start] = grad[row];
        oh[k - start] = hess[row];
      }
    }
    // Below a few thousand rows the hand-off to the helper costs more than it saves.
    if (this.helper !== null && end - start >= 4096) this.helper.build(this.indexOf(hist), false, start, end, features.length);
    else buildHistogram(hist, this.layout, features, this.bins, this.numRows, idx, start, end, og, oh);
  }

  private splitLeaf(slot: number, builder: TreeBuilder, features: Int32Array): void {
    const parent = this.leaves[slot];
    const split = parent.best;
    const binning = this.binnings[split.feature];
    const newSlot = this.leaves.length;
    const gatherLeft = split.leftCount <= parent.count - split.leftCount;
    this.partition.split(slot, newSlot, this.bins, split.feature * this.numRows, split.bin, binning.numBins, split.missingLeft, split.categorical, {
      side: gatherLeft ? 'left' : 'right',
      grad: this.grad,
      hess: this.hess,
      orderedGrad: this.orderedGrad,
      orderedHess: this.orderedHess,
    });

    const lg = split.leftGrad;
    const lh = split.leftHess;
    const lc = split.leftCount;
    const rg = parent.grad - lg;
    const rh = parent.hess - lh;
    const rc = parent.count - lc;
    const leftNode = builder.addLeaf(this.leafValue(lg, lh), lh, lc);
    const rightNode = builder.addLeaf(this.leafValue(rg, rh), rh, rc);
    builder.setSplit(parent.node, split.feature, thresholdOf(binning, split.bin), split.bin, split.missingLeft, split.categorical, split.gain, leftNode, rightNode);

    const depth = parent.depth + 1;
    const left: LeafState = { node: leftNode, depth, grad: lg, hess: lh, count: lc, hist: null, best: emptySplit() };
    const right: LeafState = { node: rightNode, depth, grad: rg, hess: rh, count: rc, hist: null, best: emptySplit() };
    this.leaves[slot] = left;
    this.leaves.push(right);

    const parentHist = parent.hist;
    parent.hist = null;
    if (parentHist === null || (!this.splittable(left) && !this.splittable(right))) {
      if (parentHist !== null) this.freeHistograms.push(parentHist);
      return;
    }
    const leftIsSmaller = lc <= rc;
    const smaller = leftIsSmaller ? left : right;
    const larger = leftIsSmaller ? right : left;
    smaller.hist = this.takeHistogram(features);
    // The partition gathered the smaller side's gradients when the histogram counts picked the same side.
    this.buildLeafHistogram(smaller.hist, leftIsSmaller ? slot : newSlot, features, leftIsSmaller === gatherLeft);
    subtractHistogram(parentHist, smaller.hist, this.layout, features, this.binCounts);
    larger.hist = parentHist;

    for (const child of [left, right]) {
      if (this.splittable(child) && child.hist !== null) findBestSplit(child.best, child.hist, this.layout, this.binnings, features, this.constraints, child);
      if (child.best.feature < 0) this.releaseHistogram(child);
    }
  }
}
