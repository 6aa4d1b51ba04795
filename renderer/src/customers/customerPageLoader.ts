import type { CustomerPage, CustomerRow } from '../../../shared/contract/insights';

export type FetchCustomerPage = (offset: number, limit: number) => Promise<CustomerPage>;

export interface CustomerPageLoaderOptions {
  /** Rows per request. */
  pageSize?: number;
  /** Requests at once: a fast scroll asks only for what is in view when a slot frees up. */
  maxConcurrent?: number;
  /** Pages kept; those furthest from the rows in view are dropped first. */
  maxPages?: number;
  /** The total to show until the first answer (the previous query's), so the list does not collapse meanwhile. */
  provisionalTotal?: number | null;
}

/**
 * The rows of one query (a run, a filter and a sort), fetched a page at a time as they come into view and kept by
 * page. A new query gets a new loader, so answers to an old query can never land in the new one's rows.
 * Framework-free: components subscribe and read `version` to know when to draw again.
 */
export class CustomerPageLoader {
  readonly pageSize: number;
  private readonly maxConcurrent: number;
  private readonly maxPages: number;
  private readonly pages = new Map<number, CustomerRow[]>();
  private readonly inFlight = new Set<number>();
  private readonly failed = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private wanted: number[] = [];
  private version = 0;
  /** Customers that pass the filter, once the engine has answered. */
  total: number | null = null;
  readonly provisionalTotal: number | null;
  error: string | null = null;

  constructor(
    private readonly fetchPage: FetchCustomerPage,
    options: CustomerPageLoaderOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 200;
    this.maxConcurrent = options.maxConcurrent ?? 2;
    this.maxPages = options.maxPages ?? 100;
    this.provisionalTotal = options.provisionalTotal ?? null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever rows, the total or the error change. */
  getVersion = (): number => this.version;

  /** The row count to lay out: the total once known, else the provisional one. */
  get rowCount(): number {
    return this.total ?? this.provisionalTotal ?? 0;
  }

  get loading(): boolean {
    return this.total === null && this.error === null;
  }

  /** Rows `start` (inclusive) to `end` (exclusive) are in view: fetch their pages, nearest the top first. */
  want(start: number, end: number): void {
    const pages: number[] = [];
    if (this.total === null) pages.push(0);
    const last = this.total === null ? end - 1 : Math.min(end, this.total) - 1;
    for (let page = Math.floor(Math.max(0, start) / this.pageSize); page * this.pageSize <= last; page += 1) {
      if (!pages.includes(page)) pages.push(page);
    }
    this.wanted = pages;
    this.pump();
  }

  /** Stops asking for more (answers already asked for still land, unseen). */
  dispose(): void {
    this.wanted = [];
  }

  rowAt(index: number): CustomerRow | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Every row held, in list order, with its position. */
  loadedRows(): Array<{ index: number; row: CustomerRow }> {
    const out: Array<{ index: number; row: CustomerRow }> = [];
    for (const page of [...this.pages.keys()].sort((a, b) => a - b)) {
      this.pages.get(page)?.forEach((row, at) => out.push({ index: page * this.pageSize + at, row }));
    }
    return out;
  }

  isLoaded(page: number): boolean {
    return this.pages.has(page);
  }

  private pump(): void {
    while (this.inFlight.size < this.maxConcurrent) {
      const next = this.wanted.find((page) => !this.pages.has(page) && !this.inFlight.has(page) && !this.failed.has(page));
      if (next === undefined) return;
      this.request(next);
    }
  }

  private request(page: number): void {
    this.inFlight.add(page);
    this.fetchPage(page * this.pageSize, this.pageSize).then(
      (answer) => {
        this.inFlight.delete(page);
        this.total = answer.total;
        this.pages.set(page, answer.rows);
        this.evict();
        this.changed();
        this.pump();
      },
      (failure: unknown) => {
        this.inFlight.delete(page);
        this.failed.add(page);
        this.error = failure instanceof Error ? failure.message : String(failure);
        this.changed();
      },
    );
  }

  /** Drops the pages furthest from those wanted once more than `maxPages` are held; never a page in view. */
  private evict(): void {
    if (this.pages.size <= this.maxPages) return;
    const centre = this.wanted.length > 0 ? (this.wanted[0] + this.wanted[this.wanted.length - 1]) / 2 : 0;
    const byDistance = [...this.pages.keys()].filter((page) => !this.wanted.includes(page)).sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of byDistance.slice(0, this.pages.size - this.maxPages)) this.pages.delete(page);
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
