import { Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { MonthlyActivity } from '../../../shared/contract/datasets';
import { Plot, plotConfig } from '../charts/Plot';
import { usePlotTheme } from '../charts/usePlotTheme';
import { useWorkbench } from '../state/WorkbenchContext';
import { eventsPerMonthBars, eventsPerMonthLayout } from '../charts/eventsPerMonth';

/** Events per month of an events dataset, with active customers on a second axis. */
export function MonthlyActivityChart({ datasetId, name }: { datasetId: string; name: string }) {
  const { client } = useWorkbench();
  const theme = usePlotTheme();
  const [loaded, setLoaded] = useState<{ datasetId: string; months: MonthlyActivity[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client.call('datasets.activity', { datasetId }).then(
      ({ months }) => setLoaded({ datasetId, months }),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [client, datasetId]);

  if (error) return <Text c="red">{error}</Text>;
  if (!loaded || loaded.datasetId !== datasetId) return <Loader role="status" size="sm" aria-label="Loading monthly activity" />;
  const months = loaded.months.map((row) => row.month);
  return (
    <div data-testid="monthly-activity" role="figure" aria-label={`Events per month in ${name}`}>
      <Plot
        data={[
          eventsPerMonthBars(months, loaded.months.map((row) => row.events)),
          {
            type: 'scatter',
            mode: 'lines+markers',
            name: 'Active customers',
            x: months,
            y: loaded.months.map((row) => row.customers),
            yaxis: 'y2',
            line: { color: '#f08c00' },
            hovertemplate: '%{x}: %{y:,} active customers<extra></extra>',
          },
        ]}
        layout={{
          ...eventsPerMonthLayout(theme),
          yaxis2: { title: { text: 'Active customers' }, overlaying: 'y', side: 'right', rangemode: 'tozero', showgrid: false, tickmode: 'auto', tickformat: ',d' },
          legend: { orientation: 'h', y: -0.3 },
          margin: { ...theme.margin, r: 64, b: 80 },
        }}
        config={plotConfig}
        style={{ width: '100%' }}
        useResizeHandler
      />
    </div>
  );
}
