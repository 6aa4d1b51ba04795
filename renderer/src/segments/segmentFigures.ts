import type { Data, Layout, Shape } from 'plotly.js-dist-min';
import type { ProfitCurve, SegmentComparison } from '../../../shared/contract/segments';
import { formatCount } from '../format';

/** A chart's traces and layout: built once per input, so a chart redraws only when these objects change. */
export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
}

type Theme = Partial<Layout>;

/** The two compared segments' colours: distinct in both themes and for the common colour-vision deficiencies. */
export const COMPARE_COLORS = ['#1c7ed6', '#e8590c'] as const;
const PROFIT_COLOR = '#0c8599';
const OPTIMUM_COLOR = '#e8590c';

function textColor(theme: Theme): string {
  const color = theme.font?.color;
  return typeof color === 'string' ? color : '#373a40';
}

function axes(theme: Theme, x: Partial<Layout['xaxis']>, y: Partial<Layout['yaxis']>): Pick<Layout, 'xaxis' | 'yaxis'> {
  return { xaxis: { ...theme.xaxis, ...x } as Layout['xaxis'], yaxis: { ...theme.yaxis, ...y } as Layout['yaxis'] };
}

/** Counts as shares of a total (0 when the total is 0). */
export function shares(counts: readonly number[], total: number): number[] {
  return counts.map((count) => (total > 0 ? count / total : 0));
}

/** A name inside a hover template: Plotly reads HTML and `%{…}` there, so markup is escaped and a `%{` is broken up. */
export function plain(text: string): string {
  return text.replace(/[<>&]/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[character]!).replace(/%\{/g, '%\u200b{');
}

/** Each segment's probability distribution as the share of its customers per bin, overlaid. */
export function probabilityFigure(comparison: SegmentComparison, theme: Theme): Figure {
  const bins = comparison.probabilityBins;
  const data: Data[] = comparison.segments.map((segment, side) => {
    const total = segment.stats.customers;
    return {
      type: 'bar',
      name: segment.name,
      x: bins.map((bin) => (bin.lower + bin.upper) / 2),
      width: bins.map((bin) => bin.upper - bin.lower),
      y: shares(
        bins.map((bin) => bin.counts[side] ?? 0),
        total,
      ),
      customdata: bins.map((bin) => [bin.lower, bin.upper, bin.counts[side] ?? 0]),
      marker: { color: COMPARE_COLORS[side], opacity: 0.6, line: { color: COMPARE_COLORS[side], width: 1 } },
      hovertemplate: `${plain(segment.name)}<br>Probability %{customdata[0]:.2f} to %{customdata[1]:.2f}<br>%{y:.1%} of the segment (%{customdata[2]:,} customers)<extra></extra>`,
    } as Data;
  });
  return {
    data,
    layout: {
      ...theme,
      title: { text: 'Probability distribution (share of each segment)' },
      barmode: 'overlay',
      bargap: 0,
      height: 340,
      legend: { orientation: 'h', y: -0.25 },
      margin: { l: 64, r: 16, t: 48, b: 96 },
      ...axes(theme, { title: { text: 'Probability' }, range: [0, 1], tickformat: '.1f' }, { title: { text: 'Share of the segment' }, tickformat: '.0%', rangemode: 'tozero' }),
    },
  };
}

/** One compared factor: grouped bars per value bin, each the share of its segment's customers in that bin. */
export function factorFigure(comparison: SegmentComparison, factorIndex: number, theme: Theme): Figure {
  const factor = comparison.factors[factorIndex]!;
  const withMissing = factor.missing.some((count) => count > 0);
  const labels = [...factor.bins.map((bin) => bin.label), ...(withMissing ? ['No value'] : [])];
  const data: Data[] = comparison.segments.map((segment, side) => {
    const counts = [...factor.bins.map((bin) => bin.counts[side] ?? 0), ...(withMissing ? [factor.missing[side] ?? 0] : [])];
    return {
      type: 'bar',
      name: segment.name,
      x: labels,
      y: shares(counts, segment.stats.customers),
      customdata: counts,
      marker: { color: COMPARE_COLORS[side] },
      hovertemplate: `${plain(segment.name)}<br>${plain(factor.label)}: %{x}<br>%{y:.1%} of the segment (%{customdata:,} customers)<extra></extra>`,
    } as Data;
  });
  return {
    data,
    layout: {
      ...theme,
      title: { text: factor.label },
      barmode: 'group',
      height: 320,
      legend: { orientation: 'h', y: -0.35 },
      margin: { l: 64, r: 16, t: 48, b: 110 },
      ...axes(theme, { title: { text: 'Value' }, type: 'category', automargin: false }, { title: { text: 'Share of the segment' }, tickformat: '.0%', rangemode: 'tozero' }),
    },
  };
}

/** A cut's probability for hover text: three decimals, or that nobody is contacted. */
export function cutoffText(probability: number | null): string {
  return probability === null ? '— (nobody contacted)' : probability.toFixed(3);
}

/** Expected profit by customers targeted, the best cut marked, and the capacity as a dashed line when there is one. */
export function profitFigure(curve: ProfitCurve, capacity: number | null, theme: Theme, money: (value: number) => string): Figure {
  const points = curve.points;
  const data: Data[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'Expected profit',
      x: points.map((point) => point.targeted),
      y: points.map((point) => point.expectedProfit),
      customdata: points.map((point) => [point.expectedConversions, cutoffText(point.probability), money(point.expectedProfit)]),
      line: { color: PROFIT_COLOR, width: 2 },
      hovertemplate: 'Contact the top %{x:,} customers<br>Probability at least %{customdata[1]}<br>Expected conversions %{customdata[0]:,.1f}<br>Expected profit %{customdata[2]}<extra></extra>',
    } as Data,
    {
      type: 'scatter',
      mode: 'markers',
      name: 'Best cut',
      x: [curve.optimum.targeted],
      y: [curve.optimum.expectedProfit],
      customdata: [[curve.optimum.expectedConversions, cutoffText(curve.optimum.probabilityCutoff), money(curve.optimum.expectedProfit)]],
      marker: { color: OPTIMUM_COLOR, size: 12, symbol: 'diamond', line: { color: textColor(theme), width: 1 } },
      hovertemplate: 'Best cut: the top %{x:,} customers<br>Probability at least %{customdata[1]}<br>Expected conversions %{customdata[0]:,.1f}<br>Expected profit %{customdata[2]}<extra></extra>',
    } as Data,
  ];
  const shapes: Array<Partial<Shape>> = [];
  const annotations: NonNullable<Layout['annotations']> = [];
  if (capacity !== null) {
    shapes.push({ type: 'line', xref: 'x', yref: 'paper', x0: capacity, x1: capacity, y0: 0, y1: 1, line: { color: textColor(theme), width: 1, dash: 'dash' } });
    annotations.push({ xref: 'x', yref: 'paper', x: capacity, y: 1, yanchor: 'bottom', text: `Capacity ${formatCount(capacity)}`, showarrow: false, font: { color: textColor(theme) } } as NonNullable<Layout['annotations']>[number]);
  }
  return {
    data,
    layout: {
      ...theme,
      title: { text: 'Expected profit by customers targeted' },
      height: 360,
      shapes,
      annotations,
      legend: { orientation: 'h', y: -0.25 },
      margin: { l: 84, r: 16, t: 56, b: 96 },
      ...axes(theme, { title: { text: 'Customers targeted (most likely first)' }, rangemode: 'tozero', tickformat: ',d' }, { title: { text: 'Expected profit' }, zeroline: true }),
    },
  };
}
