import { Table, Text } from '@mantine/core';
import type { Run } from '../../../shared/contract/runs';
import { useVerdictColor } from '../components/useVerdictColor';
import { formatMetric } from '../format';

/** The model's validation AUC beside the simple rules it must beat, with a verdict in words. */
export function BaselineTable({ run, labelledBy }: { run: Run; labelledBy: string }) {
  const verdictColor = useVerdictColor();
  const best = run.baselines.reduce<Run['baselines'][number] | null>((top, baseline) => (top === null || baseline.auc > top.auc ? baseline : top), null);
  const margin = best ? run.validation.auc - best.auc : null;
  return (
    <>
      <Table withTableBorder aria-labelledby={labelledBy} data-testid="run-baselines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Model</Table.Th>
            <Table.Th scope="col">AUC</Table.Th>
            <Table.Th scope="col">PR AUC</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr data-model="boosted">
            <Table.Th scope="row">Boosted trees (this run)</Table.Th>
            <Table.Td>{formatMetric(run.validation.auc)}</Table.Td>
            <Table.Td>{formatMetric(run.validation.prAuc)}</Table.Td>
          </Table.Tr>
          {run.baselines.map((baseline) => (
            <Table.Tr key={baseline.name} data-model={baseline.name}>
              <Table.Th scope="row" fw={400}>
                {baseline.label}
              </Table.Th>
              <Table.Td>{formatMetric(baseline.auc)}</Table.Td>
              <Table.Td>{formatMetric(baseline.prAuc)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {best && margin !== null ? (
        <Text size="sm" fw={600} mt="xs" c={verdictColor(margin > 0)} data-testid="run-baseline-verdict">
          {margin > 0
            ? `The model beats every baseline: ${formatMetric(margin)} AUC above the best, the ${lowerFirst(best.label)}.`
            : `The model does not beat the ${lowerFirst(best.label)}: the features add nothing it does not already know.`}
        </Text>
      ) : null}
    </>
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
