import { Button, Checkbox, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { RunSummary } from '../../../shared/contract/runs';
import type { SavedSegment } from '../../../shared/contract/segments';
import { formatCount, formatPercent } from '../format';
import { formatExpected, formatProbability, outcomeWords } from './segmentFormat';

export type SegmentAction = 'edit' | 'export' | 'rename' | 'clone' | 'delete';

interface SegmentTableProps {
  run: RunSummary;
  segments: SavedSegment[];
  compareIds: readonly string[];
  onToggleCompare(segmentId: string): void;
  onAction(action: SegmentAction, segment: SavedSegment): void;
  labelledBy: string;
}

/** Actions that need the segment's figures: none for a segment whose definition no longer holds over the run. */
const NEEDS_FIGURES: ReadonlySet<SegmentAction> = new Set(['export']);

/**
 * The saved segments of a run with their figures, a compare checkbox and the actions on each. A segment that no
 * longer holds over the run shows why instead of figures; it can be edited, renamed, cloned or deleted.
 */
export function SegmentTable({ run, segments, compareIds, onToggleCompare, onAction, labelledBy }: SegmentTableProps) {
  const expected = outcomeWords(run.propensity).expected;
  const actions: Array<{ action: SegmentAction; label: string }> = [
    { action: 'edit', label: 'Edit' },
    { action: 'export', label: 'Export' },
    { action: 'rename', label: 'Rename' },
    { action: 'clone', label: 'Clone' },
    { action: 'delete', label: 'Delete' },
  ];
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table withTableBorder highlightOnHover aria-labelledby={labelledBy} data-testid="segment-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Compare</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Customers</Table.Th>
            <Table.Th scope="col">Share</Table.Th>
            <Table.Th scope="col">Mean probability</Table.Th>
            <Table.Th scope="col">{expected}</Table.Th>
            <Table.Th scope="col">Top reasons</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments.map((segment) => {
            const compared = compareIds.includes(segment.segmentId);
            const { stats } = segment;
            const members = stats?.customers ?? 0;
            return (
              <Table.Tr key={segment.segmentId} data-segment-id={segment.segmentId} data-testid="segment-row" data-problem={segment.problem === null ? undefined : 'true'}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Compare “${segment.name}”`}
                    checked={compared && stats !== null}
                    disabled={stats === null}
                    onChange={() => onToggleCompare(segment.segmentId)}
                    data-testid="segment-compare"
                  />
                </Table.Td>
                <Table.Th scope="row" fw={600} data-testid="segment-name-cell">
                  {segment.name}
                </Table.Th>
                <Table.Td data-testid="segment-customers">{stats ? formatCount(members) : '—'}</Table.Td>
                <Table.Td data-testid="segment-share">{stats ? formatPercent(stats.share) : '—'}</Table.Td>
                <Table.Td data-testid="segment-mean">{stats ? formatProbability(stats.meanProbability) : '—'}</Table.Td>
                <Table.Td data-testid="segment-expected">{stats ? formatExpected(stats.expectedConversions) : '—'}</Table.Td>
                <Table.Td maw={320}>
                  {stats === null ? (
                    // The compiler's reason may list every field of the run: three lines here, all of it on hover.
                    <Text size="sm" c="var(--mantine-color-error)" lineClamp={3} title={segment.problem ?? undefined} data-testid="segment-problem">
                      Cannot count it on this run: {segment.problem}
                    </Text>
                  ) : stats.topFactors.length === 0 ? (
                    <Text size="sm">—</Text>
                  ) : (
                    <Text size="sm">
                      {stats.topFactors
                        .slice(0, 3)
                        .map((factor) => `${factor.label} (${formatPercent(members > 0 ? factor.customers / members : 0)})`)
                        .join('; ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {actions.map(({ action, label }) => (
                      <Button
                        key={action}
                        size="compact-sm"
                        variant={action === 'edit' ? 'light' : 'default'}
                        aria-label={`${label} “${segment.name}”`}
                        disabled={stats === null && NEEDS_FIGURES.has(action)}
                        onClick={() => onAction(action, segment)}
                        data-testid={`segment-${action}`}
                      >
                        {label}
                      </Button>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
