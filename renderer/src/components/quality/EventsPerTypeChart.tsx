import type { QualityReport } from '../../../../shared/contract/imports';
import { Plot, plotConfig } from '../../charts/Plot';
import { usePlotTheme } from '../../charts/usePlotTheme';

const NO_TYPE_LABEL = '(no type)';

/** Imported rows per event type, most frequent at the top. */
export function EventsPerTypeChart({ types, datasetName }: { types: QualityReport['eventsPerType']; datasetName: string }) {
  const theme = usePlotTheme();
  return (
    <div data-testid="quality-events-per-type" role="figure" aria-label={`Imported events per type in ${datasetName}`}>
      <Plot
        data={[
          {
            type: 'bar',
            orientation: 'h',
            name: 'Events',
            x: types.map((row) => row.events),
            y: types.map((row) => row.type ?? NO_TYPE_LABEL),
            marker: { color: '#0c8599' },
            hovertemplate: '%{y}: %{x:,} events<extra></extra>',
          },
        ]}
        layout={{
          ...theme,
          title: { text: 'Events per type' },
          height: Math.max(240, 80 + types.length * 24),
          xaxis: { ...theme.xaxis, title: { text: 'Events' }, rangemode: 'tozero' },
          yaxis: { ...theme.yaxis, title: { text: 'Event type' }, type: 'category', autorange: 'reversed', automargin: true },
          margin: { ...theme.margin, l: 16 },
          showlegend: false,
        }}
        config={plotConfig}
        style={{ width: '100%' }}
        useResizeHandler
      />
    </div>
  );
}
