import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RunSummary } from '../../../shared/contract/runs';
import { NoRuns } from './NoRuns';
import { RunPicker } from './RunPicker';
import type { ChosenRun } from './useChosenRun';

interface RunResultPageProps {
  page: 'insights' | 'customers' | 'segments';
  title: string;
  description: string;
  /** What the page shows, said in its empty state before any run exists. */
  purpose: string;
  runs: ChosenRun;
  /** An error of the page's own reading, shown like the run list's. */
  error?: string | null;
  onOpenTrainPage(): void;
  /** data-* attributes of the page's root, for its own state. */
  dataAttributes?: Record<`data-${string}`, string | undefined>;
  children(chosen: RunSummary): ReactNode;
}

/**
 * The frame of a page over one run's results: title and description, the run picker, and the states before there is
 * a run to show (cannot read, loading, none yet). The page itself renders only the chosen run.
 */
export function RunResultPage({ page, title, description, purpose, runs: { runs, error: listError, chosen, choose }, error, onOpenTrainPage, dataAttributes, children }: RunResultPageProps) {
  const shownError = listError ?? error ?? null;
  return (
    <Stack gap="lg" data-testid={`${page}-page`} {...dataAttributes}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{title}</Title>
          <Text c="dimmed">{description}</Text>
        </div>
        {runs && chosen ? <RunPicker runs={runs} chosen={chosen} onChoose={choose} /> : null}
      </Group>
      {shownError ? (
        <Alert color="red" title={listError ? 'Cannot read the runs' : 'Cannot read the run'} role="alert">
          {shownError}
        </Alert>
      ) : runs === null ? (
        <Loader role="status" size="sm" aria-label="Loading the runs" />
      ) : chosen === null ? (
        <NoRuns page={page} purpose={purpose} onOpenTrainPage={onOpenTrainPage} />
      ) : (
        children(chosen)
      )}
    </Stack>
  );
}
