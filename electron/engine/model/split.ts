import type { HistogramLayout } from './histogram';
import type { FeatureBinning } from './types';

/** The best split found for a leaf; right-side sums are the leaf totals minus the left side. */
export interface SplitCandidate {
  gain: number;
  feature: number;
  /** Numeric: value bins <= bin go left. Categorical: only this bin goes left. */
  bin: number;
  missingLeft: boolean;
  categorical: boolean;
  leftGrad: number;
  leftHess: number;
  leftCount: number;
}

export function emptySplit(): SplitCandidate {
  return { gain: -Infinity, feature: -1, bin: 0, missingLeft: false, categorical: false, leftGrad: 0, leftHess: 0, leftCount: 0 };
}

export interface SplitConstraints {
  lambdaL2: number;
  minDataInLeaf: number;
  minSumHessian: number;
  minSplitGain: number;
}

/** Sums of a leaf: gradient, hessian and row count. */
export interface LeafSums {
  grad: number;
  hess: number;
  count: number;
}

function consider(
  best: SplitCandidate,
  c: SplitConstraints,
  sums: LeafSums,
  parentScore: number,
  feature: number,
  bin: number,
  missingLeft: boolean,
  categorical: boolean,
  lg: number,
  lh: number,
  lc: number,
): void {
  const rc = sums.count - lc;
  const rh = sums.hess - lh;
  if (lc < c.minDataInLeaf || rc < c.minDataInLeaf || lh < c.minSumHessian || rh < c.minSumHessian) return;
  const rg = sums.grad - lg;
  const gain = (lg * lg) / (lh + c.lambdaL2) + (rg * rg) / (rh + c.lambdaL2) - parentScore;
  if (gain > best.gain && gain > c.minSplitGain) {
    best.gain = gain;
    best.feature = feature;
    best.bin = bin;
    best.missingLeft = missingLeft;
    best.categorical = categorical;
    best.leftGrad = lg;
    best.leftHess = lh;
    best.leftCount = lc;
  }
}

function scanNumeric(best: SplitCandidate, hist: Float64Array, base: number, numBins: number, feature: number, c: SplitConstraints, sums: LeafSums, parentScore: number): void {
  const miss = base + numBins * 3;
  const mg = hist[miss];
  const mh = hist[miss + 1];
  const mc = hist[miss + 2];
  let lg = 0;
  let lh = 0;
  let lc = 0;
  // Threshold bin t: value bins <= t go left. t = numBins - 1 separates only the missing rows.
  const lastThreshold = mc > 0 ? numBins - 1 : numBins - 2;
  for (let t = 0; t <= lastThreshold; t++) {
    const b = base + t * 3;
    lg += hist[b];
    lh += hist[b + 1];
    lc += hist[b + 2];
    if (mc > 0) {
      consider(best, c, sums, parentScore, feature, t, false, false, lg, lh, lc);
      if (t < numBins - 1) consider(best, c, sums, parentScore, feature, t, true, false, lg + mg, lh + mh, lc + mc);
    } else {
      // No missing values seen: send future ones to the side with more cover.
      consider(best, c, sums, parentScore, feature, t, lh >= sums.hess - lh, false, lg, lh, lc);
    }
  }
}

function scanCategorical(best: SplitCandidate, hist: Float64Array, base: number, categories: Int32Array, feature: number, c: SplitConstraints, sums: LeafSums, parentScore: number): void {
  for (let t = 0; t < categories.length; t++) {
    if (categories[t] < 0) continue;
    const b = base + t * 3;
    if (hist[b + 2] === 0) continue;
    consider(best, c, sums, parentScore, feature, t, false, true, hist[b], hist[b + 1], hist[b + 2]);
  }
}

/** Finds the best split over `features` of a leaf whose histogram is `hist`; writes it into `best`. */
export function findBestSplit(
  best: SplitCandidate,
  hist: Float64Array,
  layout: HistogramLayout,
  binnings: readonly FeatureBinning[],
  features: Int32Array,
  c: SplitConstraints,
  sums: LeafSums,
): void {
  Object.assign(best, emptySplit());
  const parentScore = (sums.grad * sums.grad) / (sums.hess + c.lambdaL2);
  for (let j = 0; j < features.length; j++) {
    const f = features[j];
    const binning = binnings[f];
    const base = layout.offsets[f] * 3;
    if (binning.kind === 'numeric') scanNumeric(best, hist, base, binning.numBins, f, c, sums, parentScore);
    else scanCategorical(best, hist, base, binning.categories, f, c, sums, parentScore);
  }
}
