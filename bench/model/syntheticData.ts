import { Random } from '../../electron/engine/model/random';
import type { BenchData } from './benchData';

/**
 * Deterministic synthetic data with a nonlinear label: mixed uniform / skewed / integer features, 3% missing
 * values in every fifth feature, and a label drawn from sigmoid of interactions, thresholds and smooth terms.
 */
export function generateSynthetic(name: string, rows: number, features: number, seed: number): BenchData {
  const random = new Random(seed);
  const values = new Float32Array(rows * features);
  const labels = new Uint8Array(rows);
  const x = new Float64Array(features);
  for (let i = 0; i < rows; i++) {
    for (let f = 0; f < features; f++) {
      const u = random.next();
      const kind = f % 3;
      let v = kind === 0 ? u * 2 - 1 : kind === 1 ? -Math.log(1 - u) : Math.floor(u * 12);
      if (f % 5 === 4 && random.next() < 0.03) v = NaN;
      x[f] = v;
      values[f * rows + i] = v;
    }
    const m = (f: number) => (Number.isNaN(x[f]) ? 0 : x[f]);
    const logit =
      1.5 * Math.sin(2.5 * m(0)) +
      0.8 * m(1) * m(3) -
      (m(2) > 6 ? 1.2 : 0) +
      0.6 * m(4) * m(4) -
      0.7 * Math.abs(m(5) - 1.5) +
      (m(6) > 0.2 && m(8) < 5 ? 1 : -0.4) +
      0.5 * Math.tanh(m(7) - 1) -
      0.3 * m(9) * Math.sign(m(0)) +
      (Number.isNaN(x[9]) ? 0.8 : 0) -
      0.4;
    labels[i] = random.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  const featureNames = Array.from({ length: features }, (_, f) => `x${f}`);
  return { meta: { name, rows, features, trainRows: Math.floor(rows * 0.8), featureNames }, values, labels };
}
