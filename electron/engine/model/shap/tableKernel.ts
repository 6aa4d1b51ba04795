import type { FlatEnsemble } from '../predict';
import type { FeatureColumn } from '../types';
import type { ShapTables } from './fastTreeShap';

/** Everything the bulk SHAP kernel reads: the flat ensemble's splits and its per-leaf tables (see fastTreeShap.ts). */
export type ShapKernelInput = { numFeatures: number } & Pick<FlatEnsemble, 'roots' | 'feature' | 'threshold' | 'decision' | 'left' | 'right'> &
  Omit<ShapTables, 'untabledTrees' | 'treeExpectedValue'>;

/**
 * Adds the SHAP values of the tabled trees for rows [rowStart, rowEnd) into `out` (row-major, numFeatures per row).
 *
 * This function must stay self-contained (no references to anything outside its body): bulkExplain.ts ships its
 * source text to worker threads, which is what lets the same code run under tsx, vitest and a bundled build.
 */
export function explainRowsWithTables(k: ShapKernelInput, columns: readonly FeatureColumn[], rowStart: number, rowEnd: number, out: Float64Array): void {
  const { numFeatures, roots, feature, threshold, decision, left, right, tabledTrees, pathPosition, leafDepth, leafPathOffset, leafTableOffset, pathFeatures, pathRatio, table } = k;
  const stackNode = new Int32Array(feature.length + 1);
  const stackMask = new Int32Array(feature.length + 1);
  for (let i = rowStart; i < rowEnd; i++) {
    const base = (i - rowStart) * numFeatures;
    for (let t = 0; t < tabledTrees.length; t++) {
      // Depth-first over every node; the mask holds, per path position, whether the row follows the path there.
      stackNode[0] = roots[tabledTrees[t]];
      stackMask[0] = -1;
      let sp = 1;
      while (sp > 0) {
        sp--;
        const n = stackNode[sp];
        const mask = stackMask[sp];
        const f = feature[n];
        if (f < 0) {
          const d = leafDepth[n];
          const hot = mask & ((1 << d) - 1);
          const at = leafTableOffset[n];
          const po = leafPathOffset[n];
          const coldValue = table[at + hot];
          for (let j = 0; j < d; j++) {
            if ((hot >> j) & 1) out[base + pathFeatures[po + j]] += pathRatio[po + j] * table[at + (hot ^ (1 << j))];
            else out[base + pathFeatures[po + j]] -= coldValue;
          }
          continue;
        }
        const x = columns[f][i];
        const dec = decision[n];
        let goLeft: boolean;
        if (x !== x || (dec >= 2 && x < 0)) goLeft = (dec & 1) !== 0;
        else if (dec < 2) goLeft = x <= threshold[n];
        else goLeft = x === threshold[n];
        const hotChild = goLeft ? left[n] : right[n];
        const coldChild = goLeft ? right[n] : left[n];
        stackNode[sp] = coldChild;
        stackMask[sp] = mask & ~(1 << pathPosition[n]);
        sp++;
        stackNode[sp] = hotChild;
        stackMask[sp] = mask;
        sp++;
      }
    }
  }
}
