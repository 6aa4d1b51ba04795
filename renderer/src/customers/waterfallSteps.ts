import type { CustomerFactor } from '../../../shared/contract/insights';

export interface WaterfallStep {
  kind: 'base' | 'factor' | 'other' | 'total';
  label: string;
  /** What the step says in words (the factor's sentence for a factor). */
  sentence: string;
  /** Probability points (0–1 scale): the start for the base, the change for factors, the end for the total. */
  points: number;
  /** The factor's key, for a single factor. */
  key?: string;
}

export interface Waterfall {
  steps: WaterfallStep[];
  /** The factors drawn one by one, largest effect first. */
  shown: CustomerFactor[];
  /** How many factors the "other factors" step sums (0: no such step). */
  otherCount: number;
}

/** The largest effects first (as the engine sends them; sorted again so the chart never depends on it). */
export function byEffect(factors: readonly CustomerFactor[]): CustomerFactor[] {
  return [...factors].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
}

/**
 * The steps from the base rate through the `top` largest factors, the rest summed into one step, to the probability.
 * The summed step is what is left between them, so the steps add up to the probability exactly.
 */
export function waterfallSteps(card: { baseRate: number; probability: number; factors: readonly CustomerFactor[] }, top = 10): Waterfall {
  const sorted = byEffect(card.factors);
  const shown = sorted.slice(0, top);
  const rest = sorted.length - shown.length;
  const steps: WaterfallStep[] = [{ kind: 'base', label: 'Base rate', sentence: 'The probability before anything about the customer is known', points: card.baseRate }];
  for (const factor of shown) steps.push({ kind: 'factor', label: factor.label, sentence: factor.sentence, points: factor.points, key: factor.key });
  if (rest > 0) {
    const remainder = card.probability - card.baseRate - shown.reduce((sum, factor) => sum + factor.points, 0);
    steps.push({ kind: 'other', label: `Other factors (${rest})`, sentence: `${rest} smaller factors together`, points: remainder });
  }
  steps.push({ kind: 'total', label: 'Probability', sentence: 'The customer’s probability', points: card.probability });
  return { steps, shown, otherCount: rest };
}
