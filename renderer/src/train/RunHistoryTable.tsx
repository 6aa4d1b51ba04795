import { Button, Table, VisuallyHidden } from '@mantine/core';
import type { RunSummary } from '../../../shared/contract/runs';
import { formatCount, formatDuration, formatMetric, formatTimestamp, formatUtcTime } from '../format';

interface RunHistoryTableProps {
  runs: RunSummary[];
  selectedRunId: string | null;
  onSelect(runId: string): void;
  labelledBy: string;
}

/** A goal's runs, newest first; each row's Details button shows that run below. */
export function RunHistoryTable({ runs, selectedRunId, onSelect, labelledBy }: RunHistoryTableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table withTableBorder highlightOnHover aria-labelledby={labelledBy} data-testid="run-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">As of</Table.Th>
            <Table.Th scope="col">Training cutoff</Table.Th>
            <Table.Th scope="col">Customers trained / scored</Table.Th>
            <Table.Th scope="col">Validation AUC</Table.Th>
            <Table.Th scope="col">Realized AUC</Table.Th>
            <Table.Th scope="col">Total time</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Details</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => {
            const selected = run.runId === selectedRunId;
            return (
              <Table.Tr key={run.runId} data-run-id={run.runId} data-selected={selected ? 'true' : 'false'} bg={selected ? 'var(--mantine-primary-color-light)' : undefined}>
                <Table.Td data-testid="run-version">{run.version}</Table.Td>
                <Table.Td>{formatUtcTime(run.createdAt)}</Table.Td>
                <Table.Td>{formatTimestamp(run.asOf)}</Table.Td>
                <Table.Td>{formatTimestamp(run.trainCutoff)}</Table.Td>
                <Table.Td>
                  {formatCount(run.trainPopulation)} / {formatCount(run.scored)}
                </Table.Td>
                <Table.Td data-testid="run-validation-auc">{formatMetric(run.validationAuc)}</Table.Td>
                <Table.Td data-testid="run-realized-auc">{run.realizedAuc === null ? '—' : formatMetric(run.realizedAuc)}</Table.Td>
                <Table.Td>{formatDuration(run.totalSeconds * 1000)}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant={selected ? 'filled' : 'light'} aria-pressed={selected} aria-label={`Details of run ${run.version}`} onClick={() => onSelect(run.runId)}>
                    Details
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
