import type { QualityReport } from '../../../../shared/contract/imports';
import { Plot, plotConfig } from '../../charts/Plot';
import { usePlotTheme } from '../../charts/usePlotTheme';

/** Imported rows per calendar month: gaps and spikes in an export show up here first. */
export function EventsPerMonthChart({ months, datasetName }: { months: QualityReport['eventsPerMonth']; datasetName: string }) {
  const theme = usePlotTheme();
  return (
    <div data-testid="quality-events-per-month" role="figure" aria-label={`Imported events per month in ${datasetName}`}>
      <Plot
        data={[
          {
            type: 'bar',
            name: 'Events',
            x: months.map((row) => row.month),
            y: months.map((row) => row.events),
            marker: { color: '#4c6ef5' },
            hovertemplate: '%{x}: %{y:,} events<extra></extra>',
          },
        ]}
        layout={{
          ...theme,
          title: { text: 'Events per month' },
          height: 280,
          xaxis: { ...theme.xaxis, title: { text: 'Month' }, type: 'category' },
          yaxis: { ...theme.yaxis, title: { text: 'Events' }, rangemode: 'tozero' },
          showlegend: false,
        }}
        config={plotConfig}
        style={{ width: '100%' }}
        useResizeHandler
      />
    </div>
  );
}
