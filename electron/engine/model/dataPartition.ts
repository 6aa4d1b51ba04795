/** Where `DataPartition.split` copies one side's gradients, in that side's row order. */
export interface OrderedGather {
  side: 'left' | 'right';
  grad: Float64Array;
  hess: Float64Array;
  orderedGrad: Float64Array;
  orderedHess: Float64Array;
}

/**
 * Row indices grouped by leaf so that each leaf's rows are one contiguous, increasing run
 * (the idea of LightGBM's DataPartition): histogram building reads a leaf's rows without scanning others.
 */
export class DataPartition {
  readonly indices: Uint32Array;
  readonly begin: Int32Array;
  readonly count: Int32Array;
  private readonly scratch: Uint32Array;

  constructor(numRows: number, maxLeaves: number, indices = new Uint32Array(numRows)) {
    this.indices = indices;
    this.scratch = new Uint32Array(numRows);
    this.begin = new Int32Array(maxLeaves);
    this.count = new Int32Array(maxLeaves);
  }

  /** Puts `rows` (increasing) into leaf 0. */
  reset(rows: Uint32Array): void {
    this.indices.set(rows);
    this.begin[0] = 0;
    this.count[0] = rows.length;
  }

  /** Puts all rows 0..n-1 into leaf 0. */
  resetAll(numRows: number): void {
    for (let i = 0; i < numRows; i++) this.indices[i] = i;
    this.begin[0] = 0;
    this.count[0] = numRows;
  }

  /**
   * Splits `leaf` by a test on one bin column: rows going left stay in `leaf`, the others move to `newLeaf`.
   * Stable, so both runs stay increasing. Returns the number of rows that went left.
   * With `gather`, the gradients of the side it names are copied in row order into its ordered arrays on the way,
   * which saves the histogram build a second pass over that side's rows.
   */
  split(
    leaf: number,
    newLeaf: number,
    column: Uint8Array,
    columnOffset: number,
    thresholdBin: number,
    missingBin: number,
    missingLeft: boolean,
    categorical: boolean,
    gather: OrderedGather | null = null,
  ): number {
    const start = this.begin[leaf];
    const end = start + this.count[leaf];
    const idx = this.indices;
    const scratch = this.scratch;
    let left = start;
    let right = 0;
    if (gather === null) {
      for (let k = start; k < end; k++) {
        const row = idx[k];
        const b = column[columnOffset + row];
        const goLeft = b === missingBin ? missingLeft : categorical ? b === thresholdBin : b <= thresholdBin;
        if (goLeft) idx[left++] = row;
        else scratch[right++] = row;
      }
    } else {
      const { grad, hess, orderedGrad, orderedHess } = gather;
      const gatherLeft = gather.side === 'left';
      for (let k = start; k < end; k++) {
        const row = idx[k];
        const b = column[columnOffset + row];
        const goLeft = b === missingBin ? missingLeft : categorical ? b === thresholdBin : b <= thresholdBin;
        if (goLeft) {
          if (gatherLeft) {
            orderedGrad[left - start] = grad[row];
            orderedHess[left - start] = hess[row];
          }
          idx[left++] = row;
        } else {
          if (!gatherLeft) {
            orderedGrad[right] = grad[row];
            orderedHess[right] = hess[row];
          }
          scratch[right++] = row;
        }
      }
    }
    idx.set(scratch.subarray(0, right), left);
    const leftCount = left - start;
    this.count[leaf] = leftCount;
    this.begin[newLeaf] = left;
    this.count[newLeaf] = right;
    return leftCount;
  }
}
