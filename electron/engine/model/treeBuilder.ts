import type { Tree } from './types';

/** Accumulates nodes during growth and freezes them into a typed-array Tree. */
export class TreeBuilder {
  private readonly feature: number[] = [];
  private readonly threshold: number[] = [];
  private readonly thresholdBin: number[] = [];
  private readonly missingLeft: number[] = [];
  private readonly categorical: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private readonly gain: number[] = [];
  private readonly cover: number[] = [];
  private readonly count: number[] = [];
  private readonly value: number[] = [];

  /** Adds a leaf node and returns its id. */
  addLeaf(value: number, cover: number, count: number): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.thresholdBin.push(0);
    this.missingLeft.push(0);
    this.categorical.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.gain.push(0);
    this.cover.push(cover);
    this.count.push(count);
    this.value.push(value);
    return this.feature.length - 1;
  }

  /** Turns leaf `node` into a split with the given children. */
  setSplit(node: number, feature: number, threshold: number, thresholdBin: number, missingLeft: boolean, categorical: boolean, gain: number, left: number, right: number): void {
    this.feature[node] = feature;
    this.threshold[node] = threshold;
    this.thresholdBin[node] = thresholdBin;
    this.missingLeft[node] = missingLeft ? 1 : 0;
    this.categorical[node] = categorical ? 1 : 0;
    this.gain[node] = gain;
    this.left[node] = left;
    this.right[node] = right;
  }

  build(): Tree {
    return {
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      thresholdBin: Int32Array.from(this.thresholdBin),
      missingLeft: Uint8Array.from(this.missingLeft),
      categorical: Uint8Array.from(this.categorical),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      gain: Float64Array.from(this.gain),
      cover: Float64Array.from(this.cover),
      count: Float64Array.from(this.count),
      value: Float64Array.from(this.value),
    };
  }
}
