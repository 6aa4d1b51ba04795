import type { QualityReport } from '../../../../shared/contract/imports';
import { Plot, plotConfig } from '../../charts/Plot';
import { eventsPerMonthBars, eventsPerMonthLayout } from '../../charts/eventsPerMonth';
import { usePlotTheme } from '../../charts/usePlotTheme';

/** Imported rows per calendar month: gaps and spikes in an export show up here first. */
export function EventsPerMonthChart({ months, datasetName }: { months: QualityReport['eventsPerMonth']; datasetName: string }) {
  const theme = usePlotTheme();
  return (
    <div data-testid="quality-events-per-month" role="figure" aria-label={`Imported events per month in ${datasetName}`}>
      <Plot
        data={[eventsPerMonthBars(months.map((row) => row.month), months.map((row) => row.events))]}
        layout={{
          ...eventsPerMonthLayout(theme),
          showlegend: false,
        }}
        config={plotConfig}
        style={{ width: '100%' }}
        useResizeHandler
      />
    </div>
  );
}
