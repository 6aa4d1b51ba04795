import type { ProfitCurve } from '../../../shared/contract/segments';

export interface ProfitInput {
  valuePerConversion: number;
  costPerContact: number;
  capacity: number | null;
}

const MAX_POINTS = 400;

/**
 * Expected profit of targeting the k most likely candidates, value × (sum of their probabilities) − cost × k, at every
 * k a probability threshold can realize: 0, and each k after which the next probability is strictly lower (a cut
 * inside a run of equal probabilities cannot be made), up to the capacity. The optimum is the best of these (the
 * smallest k on a tie); the curve is thinned to at most MAX_POINTS points, always keeping the ends and the optimum.
 */
export function profitCurve(descending: Float64Array, input: ProfitInput): ProfitCurve {
  const n = descending.length;
  const limit = input.capacity === null ? n : Math.min(n, input.capacity);
  const cuts: Array<{ targeted: number; expectedConversions: number; expectedProfit: number; probability: number | null }> = [
    { targeted: 0, expectedConversions: 0, expectedProfit: 0, probability: null },
  ];
  let expected = 0;
  for (let k = 1; k <= limit; k++) {
    expected += descending[k - 1];
    if (k < n && descending[k] === descending[k - 1]) continue;
    cuts.push({ targeted: k, expectedConversions: expected, expectedProfit: input.valuePerConversion * expected - input.costPerContact * k, probability: descending[k - 1] });
  }
  let best = cuts[0];
  for (const cut of cuts) if (cut.expectedProfit > best.expectedProfit) best = cut;
  const step = Math.max(1, Math.ceil(cuts.length / MAX_POINTS));
  const points = cuts.filter((cut, index) => index % step === 0 || index === cuts.length - 1 || cut === best);
  return {
    candidates: n,
    points,
    optimum: { targeted: best.targeted, expectedConversions: best.expectedConversions, expectedProfit: best.expectedProfit, probabilityCutoff: best.probability },
  };
}
