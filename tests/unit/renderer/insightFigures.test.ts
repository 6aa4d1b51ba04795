import { describe, expect, it } from 'vitest';
import type { FeatureDistribution, ScoreHistogram } from '../../../shared/contract/insights';
import { bucketPalette, directionColors } from '../../../renderer/src/insights/bucketColors';
import { AXIS_LABEL_CHARACTERS, axisLabels, directionText, distributionFigure, distributionShares, formatPoints, scoreHistogramFigure } from '../../../renderer/src/insights/insightFigures';
import { runFileName } from '../../../renderer/src/insights/runFileName';

const theme = { font: { color: '#373a40' }, xaxis: {}, yaxis: {}, margin: { l: 56, r: 16, t: 40, b: 48 } };

const numeric: FeatureDistribution = {
  runId: 'run_a1',
  key: 'events_30d',
  kind: 'numeric',
  openEnded: false,
  bins: [
    { label: '0', lower: 0, upper: 1, counts: { high: 2, medium: 10, low: 30 } },
    { label: '1', lower: 1, upper: 2, counts: { high: 6, medium: 20, low: 10 } },
    { label: '2+', lower: 2, upper: 3, counts: { high: 10, medium: 10, low: 0 } },
  ],
  missing: { high: 2, medium: 0, low: 10 },
};

describe('insight figures', () => {
  it('compares a bucket with the other buckets as shares of each, missing values counted in the totals', () => {
    const shares = distributionShares(numeric, 'high');
    expect(shares.bucketTotal).toBe(20);
    expect(shares.othersTotal).toBe(90);
    expect(shares.bucket).toEqual([0.1, 0.3, 0.5]);
    expect(shares.others.map((share) => Number(share.toFixed(4)))).toEqual([Number((40 / 90).toFixed(4)), Number((30 / 90).toFixed(4)), Number((10 / 90).toFixed(4))]);
    expect(shares.bucketMissing).toBe(2);
    expect(shares.othersMissing).toBe(10);
    const empty = distributionShares({ ...numeric, bins: [], missing: { high: 0, medium: 0, low: 0 } }, 'low');
    expect(empty.bucket).toEqual([]);
    expect(empty.bucketTotal).toBe(0);
  });

  it('overlays numeric histograms and groups categorical bars, with titles, axis labels and hover text', () => {
    const shares = distributionShares(numeric, 'medium');
    const overlaid = distributionFigure(numeric, shares, 'medium', 'Events in the last 30 days', bucketPalette('conversion'), theme);
    expect(overlaid.layout.barmode).toBe('overlay');
    expect(overlaid.data.map((trace) => trace.name)).toEqual(['Other buckets', 'Medium bucket']);
    expect(overlaid.layout.xaxis?.title).toEqual({ text: 'Events in the last 30 days' });
    expect(overlaid.layout.yaxis?.title).toEqual({ text: 'Share of customers' });
    expect(overlaid.data.every((trace) => typeof (trace as { hovertemplate?: string }).hovertemplate === 'string')).toBe(true);
    const grouped = distributionFigure({ ...numeric, kind: 'categorical' }, shares, 'medium', 'Tier', bucketPalette('churn'), theme);
    expect(grouped.layout.barmode).toBe('group');
  });

  it('marks the bucket thresholds on the score histogram', () => {
    const histogram: ScoreHistogram = {
      bins: [
        { lower: 0, upper: 0.5, counts: { high: 0, medium: 5, low: 5 } },
        { lower: 0.5, upper: 1, counts: { high: 5, medium: 5, low: 0 } },
      ],
      highFrom: 0.6,
      lowUpTo: 0.2,
    };
    const figure = scoreHistogramFigure(histogram, { high: 75, low: 25 }, bucketPalette('conversion'), theme);
    expect(figure.layout.barmode).toBe('stack');
    expect(figure.layout.shapes?.map((shape) => shape.x0)).toEqual([0.2, 0.6]);
    expect(figure.layout.annotations?.map((note) => note.text)).toEqual(['Low up to 20% (below percentile 25)', 'High from 60% (percentile 75 and up)']);
    const none = scoreHistogramFigure({ ...histogram, highFrom: null, lowUpTo: null }, { high: 75, low: 25 }, bucketPalette('conversion'), theme);
    expect(none.layout.shapes).toEqual([]);
  });

  it('colours by propensity: a high conversion score is an opportunity, a high churn score a risk', () => {
    expect(bucketPalette('churn').high).toBe(directionColors('churn').raises);
    expect(bucketPalette('conversion').high).toBe(directionColors('conversion').raises);
    expect(bucketPalette('churn').high).not.toBe(bucketPalette('conversion').high);
  });

  it('writes effects in percentage points with their direction in words', () => {
    expect(formatPoints(0.0234)).toBe('2.34');
    expect(formatPoints(-0.123)).toBe('12.3');
    expect(formatPoints(0.0004)).toBe('0.040');
    expect(directionText(0.01)).toBe('raises the probability on balance by 1.00 points');
    expect(directionText(-0.2)).toBe('lowers the probability on balance by 20.0 points');
  });

  it('shortens long factor names for an axis and keeps them distinct', () => {
    const long = `Events with productListItems.productCategory "Home & Garden" in the last ${'9'.repeat(3)} days`;
    const [first, second, plain] = axisLabels([long, `${long}!`, 'Tenure']);
    expect(first?.length).toBe(AXIS_LABEL_CHARACTERS);
    expect(first?.endsWith('…')).toBe(true);
    expect(second).toBe(`${first} (2)`);
    expect(plain).toBe('Tenure');
  });

  it('names downloads after the goal and version', () => {
    expect(runFileName({ instanceName: 'Purchase within 30 days (backtest)', version: 2 }, 'buckets')).toBe('purchase-within-30-days-backtest-v2-buckets.csv');
    expect(runFileName({ instanceName: '“Churn” / é', version: 1 }, 'deciles')).toBe('churn-e-v1-deciles.csv');
    expect(runFileName({ instanceName: '***', version: 1 }, 'x')).toBe('run-v1-x.csv');
  });
});
