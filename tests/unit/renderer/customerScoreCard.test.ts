import { describe, expect, it } from 'vitest';
import type { CustomerFactor, FeatureDistribution } from '../../../shared/contract/insights';
import { bucketTone } from '../../../renderer/src/customers/bucketColor';
import { wrapLabel } from '../../../renderer/src/customers/chartText';
import { binOf, standing } from '../../../renderer/src/customers/distributionStanding';
import { daysBetween } from '../../../renderer/src/customers/timelineDays';
import { formatPoints, formatProbability } from '../../../renderer/src/customers/customerFormat';
import { byEffect, waterfallSteps } from '../../../renderer/src/customers/waterfallSteps';

const factor = (key: string, points: number): CustomerFactor => ({ key, label: `Label ${key}`, value: '1', rawValue: 1, points, sentence: `Sentence ${key}` });

describe('waterfall steps', () => {
  const factors = Array.from({ length: 14 }, (_, index) => factor(`f${index}`, (index % 2 === 0 ? 1 : -1) * (0.05 - index * 0.003)));
  const baseRate = 0.2;
  const probability = baseRate + factors.reduce((sum, entry) => sum + entry.points, 0);

  it('starts at the base rate, takes the ten largest factors one by one, sums the rest, and ends at the probability', () => {
    const shuffled = factors.toReversed();
    const { steps, shown, otherCount } = waterfallSteps({ baseRate, probability, factors: shuffled }, 10);
    expect(steps.map((step) => step.kind)).toEqual(['base', ...Array.from({ length: 10 }, () => 'factor'), 'other', 'total']);
    expect(shown.map((entry) => entry.key)).toEqual(factors.slice(0, 10).map((entry) => entry.key));
    expect(otherCount).toBe(4);
    expect(steps.at(-2)?.label).toBe('Other factors (4)');
    expect(steps.at(-2)?.points).toBeCloseTo(factors.slice(10).reduce((sum, entry) => sum + entry.points, 0), 12);
    expect(steps[0].points).toBe(baseRate);
    expect(steps.at(-1)?.points).toBe(probability);
    const end = steps.slice(0, -1).reduce((sum, step) => sum + step.points, 0);
    expect(end).toBeCloseTo(probability, 12);
    expect(steps[1].sentence).toBe('Sentence f0');
  });

  it('has no "other" step when every factor is drawn, and none at all without factors', () => {
    const few = factors.slice(0, 3);
    const total = baseRate + few.reduce((sum, entry) => sum + entry.points, 0);
    expect(waterfallSteps({ baseRate, probability: total, factors: few }).steps.map((step) => step.kind)).toEqual(['base', 'factor', 'factor', 'factor', 'total']);
    expect(waterfallSteps({ baseRate, probability: baseRate, factors: [] }).steps.map((step) => step.kind)).toEqual(['base', 'total']);
  });

  it('orders by the size of the effect, either sign', () => {
    expect(byEffect([factor('a', 0.01), factor('b', -0.03), factor('c', 0.02)]).map((entry) => entry.key)).toEqual(['b', 'c', 'a']);
  });

  it('writes probabilities with one decimal always, and points as signed percentage points', () => {
    expect(formatProbability(0.73)).toBe('73.0%');
    expect(formatProbability(0.482056)).toBe('48.2%');
    expect(formatProbability(1)).toBe('100.0%');
    expect(formatPoints(0.0611)).toBe('+6.1 pts');
    expect(formatPoints(-0.03847)).toBe('−3.8 pts');
    expect(formatPoints(0)).toBe('+0.0 pts');
  });
});

describe('where a value stands in a distribution', () => {
  const counts = (n: number) => ({ high: n, medium: 0, low: 0 });
  const numeric: FeatureDistribution = {
    runId: 'run_x',
    key: 'k',
    kind: 'numeric',
    bins: [
      { label: '0–10', lower: 0, upper: 10, counts: counts(10) },
      { label: '10–20', lower: 10, upper: 20, counts: { high: 5, medium: 10, low: 15 } },
      { label: '20–30', lower: 20, upper: 30, counts: counts(40) },
      { label: '≥ 30', lower: 30, upper: 90, counts: counts(20) },
    ],
    openEnded: true,
    missing: { high: 0, medium: 3, low: 7 },
  };

  it('finds the bin of a number: lower edge in, upper edge out, the last bin open above', () => {
    expect(binOf(numeric, 0)).toBe(0);
    expect(binOf(numeric, 9.99)).toBe(0);
    expect(binOf(numeric, 10)).toBe(1);
    expect(binOf(numeric, 29.5)).toBe(2);
    expect(binOf(numeric, 30)).toBe(3);
    expect(binOf(numeric, 5000)).toBe(3);
    expect(binOf(numeric, -1)).toBe(0);
    expect(binOf(numeric, null)).toBeNull();
  });

  it('counts the population over all three buckets: higher than the bins below, sharing its own bin', () => {
    const where = standing(numeric, 25);
    expect(where).toEqual({ bin: 2, withValue: 100, missing: 10, below: 40, same: 40, higherThanPercent: 40, samePercent: 40 });
    expect(standing(numeric, 3).higherThanPercent).toBe(0);
    expect(standing(numeric, 100).higherThanPercent).toBe(80);
  });

  it('says nothing of rank for a missing value or a category, but the share of its category', () => {
    expect(standing(numeric, null)).toMatchObject({ bin: null, higherThanPercent: null, missing: 10 });
    const categorical: FeatureDistribution = {
      ...numeric,
      kind: 'categorical',
      bins: [
        { label: 'gold', lower: 2, upper: 2, counts: counts(25) },
        { label: 'silver', lower: 1, upper: 1, counts: counts(75) },
      ],
    };
    expect(binOf(categorical, 1)).toBe(1);
    expect(binOf(categorical, 7)).toBeNull();
    expect(standing(categorical, 2)).toMatchObject({ bin: 0, higherThanPercent: null, samePercent: 25 });
  });
});

describe('score card wording', () => {
  it('colours high conversion as welcome and high churn as not', () => {
    expect(bucketTone('conversion', 'high')).toBe('good');
    expect(bucketTone('conversion', 'low')).toBe('bad');
    expect(bucketTone('churn', 'high')).toBe('bad');
    expect(bucketTone('churn', 'low')).toBe('good');
    expect(bucketTone('churn', 'medium')).toBe('neutral');
  });

  it('wraps long axis labels onto two lines and escapes markup', () => {
    expect(wrapLabel('Base rate')).toBe('Base rate');
    const wrapped = wrapLabel('Events with category "Sports & Outdoors" in the last 365 days', 26, 2);
    const lines = wrapped.split('<br>');
    expect(lines.length).toBe(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(wrapped).toContain('&amp;');
    expect(wrapLabel('<b>x</b>')).toBe('&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('timeline days', () => {
  it('lists every day of the year up to as of, both ends included, across a leap day', () => {
    const days = daysBetween('2023-05-16', '2024-05-16');
    expect(days.length).toBe(367);
    expect(days[0]).toBe('2023-05-16');
    expect(days.at(-1)).toBe('2024-05-16');
    expect(days).toContain('2024-02-29');
    expect(daysBetween('2024-01-02', '2024-01-01')).toEqual([]);
  });
});
