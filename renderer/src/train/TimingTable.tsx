import { Table } from '@mantine/core';
import { formatDuration } from '../format';
import { timingRows } from './runPhases';

/** How long each step of a run took, and in all. */
export function TimingTable({ timings, labelledBy }: { timings: Record<string, number>; labelledBy: string }) {
  return (
    <Table withTableBorder aria-labelledby={labelledBy} data-testid="run-timings" maw={480}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Step</Table.Th>
          <Table.Th scope="col">Time</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {timingRows(timings).map((row) => (
          <Table.Tr key={row.key} data-phase={row.key}>
            <Table.Th scope="row" fw={row.key === 'total' ? 700 : 400}>
              {row.label}
            </Table.Th>
            <Table.Td fw={row.key === 'total' ? 700 : 400}>{formatDuration(row.seconds * 1000)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
