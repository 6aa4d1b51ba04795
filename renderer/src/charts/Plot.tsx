import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { PlotParams } from 'react-plotly.js';

const PlotlyPlot = lazy(() => import('./PlotlyPlot'));

/** The one Plotly component of the app, built on the minified distribution and loaded on first use. */
export function Plot(props: PlotParams) {
  return (
    <Suspense fallback={<Loader size="sm" aria-label="Loading chart" />}>
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
