import { Alert, Card, Group, Select, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { RunSummary } from '../../../shared/contract/runs';
import type { SegmentComparison, SegmentSummary } from '../../../shared/contract/segments';
import { formatCount, formatPercent } from '../format';
import { Busy } from './Busy';
import { SegmentChart, useSegmentPlotTheme } from './SegmentChart';
import { factorFigure, probabilityFigure } from './segmentFigures';
import { formatExpected, formatProbability, outcomeWords } from './segmentFormat';
import { useComparison } from './useComparison';

interface CompareSectionProps {
  run: RunSummary;
  segments: SegmentSummary[];
  /** The segments picked for comparison, in order (at most two). */
  compareIds: readonly string[];
  onPick(position: 0 | 1, segmentId: string): void;
  /** The list's version: a saved change to a segment asks for the comparison again. */
  version: number;
}

/** Two saved segments side by side: their figures, their probability distributions and their top factors' values. */
export function CompareSection({ run, segments, compareIds, onPick, version }: CompareSectionProps) {
  const pair = compareIds.length === 2 ? ([compareIds[0]!, compareIds[1]!] as const) : null;
  const { comparison, error, loading } = useComparison(pair, version);
  const options = segments.map((segment) => ({ value: segment.segmentId, label: segment.name }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="segment-compare-heading" data-testid="segment-compare-section" data-loading={loading ? 'true' : 'false'}>
      <Title order={2} size="h3" id="segment-compare-heading" mb="xs">
        Compare segments
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Pick two saved segments here or with the Compare boxes in the table.
      </Text>
      <Group gap="md" mb="md" align="flex-end">
        {([0, 1] as const).map((position) => (
          <Select
            key={position}
            label={position === 0 ? 'First segment' : 'Second segment'}
            placeholder={segments.length < 2 ? 'Save two segments first' : 'Pick a segment'}
            data={options.filter((option) => option.value !== compareIds[1 - position])}
            value={compareIds[position] ?? null}
            onChange={(value) => value && onPick(position, value)}
            allowDeselect={false}
            disabled={segments.length < 2}
            w={280}
            data-testid={`compare-pick-${position}`}
          />
        ))}
      </Group>
      {pair === null ? (
        <Text size="sm">Choose two segments to see them side by side.</Text>
      ) : error ? (
        <Alert color="red" role="alert" title="Cannot compare these segments">
          {error}
        </Alert>
      ) : comparison === null ? (
        <Busy label="Comparing the segments…" />
      ) : (
        <ComparisonView run={run} comparison={comparison} />
      )}
    </Card>
  );
}

function ComparisonView({ run, comparison }: { run: RunSummary; comparison: SegmentComparison }) {
  const theme = useSegmentPlotTheme();
  const probability = useMemo(() => probabilityFigure(comparison, theme), [comparison, theme]);
  const factors = useMemo(() => comparison.factors.map((_, index) => factorFigure(comparison, index, theme)), [comparison, theme]);
  const [first, second] = comparison.segments as [SegmentSummary, SegmentSummary];
  const rows: Array<{ label: string; testId: string; value(segment: SegmentSummary): string }> = [
    { label: 'Customers', testId: 'compare-customers', value: (segment) => formatCount(segment.stats.customers) },
    { label: 'Share of scored', testId: 'compare-share', value: (segment) => formatPercent(segment.stats.share) },
    { label: 'Mean probability', testId: 'compare-mean', value: (segment) => formatProbability(segment.stats.meanProbability) },
    { label: outcomeWords(run.propensity).expected, testId: 'compare-expected', value: (segment) => formatExpected(segment.stats.expectedConversions) },
  ];
  return (
    <>
      <Table withTableBorder maw={720} mb="md" aria-label="The compared segments' figures" data-testid="compare-figures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Figure</Table.Th>
            <Table.Th scope="col">{first.name}</Table.Th>
            <Table.Th scope="col">{second.name}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.testId}>
              <Table.Th scope="row">{row.label}</Table.Th>
              <Table.Td data-testid={`${row.testId}-0`}>{row.value(first)}</Table.Td>
              <Table.Td data-testid={`${row.testId}-1`}>{row.value(second)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SegmentChart label={`Probability distribution of “${first.name}” and “${second.name}”, as shares of each segment`} testId="compare-probability" figure={probability} />
      {factors.length > 0 ? (
        <>
          <Title order={3} size="h4" mt="md" mb="xs">
            Top factors&apos; values
          </Title>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {factors.map((figure, index) => (
              <SegmentChart key={comparison.factors[index]!.key} label={`${comparison.factors[index]!.label}: share of each segment per value`} testId={`compare-factor-${index}`} figure={figure} />
            ))}
          </SimpleGrid>
        </>
      ) : null}
    </>
  );
}
