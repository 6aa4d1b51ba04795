import { Code, List, Table, Text } from '@mantine/core';
import type { QualityReport, RejectReason } from '../../../../shared/contract/imports';
import { formatCount } from '../../format';
import { REJECT_REASON_LABELS } from './rejectReasons';

/** Rows left out, by reason, each with a few of the rows as examples. */
export function RejectionTable({ report, labelledBy }: { report: QualityReport; labelledBy: string }) {
  const reasons = (Object.entries(report.rowsRejected) as Array<[RejectReason, number]>).sort((a, b) => b[1] - a[1]);
  if (reasons.length === 0) {
    return (
      <Text size="sm" data-testid="quality-no-rejections">
        Every row that was read was imported.
      </Text>
    );
  }
  return (
    <Table withTableBorder aria-labelledby={labelledBy} data-testid="quality-rejections">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Reason</Table.Th>
          <Table.Th scope="col" ta="right">
            Rows
          </Table.Th>
          <Table.Th scope="col">Examples</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reasons.map(([reason, count]) => {
          const samples = report.rejectSamples.filter((sample) => sample.reason === reason);
          return (
            <Table.Tr key={reason} data-reason={reason}>
              <Table.Td>{REJECT_REASON_LABELS[reason]}</Table.Td>
              <Table.Td ta="right" data-testid="quality-rejected-count">
                {formatCount(count)}
              </Table.Td>
              <Table.Td>
                {samples.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    none kept
                  </Text>
                ) : (
                  <List size="xs" spacing={2} listStyleType="none">
                    {samples.map((sample, index) => (
                      // oxlint-disable-next-line react/no-array-index-key -- samples have no identity besides their order
                      <List.Item key={index}>
                        {sample.line !== null ? `line ${formatCount(sample.line)}: ` : ''}
                        <Code>{sample.detail}</Code>
                      </List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
