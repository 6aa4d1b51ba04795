import { Random } from '../model/random';
import type { FeatureColumn } from '../model/types';

/** Row indices of a stratified split: `validShare` of each class, drawn with a seeded generator, in row order. */
export function stratifiedSplit(labels: Uint8Array, validShare: number, seed: number): { train: Uint32Array; valid: Uint32Array } {
  const random = new Random(seed);
  const isValid = new Uint8Array(labels.length);
  for (const label of [0, 1]) {
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === label) rows.push(i);
    const picked = random.sampleSorted(rows.length, Math.round(rows.length * validShare));
    for (const k of picked) isValid[rows[k]] = 1;
  }
  const valid = new Uint32Array(isValid.reduce((sum, flag) => sum + flag, 0));
  const train = new Uint32Array(labels.length - valid.length);
  let t = 0;
  let v = 0;
  for (let i = 0; i < labels.length; i++) {
    if (isValid[i] === 1) valid[v++] = i;
    else train[t++] = i;
  }
  return { train, valid };
}

/** The chosen rows of each column, as new columns. */
export function takeRows(columns: readonly FeatureColumn[], rows: Uint32Array): Float32Array[] {
  return columns.map((column) => {
    const out = new Float32Array(rows.length);
    for (let k = 0; k < rows.length; k++) out[k] = column[rows[k]];
    return out;
  });
}

export function takeLabels(labels: Uint8Array, rows: Uint32Array): Uint8Array {
  const out = new Uint8Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = labels[rows[k]];
  return out;
}
