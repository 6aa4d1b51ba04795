import { Skeleton, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { memo, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { CustomerRow, CustomerSortColumn } from '../../../shared/contract/insights';
import type { CustomerPageLoader } from './customerPageLoader';
import type { BucketColors } from './bucketColor';
import { formatProbability } from './customerFormat';
import { BUCKET_NAMES, type CustomerSort } from './customerQuery';
import classes from './CustomerTable.module.css';
import { MAX_SCROLL_HEIGHT, rowTop, rowsPerPage, scrollHeight, scrollTopToReveal, visibleRows, type VirtualLayout } from './virtualWindow';

export const ROW_HEIGHT = 36;
const OVERSCAN = 8;
/** Until the scroll area has been measured. */
const INITIAL_VIEWPORT = 480;

const COLUMNS: Array<{ id: CustomerSortColumn | 'topReason'; label: string; numeric?: boolean }> = [
  { id: 'customer', label: 'Customer' },
  { id: 'probability', label: 'Probability', numeric: true },
  { id: 'score', label: 'Score', numeric: true },
  { id: 'percentile', label: 'Percentile', numeric: true },
  { id: 'bucket', label: 'Bucket' },
  { id: 'topReason', label: 'Top reason' },
];

interface CustomerTableProps {
  loader: CustomerPageLoader;
  sort: CustomerSort;
  onSort(column: CustomerSortColumn): void;
  onOpen(customer: string): void;
  bucketColors: BucketColors;
  labelledBy: string;
  /** CSS height of the scroll area. */
  height: string;
}

/**
 * Every customer that passes the filter, as a grid whose rows are drawn only while in view and fetched page by
 * page. Rows take the focus one at a time (arrows, Page Up/Down, Home/End); Enter, Space or a click opens one.
 */
export const CustomerTable = memo(function CustomerTable({ loader, sort, onSort, onOpen, bucketColors, labelledBy, height }: CustomerTableProps) {
  useSyncExternalStore(loader.subscribe, loader.getVersion);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const focusRequested = useRef(false);
  const [scroll, setScroll] = useState({ loader, top: 0 });
  const [active, setActive] = useState({ loader, index: 0 });
  const [viewportHeight, setViewportHeight] = useState(INITIAL_VIEWPORT);

  const rowCount = loader.rowCount;
  const scrollTop = scroll.loader === loader ? scroll.top : 0;
  const activeIndex = active.loader === loader ? Math.min(active.index, Math.max(0, rowCount - 1)) : 0;
  const layout: VirtualLayout = { rowCount, rowHeight: ROW_HEIGHT, viewportHeight, maxHeight: MAX_SCROLL_HEIGHT };
  const { start, end } = visibleRows(scrollTop, layout, OVERSCAN);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const observer = new ResizeObserver(([entry]) => entry && setViewportHeight(entry.contentRect.height || INITIAL_VIEWPORT));
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  // A new query starts at the top.
  useEffect(() => {
    if (scrollerRef.current && loader) scrollerRef.current.scrollTop = 0;
  }, [loader]);

  useEffect(() => loader.want(start, end), [loader, start, end]);

  useLayoutEffect(() => {
    if (!focusRequested.current) return;
    focusRequested.current = false;
    scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus({ preventScroll: true });
  }, [activeIndex]);

  const reveal = (index: number) => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const top = scrollTopToReveal(index, scroller.scrollTop, layout);
    if (top !== null) scroller.scrollTop = top;
  };

  const moveTo = (index: number) => {
    if (rowCount === 0) return;
    const next = Math.min(Math.max(0, index), rowCount - 1);
    reveal(next);
    if (next === activeIndex) return;
    focusRequested.current = true;
    setActive({ loader, index: next });
  };

  const open = (index: number) => {
    const row = loader.rowAt(index);
    if (row) onOpen(row.customer);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLElement && event.target.dataset['index'] === undefined) return;
    const perPage = rowsPerPage(layout);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + perPage,
      PageUp: activeIndex - perPage,
      Home: 0,
      End: rowCount - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(activeIndex);
    }
  };

  const indexOf = (target: EventTarget): number | null => {
    const element = target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null;
    return element ? Number(element.dataset['index']) : null;
  };

  const indices: number[] = [];
  for (let index = start; index < end; index += 1) indices.push(index);
  // The row that holds the tab stop stays in the document while scrolled away, so Tab can always reach the list.
  if (rowCount > 0 && (activeIndex < start || activeIndex >= end)) indices.push(activeIndex);
  const innerHeight = scrollHeight(layout);

  return (
    <div
      role="grid"
      aria-labelledby={labelledBy}
      aria-rowcount={rowCount + 1}
      aria-colcount={COLUMNS.length}
      aria-busy={loader.loading}
      className={classes.grid}
      data-testid="customer-table"
      data-total={loader.total ?? undefined}
      data-loading={loader.loading ? 'true' : 'false'}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={classes.header}>
          {COLUMNS.map((column) => {
            const sorted = column.id === sort.column;
            const sortable = column.id !== 'topReason';
            return (
              <div
                key={column.id}
                role="columnheader"
                aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : undefined}
                className={column.numeric ? classes.numberHeader : undefined}
                data-column={column.id}
              >
                {sortable ? (
                  <UnstyledButton className={classes.sortButton} onClick={() => onSort(column.id as CustomerSortColumn)} data-testid={`sort-${column.id}`}>
                    {column.label}
                    <span aria-hidden="true">{sorted ? (sort.descending ? '↓' : '↑') : '↕'}</span>
                  </UnstyledButton>
                ) : (
                  column.label
                )}
              </div>
            );
          })}
        </div>
      </div>
      {/* Rows share one set of handlers here rather than one per row, so a scroll redraws only the rows that move. */}
      <div
        ref={scrollerRef}
        data-testid="customer-scroll"
        role="rowgroup"
        className={classes.scroller}
        style={{ height }}
        onScroll={(event) => setScroll({ loader, top: event.currentTarget.scrollTop })}
        onKeyDown={onKeyDown}
        onClick={(event) => {
          const index = indexOf(event.target);
          if (index === null) return;
          if (index !== activeIndex) setActive({ loader, index });
          open(index);
        }}
        onFocus={(event) => {
          const index = indexOf(event.target);
          if (index === null) return;
          if (index !== activeIndex) setActive({ loader, index });
          if (index < start || index >= end) reveal(index);
        }}
      >
        {rowCount === 0 ? (
          <Text className={classes.empty} c="dimmed" data-testid="customer-table-empty">
            {loader.loading ? 'Loading customers…' : 'No customer matches the filter.'}
          </Text>
        ) : (
          <div style={{ height: innerHeight, position: 'relative' }}>
            {indices.map((index) => {
              const inView = index >= start && index < end;
              const top = inView ? rowTop(index, scrollTop, layout) : Math.min(Math.max(0, rowTop(index, scrollTop, layout)), innerHeight - ROW_HEIGHT);
              return <Row key={index} index={index} top={top} row={loader.rowAt(index)} tabStop={index === activeIndex} bucketColors={bucketColors} />;
            })}
          </div>
        )}
      </div>
    </div>
  );
});

interface RowProps {
  index: number;
  top: number;
  row: CustomerRow | undefined;
  tabStop: boolean;
  bucketColors: BucketColors;
}

/** One customer, or a placeholder until its page arrives; drawn again only when one of these changes. */
const Row = memo(function Row({ index, top, row, tabStop, bucketColors }: RowProps) {
  const common = {
    role: 'row',
    'aria-rowindex': index + 2,
    tabIndex: tabStop ? 0 : -1,
    className: classes.row,
    style: { top },
    'data-index': index,
  } as const;
  if (!row) {
    return (
      <div {...common} data-testid="customer-row-placeholder">
        <div role="gridcell" aria-colspan={COLUMNS.length} style={{ gridColumn: '1 / -1' }}>
          <VisuallyHidden>Loading</VisuallyHidden>
          <Skeleton height={10} width="40%" radius="sm" />
        </div>
      </div>
    );
  }
  return (
    <div {...common} data-testid="customer-row" data-customer={row.customer}>
      <div role="gridcell" className={classes.cell} data-testid="cell-customer">
        {row.customer}
      </div>
      <div role="gridcell" className={classes.number} data-testid="cell-probability">
        {formatProbability(row.probability)}
      </div>
      <div role="gridcell" className={classes.number}>
        {row.score.toFixed(1)}
      </div>
      <div role="gridcell" className={classes.number}>
        {row.percentile}
      </div>
      <div role="gridcell" className={classes.cell}>
        <Text span size="sm" fw={600} c={bucketColors[row.bucket]} data-bucket={row.bucket}>
          {BUCKET_NAMES[row.bucket]}
        </Text>
      </div>
      <div role="gridcell" className={classes.cell} title={row.topReason ?? undefined}>
        {row.topReason ?? '—'}
      </div>
    </div>
  );
});
