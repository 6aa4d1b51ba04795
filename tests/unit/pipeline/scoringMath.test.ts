import { describe, expect, it } from 'vitest';
import { contributionsToPoints, topFactorIndices } from '../../../electron/engine/pipeline/factorPoints';
import { factorSentence, formatFeatureValue, formatPoints } from '../../../electron/engine/pipeline/factorSentence';
import { percentilesAndBuckets } from '../../../electron/engine/pipeline/ranking';
import { stratifiedSplit } from '../../../electron/engine/pipeline/split';
import type { FeatureDefinition } from '../../../shared/contract/runs';

const feature = (overrides: Partial<FeatureDefinition>): FeatureDefinition => ({ key: 'k', label: 'Orders in the last 90 days', sentence: '', family: 'distinct', unit: 'count', ...overrides });

describe('percentiles and buckets', () => {
  it('ranks 1–100 by the share scoring at or below, with ties sharing a percentile, and buckets at 75 and 25', () => {
    const probabilities = Float64Array.from({ length: 200 }, (_, i) => i / 200);
    const { percentile, bucket } = percentilesAndBuckets(probabilities, { high: 75, low: 25 });
    expect(percentile[0]).toBe(1);
    expect(percentile[199]).toBe(100);
    expect(percentile[148]).toBe(75);
    expect(bucket[148]).toBe(0);
    expect(percentile[147]).toBe(74);
    expect(bucket[147]).toBe(1);
    expect(percentile[48]).toBe(25);
    expect(bucket[48]).toBe(1);
    expect(bucket[47]).toBe(2);
    const tied = percentilesAndBuckets(Float64Array.of(0.5, 0.5, 0.5, 0.9), { high: 75, low: 25 });
    expect([...tied.percentile]).toEqual([75, 75, 75, 100]);
  });
});

describe('factor points', () => {
  it('scale log-odds contributions so that base rate plus points equals the probability exactly, keeping signs', () => {
    const contributions = Float64Array.of(0.8, -0.3, 0.1, 0);
    const out = new Float64Array(4);
    contributionsToPoints(contributions, 0, 4, 0.2, 0.31, 0.16, out);
    expect(out.reduce((sum, value) => sum + value, 0.2)).toBeCloseTo(0.31, 12);
    expect(Math.sign(out[0])).toBe(1);
    expect(Math.sign(out[1])).toBe(-1);
    expect(out[0] / out[1]).toBeCloseTo(0.8 / -0.3, 10);
  });

  it('fall back to the slope at the base rate when contributions cancel out', () => {
    const out = new Float64Array(2);
    contributionsToPoints(Float64Array.of(0.5, -0.5), 0, 2, 0.3, 0.3, 0.21, out);
    expect(out[0]).toBeCloseTo(0.105, 12);
    expect(out[0] + out[1]).toBe(0);
  });

  it('keep the largest effects by magnitude, largest first, skipping zeros', () => {
    expect(topFactorIndices(Float64Array.of(0.1, -0.5, 0, 0.3, -0.05), 3)).toEqual([1, 3, 0]);
    expect(topFactorIndices(Float64Array.of(0, 0.2), 5)).toEqual([1]);
  });
});

describe('factor sentences', () => {
  it('read as the issue shows them', () => {
    expect(factorSentence(feature({}), 0, -0.12)).toBe('Orders in the last 90 days: 0, lowers the likelihood by 12 points');
    expect(factorSentence(feature({}), 3, 0.034)).toBe('Orders in the last 90 days: 3, raises the likelihood by 3.4 points');
  });

  it('format values by unit: never for missing days, category names, amounts with two decimals', () => {
    expect(formatFeatureValue(feature({ unit: 'days' }), NaN)).toBe('never');
    expect(formatFeatureValue(feature({ unit: 'days' }), 3.25)).toBe('3.3');
    expect(formatFeatureValue(feature({ unit: 'category', categories: ['gold', 'silver', '(other)'] }), 1)).toBe('silver');
    expect(formatFeatureValue(feature({ unit: 'amount' }), 12.3456)).toBe('12.35');
    expect(formatFeatureValue(feature({ unit: 'flag' }), 1)).toBe('yes');
    expect(formatPoints(-0.25)).toBe('25');
  });
});

describe('the validation split', () => {
  it('is stratified, seeded and covers every row once', () => {
    const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const first = stratifiedSplit(labels, 0.2, 3);
    const again = stratifiedSplit(labels, 0.2, 3);
    expect([...first.valid]).toEqual([...again.valid]);
    expect(first.valid.length + first.train.length).toBe(1000);
    expect(new Set([...first.valid, ...first.train]).size).toBe(1000);
    expect([...first.valid].filter((i) => labels[i] === 1).length).toBe(50);
    expect([...first.valid].filter((i) => labels[i] === 0).length).toBe(150);
  });
});
