import { Alert, Badge, Button, Card, Group, NumberInput, SimpleGrid, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { RunSummary } from '../../../shared/contract/runs';
import type { ProfitCurve, SegmentDefinition } from '../../../shared/contract/segments';
import { Busy } from './Busy';
import { LabelledSegments } from '../components/LabelledSegments';
import { Figure } from '../components/Figure';
import { formatCount } from '../format';
import { SegmentChart, useSegmentPlotTheme } from './SegmentChart';
import { EMPTY_DEFINITION } from './segmentDefinitions';
import { profitFigure } from './segmentFigures';
import { formatExpected, formatMoney, outcomeWords } from './segmentFormat';
import { useProfit } from './useProfit';

interface ProfitSectionProps {
  run: RunSummary;
  /** The segment being built on this run, when the builder is open: its customers can be the candidates. */
  building: { name: string; definition: SegmentDefinition } | null;
  /** Opens the builder on the candidates narrowed to the best cut. */
  onCreateCut(from: { name: string | null; definition: SegmentDefinition }, cutoff: number): void;
}

type Candidates = 'all' | 'builder';

/** Where to stop contacting: expected profit against customers targeted, from a value, a cost and a capacity. */
export function ProfitSection({ run, building, onCreateCut }: ProfitSectionProps) {
  const words = outcomeWords(run.propensity);
  const [value, setValue] = useState<number | string>(100);
  const [cost, setCost] = useState<number | string>(5);
  const [capacity, setCapacity] = useState<number | string>('');
  const [candidates, setCandidates] = useState<Candidates>('all');
  const fromBuilder = candidates === 'builder' && building !== null;
  const definition = fromBuilder ? building.definition : EMPTY_DEFINITION;

  const valueError = typeof value === 'number' && value >= 0 ? null : 'A number of at least 0';
  const costError = typeof cost === 'number' && cost >= 0 ? null : 'A number of at least 0';
  const capacityError = capacity === '' || (typeof capacity === 'number' && Number.isInteger(capacity) && capacity > 0) ? null : 'A whole number above 0, or empty for no limit';
  const capacityValue = typeof capacity === 'number' ? capacity : null;
  const request =
    valueError || costError || capacityError
      ? null
      : { runId: run.runId, definition, valuePerConversion: value as number, costPerContact: cost as number, capacity: capacityValue };
  const { curve, error, loading } = useProfit(request);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profit-heading" data-testid="profit-section" data-loading={loading ? 'true' : 'false'}>
      <Title order={2} size="h3" id="profit-heading" mb="xs">
        Threshold by money
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Contacting the most likely customers first, where does the expected profit peak? Expected profit = value × expected {run.propensity === 'churn' ? 'churners reached' : 'conversions'} − cost × customers contacted.
      </Text>
      <Group gap="md" align="flex-start" mb="md" wrap="wrap">
        <NumberInput label={words.value} value={value} onChange={setValue} min={0} decimalScale={2} thousandSeparator="," error={valueError} w={200} data-testid="profit-value" />
        <NumberInput label="Cost per contact" value={cost} onChange={setCost} min={0} decimalScale={2} thousandSeparator="," error={costError} w={200} data-testid="profit-cost" />
        <NumberInput
          label="Capacity (customers)"
          description="Empty: no limit"
          placeholder="No limit"
          value={capacity}
          onChange={setCapacity}
          min={1}
          allowDecimal={false}
          thousandSeparator=","
          error={capacityError}
          w={200}
          data-testid="profit-capacity"
        />
        {building ? (
          <LabelledSegments
            label="Candidates"
            value={candidates}
            options={[
              { value: 'all', label: 'All scored customers' },
              { value: 'builder', label: 'The segment being built' },
            ]}
            onChange={setCandidates}
            testId="profit-candidates"
          />
        ) : (
          <div>
            <Text size="sm" fw={500}>
              Candidates
            </Text>
            <Text size="sm" mt={6}>
              All scored customers (open a segment in the builder to use its customers instead).
            </Text>
          </div>
        )}
      </Group>
      {error ? (
        <Alert color="red" role="alert" title="Cannot compute the profit curve">
          {error}
        </Alert>
      ) : curve === null ? (
        request ? <Busy label="Computing the profit curve…" /> : null
      ) : (
        <ProfitView
          curve={curve}
          capacity={capacityValue}
          loading={loading}
          expectedLabel={words.expected}
          onCreate={() => curve.optimum.probabilityCutoff !== null && onCreateCut({ name: fromBuilder ? building.name.trim() || null : null, definition }, curve.optimum.probabilityCutoff)}
        />
      )}
    </Card>
  );
}

function ProfitView({ curve, capacity, loading, expectedLabel, onCreate }: { curve: ProfitCurve; capacity: number | null; loading: boolean; expectedLabel: string; onCreate(): void }) {
  const theme = useSegmentPlotTheme();
  const figure = useMemo(() => profitFigure(curve, capacity, theme, formatMoney), [curve, capacity, theme]);
  const { optimum } = curve;
  return (
    <>
      <Group gap="xs" mb="xs">
        <Text size="sm" data-testid="profit-summary">
          {optimum.probabilityCutoff === null
            ? `No contact pays at these figures: the best is to contact none of the ${formatCount(curve.candidates)} candidates.`
            : `Best cut: contact the ${formatCount(optimum.targeted)} most likely of ${formatCount(curve.candidates)} candidates, those with a probability of at least ${optimum.probabilityCutoff.toFixed(4)}.`}
        </Text>
        {loading ? (
          <Badge variant="default">
            Updating…
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" mb="md" data-testid="profit-optimum">
        <Figure label="Customers to contact" value={formatCount(optimum.targeted)} testId="profit-targeted" />
        <Figure label="Probability cutoff" value={optimum.probabilityCutoff === null ? '—' : optimum.probabilityCutoff.toFixed(4)} testId="profit-cutoff" />
        <Figure label={expectedLabel} value={formatExpected(optimum.expectedConversions)} testId="profit-expected" />
        <Figure label="Expected profit" value={formatMoney(optimum.expectedProfit)} testId="profit-profit" />
      </SimpleGrid>
      <SegmentChart label="Expected profit by customers targeted, with the best cut marked" testId="profit-chart" figure={figure} />
      <Group mt="md">
        <Button onClick={onCreate} disabled={loading || optimum.probabilityCutoff === null} data-testid="profit-create-segment">
          Create segment at this cut
        </Button>
      </Group>
    </>
  );
}
