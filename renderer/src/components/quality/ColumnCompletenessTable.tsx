import { Group, Progress, Table, Text } from '@mantine/core';
import type { QualityReport } from '../../../../shared/contract/imports';
import { formatCount, formatPercent } from '../../format';

/** Each imported column with its type and how often it has a value. */
export function ColumnCompletenessTable({ report, labelledBy }: { report: QualityReport; labelledBy: string }) {
  return (
    <Table withTableBorder striped aria-labelledby={labelledBy} data-testid="quality-columns">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Column</Table.Th>
          <Table.Th scope="col">Type</Table.Th>
          <Table.Th scope="col">Values</Table.Th>
          <Table.Th scope="col" w="35%">
            Completeness
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.columns.map((column) => (
          <Table.Tr key={column.name} data-column={column.name}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {column.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{column.kind}</Text>
              <Text size="xs" c="dimmed">
                {column.type}
              </Text>
            </Table.Td>
            <Table.Td>{formatCount(column.nonNull)}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Progress
                  value={column.completeness * 100}
                  color={column.completeness >= 0.95 ? 'teal' : column.completeness >= 0.5 ? 'yellow' : 'red'}
                  aria-label={`${column.name} completeness`}
                  w={120}
                  size="sm"
                />
                <Text size="sm" data-testid="quality-column-completeness">
                  {formatPercent(column.completeness)}
                </Text>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
