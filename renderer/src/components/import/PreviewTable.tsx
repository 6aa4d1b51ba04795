import { Box, Table, Text } from '@mantine/core';
import type { ImportPreview } from '../../../../shared/contract/imports';

function cellText(cell: string | number | boolean | null): string {
  return cell === null ? '' : String(cell);
}

/** The source's first rows, each column headed by its name and detected type; scrolls both ways. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const caption = `First ${preview.rows.length} rows of the source`;
  return (
    // A scrolling region must be reachable by keyboard to be scrolled without a mouse.
    <Box
      role="region"
      aria-label={caption}
      tabIndex={0}
      mah={360}
      style={{ overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
      data-testid="preview-table"
    >
      <Table striped highlightOnHover withColumnBorders stickyHeader fz="xs" miw="max-content">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={48}>
              <Text size="xs" c="dimmed">
                Row
              </Text>
            </Table.Th>
            {preview.columns.map((column) => (
              <Table.Th key={column.name} scope="col" data-testid="preview-column">
                <Text size="xs" fw={700} data-testid="preview-column-name">
                  {column.name}
                </Text>
                <Text size="xs" c="dimmed" fw={400} data-testid="preview-column-type" title={column.type}>
                  {column.kind} · {column.type}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row, rowIndex) => (
            // Preview rows have no identity of their own; their position is stable for a given preview.
            // oxlint-disable-next-line react/no-array-index-key
            <Table.Tr key={rowIndex}>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {rowIndex + 1}
                </Text>
              </Table.Td>
              {preview.columns.map((column, columnIndex) => {
                const cell = row[columnIndex] ?? null;
                return (
                  <Table.Td key={column.name} style={{ whiteSpace: 'nowrap', maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {cell === null ? (
                      <Text span size="xs" c="dimmed" fs="italic">
                        empty
                      </Text>
                    ) : (
                      cellText(cell)
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
