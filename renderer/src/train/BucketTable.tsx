import { Table } from '@mantine/core';
import type { Run } from '../../../shared/contract/runs';
import { formatCount, formatPercent } from '../format';

const BUCKET_NAMES = { high: 'High', medium: 'Medium', low: 'Low' } as const;

/** How many scored customers fall in each bucket, their mean probability and, after a backtest, how many reached the goal. */
export function BucketTable({ run, labelledBy }: { run: Run; labelledBy: string }) {
  const backtested = run.buckets.some((bucket) => bucket.actualRate !== null);
  const { high, low } = run.thresholds;
  const range = { high: `percentile ${high} and up`, medium: `percentiles ${low} to ${high - 1}`, low: `below percentile ${low}` } as const;
  return (
    <Table withTableBorder aria-labelledby={labelledBy} data-testid="run-buckets">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Bucket</Table.Th>
          <Table.Th scope="col">Customers</Table.Th>
          <Table.Th scope="col">Share</Table.Th>
          <Table.Th scope="col">Mean probability</Table.Th>
          {backtested ? <Table.Th scope="col">Reached the goal</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {run.buckets.map((bucket) => (
          <Table.Tr key={bucket.bucket} data-bucket={bucket.bucket}>
            <Table.Th scope="row" fw={400}>
              <b>{BUCKET_NAMES[bucket.bucket]}</b> ({range[bucket.bucket]})
            </Table.Th>
            <Table.Td data-testid="bucket-customers">{formatCount(bucket.customers)}</Table.Td>
            <Table.Td>{run.scored > 0 ? formatPercent(bucket.customers / run.scored) : '—'}</Table.Td>
            <Table.Td>{formatPercent(bucket.meanProbability)}</Table.Td>
            {backtested ? <Table.Td>{bucket.actualRate === null ? '—' : formatPercent(bucket.actualRate)}</Table.Td> : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
