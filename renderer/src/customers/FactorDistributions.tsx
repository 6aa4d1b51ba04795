import { Alert, Loader, SimpleGrid, Stack, Text, useComputedColorScheme } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CustomerFactor, FeatureDistribution } from '../../../shared/contract/insights';
import { Plot, plotConfig } from '../charts/Plot';
import { usePlotTheme } from '../charts/usePlotTheme';
import { formatCount } from '../format';
import { useWorkbench } from '../state/WorkbenchContext';
import { NEUTRAL_FILL } from './bucketColor';
import { escapeChartText } from './chartText';
import { countAll, standing } from './distributionStanding';
import { loadDistribution } from './distributionCache';

/** How long a card shows before its distributions are asked for. */
const DISTRIBUTION_DELAY_MS = 200;

/** For each of the customer's largest factors, where the customer's value sits among all scored customers. */
export function FactorDistributions({ runId, factors }: { runId: string; factors: CustomerFactor[] }) {
  // Drawn a moment after the card shows, so a card opened right after this one neither waits for their drawing
  // nor queues behind their requests in the engine.
  const [started, setStarted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setStarted(true), DISTRIBUTION_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!started) return <Loader role="status" size="xs" aria-label="Loading where this customer stands" />;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {factors.map((factor) => (
        <FactorDistribution key={factor.key} runId={runId} factor={factor} />
      ))}
    </SimpleGrid>
  );
}

type Loaded = { distribution: FeatureDistribution } | { error: string };

function FactorDistribution({ runId, factor }: { runId: string; factor: CustomerFactor }) {
  const { client } = useWorkbench();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let current = true;
    loadDistribution(client, runId, factor.key).then(
      (distribution) => current && setLoaded({ distribution }),
      (failure: unknown) => current && setLoaded({ error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [client, runId, factor.key]);

  const state = loaded === null ? 'loading' : 'error' in loaded ? 'error' : 'ready';
  return (
    <Stack gap={4} data-testid="factor-distribution" data-key={factor.key} data-state={state}>
      <Text size="sm" fw={600}>
        {factor.label}
      </Text>
      <Text size="sm">
        This customer: <b>{factor.value}</b>
      </Text>
      {loaded === null ? (
        <Loader role="status" size="xs" aria-label={`Loading how customers spread over ${factor.label}`} />
      ) : 'error' in loaded ? (
        <Alert color="red" title="Cannot load the distribution" role="alert">
          {loaded.error}
        </Alert>
      ) : (
        <DistributionChart distribution={loaded.distribution} factor={factor} />
      )}
    </Stack>
  );
}

function standingSentence(distribution: FeatureDistribution, factor: CustomerFactor): string {
  const where = standing(distribution, factor.rawValue);
  const ofWhom = where.missing > 0 ? 'customers with a value' : 'customers';
  if (where.bin === null) {
    return factor.rawValue === null
      ? `No value for this customer, as for ${formatCount(where.missing)} of ${formatCount(where.withValue + where.missing)} customers.`
      : 'This value is outside the bins shown.';
  }
  const label = distribution.bins[where.bin].label;
  if (distribution.kind === 'categorical') return `${where.samePercent}% of ${ofWhom} share this value (${label}).`;
  const same = `${where.samePercent}% of ${ofWhom} are in the same range (${label})`;
  if (where.below === 0) return `In the lowest range: ${same}.`;
  return `Higher than ${where.higherThanPercent}% of ${ofWhom}; ${same}.`;
}

function DistributionChart({ distribution, factor }: { distribution: FeatureDistribution; factor: CustomerFactor }) {
  const theme = usePlotTheme();
  const others = useComputedColorScheme('light') === 'dark' ? '#5c5f66' : '#ced4da';
  const where = standing(distribution, factor.rawValue);
  const labels = distribution.bins.map((bin) => escapeChartText(bin.label));
  const counts = distribution.bins.map((bin) => countAll(bin.counts));
  const marked = where.bin;
  return (
    <>
      <Text size="sm" data-testid="factor-standing" data-bin={marked ?? ''}>
        {standingSentence(distribution, factor)}
      </Text>
      <div role="figure" aria-label={`Customers by ${factor.label}${marked === null ? '' : `, this customer's range marked`}`}>
        <Plot
          data={[
            {
              type: 'bar',
              x: labels,
              y: counts,
              marker: { color: counts.map((_, index) => (index === marked ? NEUTRAL_FILL : others)) },
              hovertemplate: '%{x}: %{y:,} customers<extra></extra>',
            },
          ]}
          layout={{
            ...theme,
            height: 190,
            margin: { l: 48, r: 8, t: 24, b: 64 },
            showlegend: false,
            bargap: 0.1,
            xaxis: { ...theme.xaxis, type: 'category', tickangle: -45, tickfont: { size: 10 } },
            yaxis: { ...theme.yaxis, tickformat: '~s' },
            annotations:
              marked === null
                ? []
                : [{ x: labels[marked], y: counts[marked], text: 'This customer', showarrow: true, arrowhead: 2, ax: 0, ay: -18, font: { size: 11, color: theme.font?.color } }],
          }}
          config={plotConfig}
          style={{ width: '100%' }}
        />
      </div>
    </>
  );
}
