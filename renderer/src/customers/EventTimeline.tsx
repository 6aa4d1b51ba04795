import { Text, useComputedColorScheme } from '@mantine/core';
import type { Data } from 'plotly.js-dist-min';
import type { ScoreCard } from '../../../shared/contract/insights';
import { Plot, plotConfig } from '../charts/Plot';
import { usePlotTheme } from '../charts/usePlotTheme';
import { formatCount } from '../format';
import { escapeChartText, labelMargin, wrapLabel } from './chartText';
import { daysBetween } from './timelineDays';

/** The customer's events per day and type over the year up to as of: one row per type, darker for more events. */
export function EventTimeline({ timeline }: { timeline: ScoreCard['timeline'] }) {
  const theme = usePlotTheme();
  const dark = useComputedColorScheme('light') === 'dark';
  if (timeline.note) {
    return (
      <Text size="sm" data-testid="timeline-note">
        {timeline.note}
      </Text>
    );
  }
  if (timeline.days.length === 0) {
    return (
      <Text size="sm" data-testid="timeline-empty">
        No events in the 365 days up to as of.
      </Text>
    );
  }
  const from = timeline.from.slice(0, 10);
  const to = timeline.to.slice(0, 10);
  const days = daysBetween(from, to);
  const column = new Map(days.map((day, index) => [day, index]));
  const types = [...new Set(timeline.days.map((entry) => entry.eventType))].sort();
  const row = new Map(types.map((type, index) => [type, index]));
  // A heatmap is one image however many days hold events: far cheaper to draw than a mark per day.
  const counts: Array<Array<number | null>> = types.map(() => days.map(() => null));
  let events = 0;
  const activeDays = new Set<string>();
  for (const entry of timeline.days) {
    const x = column.get(entry.day);
    const y = row.get(entry.eventType);
    events += entry.count;
    activeDays.add(entry.day);
    if (x === undefined || y === undefined) continue;
    counts[y][x] = (counts[y][x] ?? 0) + entry.count;
  }
  const names = types.map((type) => days.map(() => escapeChartText(type)));
  const ticks = types.map((type) => wrapLabel(type, 30, 1));
  const trace = {
    type: 'heatmap',
    x: days,
    y: types.map((_, index) => index),
    z: counts,
    text: names,
    zmin: 0,
    colorscale: dark
      ? [
          [0, '#25262b'],
          [1, '#91a7ff'],
        ]
      : [
          [0, '#dbe4ff'],
          [1, '#364fc7'],
        ],
    ygap: 2,
    hoverongaps: false,
    // No colour bar: it would push the margins, and Plotly would draw twice to fit it. Hover gives the counts.
    showscale: false,
    hovertemplate: '%{x|%Y-%m-%d}: %{z:,} %{text}<extra></extra>',
  } as unknown as Data;
  return (
    <div>
      <Text size="sm" data-testid="timeline-summary">
        {formatCount(events)} {events === 1 ? 'event' : 'events'} on {formatCount(activeDays.size)} {activeDays.size === 1 ? 'day' : 'days'} of {types.length}{' '}
        {types.length === 1 ? 'type' : 'types'}, {from} to {to}.
      </Text>
      <div role="figure" aria-label={`Events per day by type from ${from} to ${to}`} data-testid="score-card-timeline">
        <Plot
          data={[trace]}
          layout={{
            ...theme,
            height: 72 + types.length * 26,
            margin: { l: labelMargin(ticks), r: 16, t: 8, b: 32 },
            showlegend: false,
            xaxis: { ...theme.xaxis, type: 'date', range: [from, to], showgrid: false },
            yaxis: {
              ...theme.yaxis,
              tickmode: 'array',
              tickvals: types.map((_, index) => index),
              ticktext: ticks,
              showgrid: false,
              autorange: 'reversed',
            },
          }}
          config={plotConfig}
          style={{ width: '100%' }}
        />
      </div>
    </div>
  );
}
