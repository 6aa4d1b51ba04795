import { Random } from '../../../electron/engine/model/random';
import type { Dataset } from '../../../electron/engine/model/types';

/** Rows with a nonlinear label: uniform features in [-1, 1], some missing, label from a noisy interaction. */
export function nonlinearDataset(numRows: number, numFeatures: number, seed: number, missingRate = 0.05): Dataset {
  const random = new Random(seed);
  const features = Array.from({ length: numFeatures }, () => new Float64Array(numRows));
  const labels = new Uint8Array(numRows);
  for (let i = 0; i < numRows; i++) {
    for (let f = 0; f < numFeatures; f++) features[f][i] = random.next() < missingRate ? NaN : random.next() * 2 - 1;
    const x0 = Number.isNaN(features[0][i]) ? 0.5 : features[0][i];
    const x1 = Number.isNaN(features[1][i]) ? 0 : features[1][i];
    const x2 = numFeatures > 2 && !Number.isNaN(features[2][i]) ? features[2][i] : 0;
    const signal = Math.sin(3 * x0) + 2 * x1 * x2 + (x1 > 0.3 ? 1 : -0.5);
    labels[i] = signal + random.next() - 0.5 > 0.2 ? 1 : 0;
  }
  return { features, labels };
}
