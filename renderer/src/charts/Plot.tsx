import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { PlotParams } from 'react-plotly.js';

const loadPlotly = () => import('./PlotlyPlot');
const PlotlyPlot = lazy(loadPlotly);

/** Starts loading Plotly before the first chart needs it (the module is fetched and parsed once). */
export function preloadPlotly(): void {
  void loadPlotly();
}

/** The one Plotly component of the app, built on the minified distribution and loaded on first use. */
export function Plot(props: PlotParams) {
  return (
    <Suspense fallback={<Loader size="sm" role="status" aria-label="Loading chart" />}>
      <PlotlyPlot {...props} />
    </Suspense>
  );
}

/** Shared settings: no logo, PNG export by Plotly's own button, nothing that reaches the network. */
export const plotConfig: PlotParams['config'] = {
  displaylogo: false,
  responsive: true,
  modeBarButtonsToRemove: ['lasso2d', 'select2d'],
  toImageButtonOptions: { format: 'png', scale: 2 },
};
