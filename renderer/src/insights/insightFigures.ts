import type { Data, Layout, Shape } from 'plotly.js-dist-min';
import type { BucketCounts, FeatureDistribution, ScoreHistogram } from '../../../shared/contract/insights';
import type { Bucket, FeatureDefinition, Run, RunEvaluation } from '../../../shared/contract/runs';
import { formatCount, formatMetric, formatPercent } from '../format';
import { BUCKET_LABELS, BUCKETS, OTHERS_COLOR, type BucketPalette } from './bucketColors';

/** A chart's traces and layout, built once per input (charts redraw only when these objects change). */
export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
}

type Theme = Partial<Layout>;
type Annotation = NonNullable<Layout['annotations']>[number];
type Influence = Run['influence'][number];

const MODEL_COLOR = '#4c6ef5';
const REALIZED_COLOR = '#e8590c';

/** Probability points (0–1 scale) in percentage points: 0.0234 → "2.3". */
export function formatPoints(points: number): string {
  const value = Math.abs(points * 100);
  return value >= 10 ? value.toFixed(1) : value >= 0.1 ? value.toFixed(2) : value.toFixed(3);
}

/** Raises or lowers, with the mean signed effect in percentage points. */
export function directionText(meanPoints: number): string {
  if (meanPoints === 0) return 'neither raises nor lowers on balance';
  return `${meanPoints > 0 ? 'raises' : 'lowers'} the probability on balance by ${formatPoints(meanPoints)} points`;
}

function textColor(theme: Theme): string {
  const color = theme.font?.color;
  return typeof color === 'string' ? color : '#373a40';
}

function axes(theme: Theme, x: Partial<Layout['xaxis']>, y: Partial<Layout['yaxis']>): Pick<Layout, 'xaxis' | 'yaxis'> {
  return { xaxis: { ...theme.xaxis, ...x } as Layout['xaxis'], yaxis: { ...theme.yaxis, ...y } as Layout['yaxis'] };
}

/** Room for percentage ticks and an axis title on the left: set, not measured, since automatic margins draw a chart twice. */
const PERCENT_AXIS_LEFT = 76;

/** A dashed reference line from (x0, y0) to (x1, y1) in data coordinates. */
function referenceLine(theme: Theme, x0: number, y0: number, x1: number, y1: number): Partial<Shape> {
  return { type: 'line', xref: 'x', yref: 'y', x0, y0, x1, y1, line: { color: textColor(theme), width: 1, dash: 'dash' } };
}

/** The random or perfect line drawn as a trace, so it appears in the legend and answers hover. */
function diagonalTrace(theme: Theme, name: string, to: number): Data {
  return {
    type: 'scatter',
    mode: 'lines',
    name,
    x: [0, to],
    y: [0, to],
    line: { color: textColor(theme), width: 1, dash: 'dash' },
    hovertemplate: `${name}<extra></extra>`,
  };
}

export function bucketRing(buckets: Run['buckets'], scored: number, palette: BucketPalette, theme: Theme): Figure {
  const ordered = BUCKETS.map((bucket) => buckets.find((row) => row.bucket === bucket)?.customers ?? 0);
  return {
    data: [
      {
        type: 'pie',
        hole: 0.55,
        sort: false,
        direction: 'clockwise',
        labels: BUCKETS.map((bucket) => BUCKET_LABELS[bucket]),
        values: ordered,
        marker: { colors: BUCKETS.map((bucket) => palette[bucket]) },
        textinfo: 'label+percent',
        textposition: 'outside',
        hovertemplate: '%{label}: %{value:,} customers (%{percent})<extra></extra>',
      } as Data,
    ],
    layout: {
      ...theme,
      title: { text: 'Customers per bucket' },
      height: 320,
      showlegend: true,
      legend: { orientation: 'h', y: -0.1 },
      margin: { ...theme.margin, l: 24, r: 24, t: 56 },
      annotations: [{ text: `${formatCount(scored)}<br>scored`, showarrow: false, x: 0.5, y: 0.5, xref: 'paper', yref: 'paper', font: { size: 14, color: textColor(theme) } }],
    },
  };
}

export function scoreHistogramFigure(histogram: ScoreHistogram, thresholds: Run['thresholds'], palette: BucketPalette, theme: Theme): Figure {
  const { bins, highFrom, lowUpTo } = histogram;
  const middles = bins.map((bin) => (bin.lower + bin.upper) / 2);
  const widths = bins.map((bin) => bin.upper - bin.lower);
  const ranges = bins.map((bin) => `${formatPercent(bin.lower)} to ${formatPercent(bin.upper)}`);
  const shapes: Array<Partial<Shape>> = [];
  const annotations: Array<Partial<Annotation>> = [];
  const lowest = bins[0]?.lower ?? 0;
  const span = (bins.at(-1)?.upper ?? 1) - lowest || 1;
  // Above the bars, one line each so they never cover one another; each reads away from the nearer edge.
  const mark = (x: number, text: string, row: number) => {
    const side = (x - lowest) / span < 0.5 ? 'left' : 'right';
    shapes.push({ type: 'line', xref: 'x', yref: 'paper', x0: x, x1: x, y0: 0, y1: 1, line: { color: textColor(theme), width: 1.5, dash: 'dash' } });
    annotations.push({ x, y: 1, xref: 'x', yref: 'paper', text, showarrow: false, xanchor: side, yanchor: 'bottom', xshift: side === 'left' ? 4 : -4, yshift: row * 18, font: { color: textColor(theme), size: 12 } });
  };
  if (lowUpTo !== null) mark(lowUpTo, `Low up to ${formatPercent(lowUpTo)} (below percentile ${thresholds.low})`, 0);
  if (highFrom !== null) mark(highFrom, `High from ${formatPercent(highFrom)} (percentile ${thresholds.high} and up)`, 1);
  return {
    data: BUCKETS.map(
      (bucket): Data => ({
        type: 'bar',
        name: BUCKET_LABELS[bucket],
        x: middles,
        y: bins.map((bin) => bin.counts[bucket]),
        width: widths,
        customdata: ranges,
        marker: { color: palette[bucket] },
        hovertemplate: `${BUCKET_LABELS[bucket]} bucket: %{y:,} customers<br>probability %{customdata}<extra></extra>`,
      }),
    ),
    layout: {
      ...theme,
      title: { text: 'Score distribution' },
      height: 380,
      barmode: 'stack',
      bargap: 0,
      ...axes(theme, { title: { text: 'Predicted probability' }, tickformat: '.0%' }, { title: { text: 'Customers' }, rangemode: 'tozero', tickformat: ',d' }),
      legend: { orientation: 'h', y: -0.22, title: { text: 'Bucket' }, traceorder: 'normal' },
      margin: { ...theme.margin, l: 80, t: 88, b: 88 },
      shapes,
      annotations,
    },
  };
}

/** Horizontal bars of the mean absolute effect, one trace per direction so the legend names both. */
export function factorBars(factors: Influence[], features: Map<string, FeatureDefinition>, colors: { raises: string; lowers: string }, theme: Theme, title: string): Figure {
  const labels = axisLabels(factors.map((factor) => featureLabel(features, factor.key)));
  const trace = (raises: boolean): Data => {
    const picked = factors.map((factor, index) => ({ factor, index })).filter(({ factor }) => (factor.meanPoints >= 0) === raises);
    return {
      type: 'bar',
      orientation: 'h',
      name: raises ? 'Raises the probability on balance' : 'Lowers the probability on balance',
      x: picked.map(({ factor }) => factor.meanAbsPoints * 100),
      y: picked.map(({ index }) => labels[index] ?? ''),
      customdata: picked.map(({ factor }) => [featureLabel(features, factor.key), directionText(factor.meanPoints)]),
      marker: { color: raises ? colors.raises : colors.lowers },
      hovertemplate: '%{customdata[0]}<br>%{x:.2f} points on average, either way<br>%{customdata[1]}<extra></extra>',
    };
  };
  return {
    data: [trace(true), trace(false)],
    layout: {
      ...theme,
      title: { text: title },
      height: Math.max(260, 150 + factors.length * 26),
      barmode: 'overlay',
      ...axes(
        theme,
        { title: { text: 'Mean absolute effect (percentage points)' }, rangemode: 'tozero' },
        { title: { text: 'Factor' }, type: 'category', categoryorder: 'array', categoryarray: labels, autorange: 'reversed' },
      ),
      // Under the title, where it never meets the axis title however many bars there are.
      legend: { orientation: 'h', x: 0, y: 1, yanchor: 'bottom' },
      // Wide enough for the longest name and the axis title (about 6.5 px a character at 12 px).
      margin: { ...theme.margin, l: 48 + Math.max(0, ...labels.map((text) => text.length)) * 6.5, t: 84, b: 56 },
    },
  };
}

/** Longest factor name on an axis; the full name shows on hover. */
export const AXIS_LABEL_CHARACTERS = 56;

/** Names short enough for an axis, kept distinct (a category axis would merge equal ones). */
export function axisLabels(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const short = name.length > AXIS_LABEL_CHARACTERS ? `${name.slice(0, AXIS_LABEL_CHARACTERS - 1).trimEnd()}…` : name;
    const count = (seen.get(short) ?? 0) + 1;
    seen.set(short, count);
    return count === 1 ? short : `${short} (${count})`;
  });
}

export function featureLabel(features: Map<string, FeatureDefinition>, key: string): string {
  return features.get(key)?.label ?? key;
}

export function liftFigure(evaluation: RunEvaluation, theme: Theme): Figure {
  const { deciles } = evaluation;
  return {
    data: [
      {
        type: 'bar',
        name: 'Lift',
        x: deciles.map((row) => row.decile),
        y: deciles.map((row) => row.lift),
        customdata: deciles.map((row) => [row.positives, row.count]),
        marker: { color: MODEL_COLOR },
        hovertemplate: 'Decile %{x}: lift %{y:.2f}<br>%{customdata[0]:,} of %{customdata[1]:,} reached the goal<extra></extra>',
      },
    ],
    layout: {
      ...theme,
      title: { text: 'Lift by decile' },
      height: 340,
      showlegend: false,
      ...axes(theme, { title: { text: 'Decile of predicted probability (1 = highest)' }, dtick: 1 }, { title: { text: 'Lift over the average rate' }, rangemode: 'tozero' }),
      shapes: [referenceLine(theme, 0.5, 1, deciles.length + 0.5, 1)],
      annotations: [{ x: deciles.length + 0.5, y: 1, xref: 'x', yref: 'y', text: 'Random (lift 1)', showarrow: false, xanchor: 'right', yanchor: 'bottom', font: { color: textColor(theme) } }],
    },
  };
}

export function gainsFigure(evaluation: RunEvaluation, theme: Theme): Figure {
  const { deciles } = evaluation;
  const total = deciles.reduce((sum, row) => sum + row.count, 0);
  let seen = 0;
  const shares = deciles.map((row) => {
    seen += row.count;
    return total > 0 ? seen / total : row.decile / 10;
  });
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'Model',
        x: [0, ...shares],
        y: [0, ...deciles.map((row) => row.cumulativeGain)],
        line: { color: MODEL_COLOR },
        hovertemplate: 'Top %{x:.0%} of customers: %{y:.1%} of those who reached the goal<extra>Model</extra>',
      },
      diagonalTrace(theme, 'Random order', 1),
    ],
    layout: {
      ...theme,
      title: { text: 'Cumulative gains' },
      height: 340,
      ...axes(theme, { title: { text: 'Share of customers, highest scores first' }, tickformat: '.0%', range: [0, 1.02] }, { title: { text: 'Share of those who reached the goal' }, tickformat: '.0%', range: [0, 1.02] }),
      legend: { orientation: 'h', y: -0.25 },
      margin: { ...theme.margin, l: PERCENT_AXIS_LEFT, b: 88 },
    },
  };
}

export function rocFigure(evaluation: RunEvaluation, theme: Theme): Figure {
  const points = evaluation.roc;
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines',
        name: 'Model',
        x: points.map((point) => point.falsePositiveRate),
        y: points.map((point) => point.truePositiveRate),
        customdata: points.map((point) => point.threshold),
        line: { color: MODEL_COLOR },
        hovertemplate: 'False positive rate %{x:.1%}<br>True positive rate %{y:.1%}<br>Probability threshold %{customdata:.3f}<extra>Model</extra>',
      },
      diagonalTrace(theme, 'Random', 1),
    ],
    layout: {
      ...theme,
      title: { text: `ROC curve (AUC ${formatMetric(evaluation.auc)})` },
      height: 340,
      ...axes(theme, { title: { text: 'False positive rate' }, tickformat: '.0%', range: [0, 1.02] }, { title: { text: 'True positive rate' }, tickformat: '.0%', range: [0, 1.02] }),
      legend: { orientation: 'h', y: -0.25 },
      margin: { ...theme.margin, l: PERCENT_AXIS_LEFT, b: 88 },
    },
  };
}

export function calibrationFigure(evaluation: RunEvaluation, theme: Theme): Figure {
  const bins = evaluation.calibration;
  const top = Math.min(1, Math.max(0.05, ...bins.map((bin) => Math.max(bin.meanPredicted, bin.fractionPositive))) * 1.08);
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'Model',
        x: bins.map((bin) => bin.meanPredicted),
        y: bins.map((bin) => bin.fractionPositive),
        customdata: bins.map((bin) => [bin.count, `${formatPercent(bin.lower)} to ${formatPercent(bin.upper)}`]),
        line: { color: MODEL_COLOR },
        marker: { size: 8 },
        hovertemplate: 'Predicted %{x:.1%}, observed %{y:.1%}<br>%{customdata[0]:,} customers with probability %{customdata[1]}<extra>Model</extra>',
      },
      diagonalTrace(theme, 'Perfectly calibrated', top),
    ],
    layout: {
      ...theme,
      title: { text: 'Calibration' },
      height: 340,
      ...axes(theme, { title: { text: 'Mean predicted probability' }, tickformat: '.0%', range: [0, top] }, { title: { text: 'Share that reached the goal' }, tickformat: '.0%', range: [0, top] }),
      legend: { orientation: 'h', y: -0.25 },
      margin: { ...theme.margin, l: PERCENT_AXIS_LEFT, b: 88 },
    },
  };
}

/** Predicted (mean probability) beside realized (share that reached the goal) per bucket, after a backtest. */
export function realizedFigure(buckets: Run['buckets'], theme: Theme): Figure {
  const ordered = BUCKETS.map((bucket) => buckets.find((row) => row.bucket === bucket)).filter((row) => row !== undefined);
  const names = ordered.map((row) => BUCKET_LABELS[row.bucket]);
  return {
    data: [
      {
        type: 'bar',
        name: 'Predicted (mean probability)',
        x: names,
        y: ordered.map((row) => row.meanProbability),
        marker: { color: MODEL_COLOR },
        hovertemplate: '%{x} bucket: predicted %{y:.1%}<extra></extra>',
      },
      {
        type: 'bar',
        name: 'Realized (reached the goal)',
        x: names,
        y: ordered.map((row) => row.actualRate),
        marker: { color: REALIZED_COLOR },
        hovertemplate: '%{x} bucket: %{y:.1%} reached the goal<extra></extra>',
      },
    ],
    layout: {
      ...theme,
      title: { text: 'Predicted and realized rate per bucket' },
      height: 340,
      barmode: 'group',
      ...axes(theme, { title: { text: 'Bucket' }, type: 'category' }, { title: { text: 'Rate' }, tickformat: '.0%', rangemode: 'tozero' }),
      legend: { orientation: 'h', y: -0.25 },
      margin: { ...theme.margin, l: PERCENT_AXIS_LEFT, b: 88 },
    },
  };
}

export interface DistributionShares {
  labels: string[];
  bucket: number[];
  others: number[];
  bucketCounts: number[];
  othersCounts: number[];
  /** Customers in the bucket and in the other buckets, missing values included. */
  bucketTotal: number;
  othersTotal: number;
  bucketMissing: number;
  othersMissing: number;
}

function othersOf(counts: BucketCounts, bucket: Bucket): number {
  return BUCKETS.reduce((sum, other) => (other === bucket ? sum : sum + counts[other]), 0);
}

/** Each bin's share of the bucket's customers and of the other buckets' customers (missing values count in the totals). */
export function distributionShares(distribution: FeatureDistribution, bucket: Bucket): DistributionShares {
  const bucketCounts = distribution.bins.map((bin) => bin.counts[bucket]);
  const othersCounts = distribution.bins.map((bin) => othersOf(bin.counts, bucket));
  const bucketMissing = distribution.missing[bucket];
  const othersMissing = othersOf(distribution.missing, bucket);
  const bucketTotal = bucketCounts.reduce((sum, n) => sum + n, bucketMissing);
  const othersTotal = othersCounts.reduce((sum, n) => sum + n, othersMissing);
  return {
    labels: distribution.bins.map((bin) => bin.label),
    bucket: bucketCounts.map((n) => (bucketTotal > 0 ? n / bucketTotal : 0)),
    others: othersCounts.map((n) => (othersTotal > 0 ? n / othersTotal : 0)),
    bucketCounts,
    othersCounts,
    bucketTotal,
    othersTotal,
    bucketMissing,
    othersMissing,
  };
}

/** One feature's values in a bucket against the other buckets: overlaid histograms for numbers, grouped bars for categories. */
export function distributionFigure(distribution: FeatureDistribution, shares: DistributionShares, bucket: Bucket, label: string, palette: BucketPalette, theme: Theme): Figure {
  const numeric = distribution.kind === 'numeric';
  const name = BUCKET_LABELS[bucket];
  const trace = (mine: boolean): Data => ({
    type: 'bar',
    name: mine ? `${name} bucket` : 'Other buckets',
    x: shares.labels,
    y: mine ? shares.bucket : shares.others,
    customdata: mine ? shares.bucketCounts : shares.othersCounts,
    marker: { color: mine ? palette[bucket] : OTHERS_COLOR, opacity: numeric ? 0.6 : 1 },
    hovertemplate: `%{x}: %{y:.1%} of the ${mine ? `${name.toLowerCase()} bucket` : 'other buckets'} (%{customdata:,} customers)<extra></extra>`,
  });
  return {
    data: [trace(false), trace(true)],
    layout: {
      ...theme,
      title: { text: `${label}: ${name.toLowerCase()} bucket against the others` },
      height: 340,
      barmode: numeric ? 'overlay' : 'group',
      bargap: numeric ? 0.02 : 0.2,
      ...axes(theme, { title: { text: label }, type: 'category', automargin: true }, { title: { text: 'Share of customers' }, tickformat: '.0%', rangemode: 'tozero' }),
      legend: { orientation: 'h', y: -0.3, yanchor: 'top' },
      margin: { ...theme.margin, l: PERCENT_AXIS_LEFT, b: 104 },
    },
  };
}
