import { useComputedColorScheme } from '@mantine/core';
import type { Layout } from 'plotly.js-dist-min';

/** Layout defaults that follow the light or dark theme. */
export function usePlotTheme(): Partial<Layout> {
  const dark = useComputedColorScheme('light') === 'dark';
  const text = dark ? '#c9c9c9' : '#373a40';
  const grid = dark ? '#373a40' : '#e9ecef';
  return {
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { family: 'system-ui, sans-serif', size: 12, color: text },
    xaxis: { gridcolor: grid, linecolor: grid },
    yaxis: { gridcolor: grid, linecolor: grid },
    margin: { l: 56, r: 16, t: 40, b: 48 },
  };
}
