import type { Data, Layout } from 'plotly.js-dist-min';

/** The bars of events per month, drawn the same on the dataset card and in the quality report. */
export function eventsPerMonthBars(months: string[], events: number[]): Data {
  return { type: 'bar', name: 'Events', x: months, y: events, marker: { color: '#4c6ef5' }, hovertemplate: '%{x}: %{y:,} events<extra></extra>' };
}

export function eventsPerMonthLayout(theme: Partial<Layout>): Partial<Layout> {
  return {
    ...theme,
    title: { text: 'Events per month' },
    height: 280,
    xaxis: { ...theme.xaxis, title: { text: 'Month' }, type: 'category' },
    yaxis: { ...theme.yaxis, title: { text: 'Events' }, rangemode: 'tozero' },
  };
}
