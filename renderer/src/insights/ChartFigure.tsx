import { Center, Loader } from '@mantine/core';
import { memo, useEffect, useRef, useState } from 'react';
import { Plot, plotConfig } from '../charts/Plot';
import type { Figure } from './insightFigures';

interface ChartFigureProps {
  /** What the chart shows, for screen readers. */
  label: string;
  testId: string;
  figure: Figure;
  /** Called once Plotly has drawn the chart the first time. */
  onDrawn?: (testId: string) => void;
  /**
   * Holds the chart's place until the charts the page needs first are drawn; it is then drawn when it comes near the
   * view, so the first screen is not held up by charts further down.
   */
  deferred?: boolean;
}

/** How far below the view a deferred chart starts drawing, in pixels. */
const DRAW_AHEAD_PX = 300;

/**
 * One Plotly chart in a labelled figure; redrawn only when its figure object changes. It follows the window's size
 * through the `responsive` setting alone: a resize handler as well would draw every chart twice on opening.
 */
export const ChartFigure = memo(function ChartFigure({ label, testId, figure, onDrawn, deferred = false }: ChartFigureProps) {
  const [released, setReleased] = useState(!deferred);
  const placeholder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = placeholder.current;
    if (deferred || released || !element) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setReleased(true), { rootMargin: `${DRAW_AHEAD_PX}px 0px` });
    observer.observe(element);
    return () => observer.disconnect();
  }, [deferred, released]);
  if (!released) {
    return (
      <Center ref={placeholder} role="figure" aria-label={label} aria-busy="true" data-testid={testId} data-deferred="true" h={figure.layout.height ?? 340}>
        <Loader size="sm" role="status" aria-label={`Loading the chart: ${label}`} />
      </Center>
    );
  }
  return (
    <div role="figure" aria-label={label} data-testid={testId}>
      <Plot data={figure.data} layout={figure.layout} config={plotConfig} style={{ width: '100%' }} onInitialized={() => onDrawn?.(testId)} />
    </div>
  );
});
