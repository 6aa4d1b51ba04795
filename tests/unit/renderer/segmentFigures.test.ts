import { describe, expect, it } from 'vitest';
import type { ProfitCurve, SegmentComparison, SegmentSummary } from '../../../shared/contract/segments';
import { cutoffText, factorFigure, probabilityFigure, profitFigure, shares } from '../../../renderer/src/segments/segmentFigures';
import { formatMoney } from '../../../renderer/src/segments/segmentFormat';

const theme = { font: { color: '#111111' }, xaxis: { gridcolor: '#eee' }, yaxis: { gridcolor: '#eee' } };

function summary(name: string, customers: number): SegmentSummary {
  return {
    segmentId: `seg_${name.length.toString(16)}`,
    runId: 'run_1',
    name,
    definition: { match: 'all', conditions: [] },
    createdAt: '',
    updatedAt: '',
    stats: { customers, share: 0, meanProbability: 0, expectedConversions: 0, topFactors: [] },
  };
}

const comparison: SegmentComparison = {
  runId: 'run_1',
  segments: [summary('A <b>', 10), summary('Beta %{x}', 4)],
  probabilityBins: [
    { lower: 0, upper: 0.5, counts: [4, 0] },
    { lower: 0.5, upper: 1, counts: [6, 4] },
  ],
  factors: [
    {
      key: 'f',
      label: 'Purchases in the last 30 days',
      kind: 'numeric',
      bins: [
        { label: '0', counts: [5, 1] },
        { label: '1–3', counts: [3, 3] },
      ],
      missing: [2, 0],
    },
  ],
} as SegmentComparison;

describe('segment figures', () => {
  it('turns counts into shares of their segment', () => {
    expect(shares([1, 3], 4)).toEqual([0.25, 0.75]);
    expect(shares([0, 0], 0)).toEqual([0, 0]);
  });

  it('overlays the probability distributions as shares of each segment, labelled and with hover text', () => {
    const figure = probabilityFigure(comparison, theme);
    expect(figure.data).toHaveLength(2);
    const [first, second] = figure.data as Array<{ x: number[]; y: number[]; width: number[]; name: string; hovertemplate: string }>;
    expect(first!.x).toEqual([0.25, 0.75]);
    expect(first!.width).toEqual([0.5, 0.5]);
    expect(first!.y).toEqual([0.4, 0.6]);
    expect(second!.y).toEqual([0, 1]);
    expect(first!.name).toBe('A <b>');
    // Names reach Plotly's templates escaped: no markup, no template placeholders.
    expect(first!.hovertemplate).toContain('A &lt;b&gt;');
    expect(second!.hovertemplate).toContain('Beta %\u200b{x}');
    expect(second!.hovertemplate).not.toContain('Beta %{x}');
    expect(figure.layout.barmode).toBe('overlay');
    expect((figure.layout.title as { text: string }).text).toMatch(/Probability distribution/);
    expect((figure.layout.xaxis as { title: { text: string } }).title.text).toBe('Probability');
    expect((figure.layout.yaxis as { title: { text: string } }).title.text).toBe('Share of the segment');
  });

  it('groups a factor’s bins per segment, with the customers without a value as their own bar', () => {
    const figure = factorFigure(comparison, 0, theme);
    const [first, second] = figure.data as Array<{ x: string[]; y: number[]; customdata: number[] }>;
    expect(first!.x).toEqual(['0', '1–3', 'No value']);
    expect(first!.y).toEqual([0.5, 0.3, 0.2]);
    expect(first!.customdata).toEqual([5, 3, 2]);
    expect(second!.y).toEqual([0.25, 0.75, 0]);
    expect(figure.layout.barmode).toBe('group');
    expect((figure.layout.title as { text: string }).text).toBe('Purchases in the last 30 days');
  });

  it('draws the profit curve with the best cut marked and the capacity as a line', () => {
    const curve: ProfitCurve = {
      candidates: 100,
      points: [
        { targeted: 0, expectedConversions: 0, expectedProfit: 0, probability: null },
        { targeted: 10, expectedConversions: 5, expectedProfit: 450, probability: 0.4 },
        { targeted: 50, expectedConversions: 9, expectedProfit: 650, probability: 0.05 },
      ],
      optimum: { targeted: 50, expectedConversions: 9, expectedProfit: 650, probabilityCutoff: 0.05 },
    };
    const figure = profitFigure(curve, 60, theme, formatMoney);
    const [line, best] = figure.data as Array<{ x: number[]; y: number[]; customdata: unknown[][]; hovertemplate: string }>;
    expect(line!.x).toEqual([0, 10, 50]);
    expect(line!.y).toEqual([0, 450, 650]);
    expect(line!.customdata[0]).toEqual([0, '— (nobody contacted)', '0.00']);
    expect(best!.x).toEqual([50]);
    expect(best!.y).toEqual([650]);
    expect(best!.hovertemplate).toMatch(/Best cut/);
    expect(figure.layout.shapes).toHaveLength(1);
    expect(figure.layout.shapes?.[0]).toMatchObject({ x0: 60, x1: 60 });
    expect(profitFigure(curve, null, theme, formatMoney).layout.shapes).toEqual([]);
  });

  it('writes cutoffs and money plainly', () => {
    expect(cutoffText(0.12345)).toBe('0.123');
    expect(cutoffText(null)).toMatch(/nobody/);
    expect(formatMoney(1234.5)).toBe('1,234.50');
    expect(formatMoney(-20)).toBe('−20.00');
    expect(formatMoney(-0.001)).toBe('0.00');
  });
});
