import { preloadPlotly } from '../charts/Plot';
import { filterSegmentDraft } from '../runs/segmentDrafts';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CustomerSortColumn } from '../../../shared/contract/insights';
import type { RunSummary } from '../../../shared/contract/runs';
import { CsvButton } from '../components/CsvButton';
import { formatCount } from '../format';
import { RunResultPage } from '../runs/RunResultPage';
import { useChosenRun } from '../runs/useChosenRun';
import { useWorkbench } from '../state/WorkbenchContext';
import { useBucketColors } from './bucketColor';
import { CustomerFilters } from './CustomerFilters';
import type { CustomerPageLoader } from './customerPageLoader';
import { DEFAULT_SORT, EMPTY_DRAFT, filterFromDraft, nextSort, type CustomerSort, type FilterDraft } from './customerQuery';
import { CustomerTable } from './CustomerTable';
import { markCardOpen, ScoreCardDrawer, type CardRequest } from './ScoreCardDrawer';
import { ScoreCardRequests } from './scoreCardRequests';
import { useCustomerLoader } from './useCustomerLoader';

const SEARCH_PAUSE_MS = 250;
const RANGE_PAUSE_MS = 350;
const TABLE_HEIGHT = 'max(320px, calc(100vh - 440px))';

/** Every scored customer of a run: filter, sort, scroll through them all, and open one's score card. */
export function CustomersPage({ onOpenTrainPage, onOpenSegmentsPage }: { onOpenTrainPage(): void; onOpenSegmentsPage(): void }) {
  const { workspace } = useWorkbench();
  // Another workspace starts the page afresh.
  return <CustomersWorkspace key={workspace?.path ?? ''} onOpenTrainPage={onOpenTrainPage} onOpenSegmentsPage={onOpenSegmentsPage} />;
}

function CustomersWorkspace({ onOpenTrainPage, onOpenSegmentsPage }: { onOpenTrainPage(): void; onOpenSegmentsPage(): void }) {
  const runs = useChosenRun();

  // If the app has not loaded the chart library yet, fetch it now so the first score card does not wait for it.
  useEffect(() => preloadPlotly(), []);

  return (
    <RunResultPage
      page="customers"
      title="Customers"
      description="Every scored customer with their probability, percentile, bucket and top reason. Open one for their score card."
      purpose="The Customers page lists every customer a run scored, with their score cards."
      runs={runs}
      onOpenTrainPage={onOpenTrainPage}
    >
      {(chosen) => <RunCustomers run={chosen} onOpenSegmentsPage={onOpenSegmentsPage} />}
    </RunResultPage>
  );
}

function CustomerCount({ loader }: { loader: CustomerPageLoader }) {
  useSyncExternalStore(loader.subscribe, loader.getVersion);
  const { total } = loader;
  return (
    <Text fw={600} aria-live="polite" data-testid="customer-count" data-total={total ?? ''}>
      {total === null ? 'Counting customers…' : `${formatCount(total)} ${total === 1 ? 'customer' : 'customers'}`}
    </Text>
  );
}

function LoaderError({ loader }: { loader: CustomerPageLoader }) {
  useSyncExternalStore(loader.subscribe, loader.getVersion);
  if (loader.error === null) return null;
  return (
    <Alert color="red" title="Cannot load customers" role="alert">
      {loader.error}
    </Alert>
  );
}

function fileSafe(text: string): string {
  return text.replaceAll(/[^\w.-]+/g, '-').replaceAll(/^-+|-+$/g, '') || 'run';
}

function RunCustomers({ run, onOpenSegmentsPage }: { run: RunSummary; onOpenSegmentsPage(): void }) {
  const [draft, setDraft] = useState<FilterDraft>(EMPTY_DRAFT);
  const [search] = useDebouncedValue(draft.search, SEARCH_PAUSE_MS);
  const [minPercent] = useDebouncedValue(draft.minPercent, RANGE_PAUSE_MS);
  const [maxPercent] = useDebouncedValue(draft.maxPercent, RANGE_PAUSE_MS);
  const { buckets } = draft;
  const filter = useMemo(() => filterFromDraft({ buckets, minPercent, maxPercent, search }), [buckets, minPercent, maxPercent, search]);
  const [sort, setSort] = useState<CustomerSort>(DEFAULT_SORT);
  const loader = useCustomerLoader(run.runId, filter, sort);
  const bucketColors = useBucketColors(run.propensity);

  const { client, draftSegment } = useWorkbench();
  const [requests] = useState(
    () =>
      new ScoreCardRequests((runId, customer) =>
        client.call('runs.scoreCard', { runId, customer }).then((answer) => {
          // With "score-card:open", splits the time to a ready card into the engine's part and the page's.
          performance.mark('score-card:answer');
          return answer;
        }),
      ),
  );
  const [card, setCard] = useState<(CardRequest & { runId: string }) | null>(null);
  const [cardOpened, setCardOpened] = useState(false);
  const { runId } = run;
  const onOpen = useCallback(
    (customer: string) => {
      markCardOpen();
      // Asked for before anything is drawn; the card picks the answer up when it arrives.
      requests.load(runId, customer).catch(() => undefined);
      setCard((previous) => ({ runId, customer, openId: (previous?.openId ?? 0) + 1 }));
      setCardOpened(true);
    },
    [requests, runId],
  );
  const onSort = useCallback((column: CustomerSortColumn) => setSort((current) => nextSort(current, column)), []);
  const request = card && card.runId === runId ? card : null;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="customers-heading">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <CustomerFilters draft={draft} onChange={setDraft} />
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              data-testid="segment-from-filter"
              onClick={() => {
                draftSegment(filterSegmentDraft(run.runId, filter));
                onOpenSegmentsPage();
              }}
            >
              Create segment from this filter
            </Button>
            <CsvButton
            fileName={`customers-${fileSafe(run.instanceName)}-v${run.version}.csv`}
            label="Export loaded rows (CSV)"
            header={['customer', 'probability', 'score', 'percentile', 'bucket', 'top_reason', 'top_reason_points']}
            rows={() => loader.loadedRows().map(({ row }) => [row.customer, row.probability, row.score, row.percentile, row.bucket, row.topReason, row.topReasonPoints])}
            />
          </Group>
        </Group>
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4" id="customers-heading">
            Customers of “{run.instanceName}” v{run.version}
          </Title>
          <CustomerCount loader={loader} />
        </Group>
        <LoaderError loader={loader} />
        <CustomerTable loader={loader} sort={sort} onSort={onSort} onOpen={onOpen} bucketColors={bucketColors} labelledBy="customers-heading" height={TABLE_HEIGHT} />
        <Text size="xs" c="dimmed">
          Rows load as they scroll into view. The export holds the rows loaded so far, in this order, with this filter.
        </Text>
      </Stack>
      <ScoreCardDrawer run={run} requests={requests} request={request} opened={cardOpened && request !== null} onClose={() => setCardOpened(false)} />
    </Card>
  );
}
