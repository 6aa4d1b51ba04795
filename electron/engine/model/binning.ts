import { Random } from './random';
import type { CategoricalBinning, FeatureBinning, FeatureColumn, NumericBinning } from './types';

/** Bin index of the missing-value bin of a feature: right after its value bins. */
export function missingBinOf(binning: FeatureBinning): number {
  return binning.numBins;
}

function sampleNonMissing(column: FeatureColumn, sampleSize: number, random: Random): Float64Array {
  const n = column.length;
  const rows = n <= sampleSize ? null : random.sampleSorted(n, sampleSize);
  const take = rows === null ? n : rows.length;
  const values = new Float64Array(take);
  let count = 0;
  for (let k = 0; k < take; k++) {
    const v = column[rows === null ? k : rows[k]];
    if (v === v) values[count++] = v;
  }
  return values.subarray(0, count);
}

/** A cut between two sorted distinct values that keeps `low` below and `high` above. */
function midpoint(low: number, high: number): number {
  const mid = low + (high - low) / 2;
  return mid >= high ? low : mid;
}

/**
 * Quantile bin bounds: every distinct value gets its own bin when there are few; otherwise bins hold about
 * equal row counts, and a value never straddles two bins.
 */
export function fitNumericBinning(column: FeatureColumn, maxBins: number, sampleSize: number, random: Random): NumericBinning {
  const values = sampleNonMissing(column, sampleSize, random).sort();
  const distinct = new Float64Array(values.length);
  const counts = new Int32Array(values.length);
  let numDistinct = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (numDistinct > 0 && distinct[numDistinct - 1] === v) counts[numDistinct - 1]++;
    else {
      distinct[numDistinct] = v;
      counts[numDistinct++] = 1;
    }
  }
  const bounds: number[] = [];
  if (numDistinct <= maxBins) {
    for (let i = 1; i < numDistinct; i++) bounds.push(midpoint(distinct[i - 1], distinct[i]));
  } else {
    let remainingRows = values.length;
    let inBin = 0;
    for (let i = 0; i < numDistinct - 1; i++) {
      inBin += counts[i];
      const binsLeft = maxBins - bounds.length;
      const target = remainingRows / binsLeft;
      // Close the bin once it is full, or when the next value alone would overfill it.
      if (binsLeft > 1 && (inBin >= target || inBin + counts[i + 1] > target * 1.5)) {
        bounds.push(midpoint(distinct[i], distinct[i + 1]));
        remainingRows -= inBin;
        inBin = 0;
      }
    }
  }
  return { kind: 'numeric', upperBounds: Float64Array.from(bounds), numBins: bounds.length + 1 };
}

/** One bin per code; beyond `maxBins` codes, the rarest share the last bin (category -1). Negative or NaN = missing. */
export function fitCategoricalBinning(column: FeatureColumn, maxBins: number): CategoricalBinning {
  const frequency = new Map<number, number>();
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v >= 0) frequency.set(v, (frequency.get(v) ?? 0) + 1);
  }
  let codes = [...frequency.keys()];
  if (codes.length > maxBins) {
    codes.sort((a, b) => (frequency.get(b) ?? 0) - (frequency.get(a) ?? 0) || a - b);
    codes = codes.slice(0, maxBins - 1).sort((a, b) => a - b);
    codes.push(-1);
  } else {
    codes.sort((a, b) => a - b);
  }
  if (codes.length === 0) codes.push(-1);
  return { kind: 'categorical', categories: Int32Array.from(codes), numBins: codes.length };
}

/** Bin of a numeric value: the first bin whose upper bound is >= value. */
export function numericBinOf(upperBounds: Float64Array, value: number): number {
  let lo = 0;
  let hi = upperBounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (upperBounds[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Bins a numeric column with a branch-free binary search: the bounds are padded with +Infinity to 255 entries, so
 * eight fixed steps count the bounds below each value (the same bin as `numericBinOf`) without mispredicted branches.
 */
function binNumericColumn(column: FeatureColumn, binning: NumericBinning, out: Uint8Array): void {
  const bounds = binning.upperBounds;
  const missing = binning.numBins;
  if (bounds.length > 255) {
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      out[i] = v === v ? numericBinOf(bounds, v) : missing;
    }
    return;
  }
  const padded = new Float64Array(255).fill(Infinity);
  padded.set(bounds);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v !== v) {
      out[i] = missing;
      continue;
    }
    let p = padded[127] < v ? 128 : 0;
    p += padded[p + 63] < v ? 64 : 0;
    p += padded[p + 31] < v ? 32 : 0;
    p += padded[p + 15] < v ? 16 : 0;
    p += padded[p + 7] < v ? 8 : 0;
    p += padded[p + 3] < v ? 4 : 0;
    p += padded[p + 1] < v ? 2 : 0;
    p += padded[p] < v ? 1 : 0;
    out[i] = p;
  }
}

function binCategoricalColumn(column: FeatureColumn, binning: CategoricalBinning, out: Uint8Array): void {
  const binOfCode = new Map<number, number>();
  let otherBin = binning.numBins;
  binning.categories.forEach((code, bin) => {
    if (code === -1) otherBin = bin;
    else binOfCode.set(code, bin);
  });
  const missing = binning.numBins;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    out[i] = v >= 0 ? (binOfCode.get(v) ?? otherBin) : missing;
  }
}

export function fitBinning(columns: readonly FeatureColumn[], categorical: readonly boolean[], maxBins: number, sampleSize: number, seed: number): FeatureBinning[] {
  const random = new Random(seed);
  return columns.map((column, f) =>
    categorical[f] ? fitCategoricalBinning(column, maxBins) : fitNumericBinning(column, maxBins, sampleSize, random),
  );
}

/** Bins every column into one column-major Uint8Array: feature f of row i is at `f * numRows + i`. */
export function binColumns(columns: readonly FeatureColumn[], binnings: readonly FeatureBinning[], shared = false): Uint8Array {
  const numRows = columns.length === 0 ? 0 : columns[0].length;
  const bins = shared ? new Uint8Array(new SharedArrayBuffer(Math.max(1, numRows * columns.length))) : new Uint8Array(numRows * columns.length);
  columns.forEach((column, f) => {
    const out = bins.subarray(f * numRows, (f + 1) * numRows);
    const binning = binnings[f];
    if (binning.kind === 'numeric') binNumericColumn(column, binning, out);
    else binCategoricalColumn(column, binning, out);
  });
  return bins;
}
