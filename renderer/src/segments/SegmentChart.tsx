import { useComputedColorScheme } from '@mantine/core';
import { memo, useState } from 'react';
import { Plot, plotConfig } from '../charts/Plot';
import { usePlotTheme } from '../charts/usePlotTheme';
import type { Figure } from './segmentFigures';

/** One Plotly chart in a labelled figure, redrawn only when its figure object changes; Plotly's PNG export stays. */
export const SegmentChart = memo(function SegmentChart({ label, testId, figure }: { label: string; testId: string; figure: Figure }) {
  return (
    <div role="figure" aria-label={label} data-testid={testId}>
      <Plot data={figure.data} layout={figure.layout} config={plotConfig} style={{ width: '100%' }} />
    </div>
  );
});

/** The plot theme as one object per colour scheme, so figures memoized on it rebuild only when the scheme changes. */
export function useSegmentPlotTheme(): ReturnType<typeof usePlotTheme> {
  const scheme = useComputedColorScheme('light');
  const theme = usePlotTheme();
  const [kept, setKept] = useState({ scheme, theme });
  if (kept.scheme !== scheme) {
    setKept({ scheme, theme });
    return theme;
  }
  return kept.theme;
}
