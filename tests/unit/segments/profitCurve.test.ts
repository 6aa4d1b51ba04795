import { describe, expect, it } from 'vitest';
import { profitCurve } from '../../../electron/engine/segments/profitCurve';

/** Every probability threshold tried on its own: target those at or above it (or nobody), keep the best. */
function bruteForce(probabilities: number[], value: number, cost: number, capacity: number | null) {
  let best = { targeted: 0, profit: 0, cutoff: null as number | null };
  for (const cutoff of [...new Set(probabilities)].sort((a, b) => b - a)) {
    const chosen = probabilities.filter((p) => p >= cutoff);
    if (capacity !== null && chosen.length > capacity) continue;
    const profit = value * chosen.reduce((sum, p) => sum + p, 0) - cost * chosen.length;
    if (profit > best.profit + 1e-9) best = { targeted: chosen.length, profit, cutoff };
  }
  return best;
}

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('profit curve', () => {
  it('finds the same optimum as trying every cut-off, with ties, capacities and unprofitable contacts', () => {
    const random = seeded(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 300);
      // Rounded probabilities make runs of ties.
      const probabilities = Array.from({ length: n }, () => Math.round(random() * (trial % 2 === 0 ? 20 : 1000)) / (trial % 2 === 0 ? 20 : 1000));
      const value = random() * 100;
      const cost = random() * 30;
      const capacity = trial % 3 === 0 ? null : 1 + Math.floor(random() * n);
      const curve = profitCurve(Float64Array.from(probabilities).sort().toReversed(), { valuePerConversion: value, costPerContact: cost, capacity });
      const expected = bruteForce(probabilities, value, cost, capacity);
      expect(curve.optimum.targeted, `trial ${trial}`).toBe(expected.targeted);
      expect(curve.optimum.expectedProfit).toBeCloseTo(expected.profit, 6);
      expect(curve.optimum.probabilityCutoff).toBe(expected.cutoff);
      expect(curve.candidates).toBe(n);
    }
  });

  it('targets nobody when no contact pays for itself', () => {
    const curve = profitCurve(Float64Array.from([0.3, 0.2, 0.1]), { valuePerConversion: 10, costPerContact: 5, capacity: null });
    expect(curve.optimum).toEqual({ targeted: 0, expectedConversions: 0, expectedProfit: 0, probabilityCutoff: null });
  });

  it('thins a long curve to a few hundred points, keeping both ends and the optimum', () => {
    const probabilities = Float64Array.from({ length: 100_000 }, (_, i) => 1 - i / 100_000);
    // Contacting pays while 10 × p > 4.00005, that is for the first 60,000 (p from 1 down to 0.40001).
    const curve = profitCurve(probabilities, { valuePerConversion: 10, costPerContact: 4.00005, capacity: null });
    expect(curve.points.length).toBeLessThanOrEqual(402);
    expect(curve.points[0].targeted).toBe(0);
    expect(curve.points.at(-1)?.targeted).toBe(100_000);
    expect(curve.points.some((point) => point.targeted === curve.optimum.targeted)).toBe(true);
    expect(curve.optimum.targeted).toBe(60_000);
  });
});
