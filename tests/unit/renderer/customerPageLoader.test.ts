import { describe, expect, it } from 'vitest';
import type { CustomerPage, CustomerRow } from '../../../shared/contract/insights';
import { CustomerPageLoader } from '../../../renderer/src/customers/customerPageLoader';

const row = (index: number): CustomerRow => ({ customer: `C${index}`, probability: 0.5, score: 50, percentile: 50, bucket: 'medium', topReason: null, topReasonPoints: null });

/** A fake engine of `total` rows whose answers the test releases one by one. */
function fakeEngine(total: number) {
  const pending: Array<{ offset: number; limit: number; resolve(page: CustomerPage): void; reject(error: Error): void }> = [];
  const fetch = (offset: number, limit: number) =>
    new Promise<CustomerPage>((resolve, reject) => {
      pending.push({ offset, limit, resolve, reject });
    });
  const answer = async (which = 0) => {
    const [request] = pending.splice(which, 1);
    if (!request) throw new Error('no request pending');
    const rows = Array.from({ length: Math.max(0, Math.min(request.limit, total - request.offset)) }, (_, at) => row(request.offset + at));
    request.resolve({ total, offset: request.offset, rows });
    await Promise.resolve();
    await Promise.resolve();
  };
  return { pending, fetch, answer };
}

describe('customer page loader', () => {
  it('asks for the first page before the total is known, then for the pages in view, and holds their rows by position', async () => {
    const engine = fakeEngine(1000);
    const loader = new CustomerPageLoader(engine.fetch, { pageSize: 100, maxConcurrent: 4 });
    let notified = 0;
    loader.subscribe(() => (notified += 1));
    expect(loader.loading).toBe(true);
    loader.want(0, 0);
    expect(engine.pending.map((request) => request.offset)).toEqual([0]);
    await engine.answer();
    expect(loader.total).toBe(1000);
    expect(loader.loading).toBe(false);
    expect(notified).toBe(1);
    expect(loader.rowAt(42)?.customer).toBe('C42');
    expect(loader.rowAt(142)).toBeUndefined();

    loader.want(150, 320);
    expect(engine.pending.map((request) => request.offset)).toEqual([100, 200, 300]);
    // Asking again for what is on its way asks nothing more.
    loader.want(150, 320);
    expect(engine.pending.length).toBe(3);
    await engine.answer(1);
    expect(loader.rowAt(250)?.customer).toBe('C250');
    expect(loader.loadedRows().map((entry) => entry.index)).toEqual([...Array.from({ length: 100 }, (_, i) => i), ...Array.from({ length: 100 }, (_, i) => 200 + i)]);
  });

  it('keeps only a few requests in flight and, when one returns, asks only for what is in view by then', async () => {
    const engine = fakeEngine(1_000_000);
    const loader = new CustomerPageLoader(engine.fetch, { pageSize: 200, maxConcurrent: 2 });
    loader.want(0, 20);
    await engine.answer();
    // A fast scroll passes many pages; only the latest window matters.
    loader.want(10_000, 10_030);
    loader.want(500_000, 500_030);
    loader.want(999_980, 1_000_000);
    expect(engine.pending.map((request) => request.offset)).toEqual([10_000, 500_000]);
    await engine.answer(0);
    expect(engine.pending.map((request) => request.offset)).toEqual([500_000, 999_800]);
    await engine.answer(1);
    expect(loader.rowAt(999_999)?.customer).toBe('C999999');
    await engine.answer(0);
    expect(engine.pending).toEqual([]);
  });

  it('never asks past the total, keeps the pages in view, and drops those furthest from view beyond its limit', async () => {
    const engine = fakeEngine(950);
    const loader = new CustomerPageLoader(engine.fetch, { pageSize: 100, maxConcurrent: 10, maxPages: 2 });
    loader.want(0, 10);
    await engine.answer();
    loader.want(0, 450);
    expect(engine.pending.map((request) => request.offset)).toEqual([100, 200, 300, 400]);
    for (let answers = 0; answers < 4; answers += 1) await engine.answer();
    // Pages in view are kept whatever the limit.
    expect(loader.loadedRows().length).toBe(500);
    loader.want(900, 10_000);
    expect(engine.pending.map((request) => request.offset)).toEqual([900]);
    await engine.answer();
    // The page just loaded and the nearest other stay; pages 0 to 3 went.
    expect(loader.loadedRows().map((entry) => entry.index)).toEqual([...Array.from({ length: 100 }, (_, i) => 400 + i), ...Array.from({ length: 50 }, (_, i) => 900 + i)]);
    expect(loader.rowAt(0)).toBeUndefined();
  });

  it('reports a failed request once instead of asking again and again, and stops asking once disposed', async () => {
    const engine = fakeEngine(1000);
    const loader = new CustomerPageLoader(engine.fetch, { pageSize: 100 });
    loader.want(0, 10);
    engine.pending.shift()?.reject(new Error('engine gone'));
    await Promise.resolve();
    await Promise.resolve();
    expect(loader.error).toBe('engine gone');
    expect(loader.loading).toBe(false);
    loader.want(0, 10);
    expect(engine.pending).toEqual([]);

    const other = new CustomerPageLoader(engine.fetch, { pageSize: 100, maxConcurrent: 1 });
    other.want(0, 300);
    other.dispose();
    await engine.answer();
    expect(engine.pending).toEqual([]);
  });

  it('lays out the previous query’s row count until its own total arrives', async () => {
    const engine = fakeEngine(7);
    const loader = new CustomerPageLoader(engine.fetch, { provisionalTotal: 3000 });
    expect(loader.rowCount).toBe(3000);
    loader.want(0, 20);
    await engine.answer();
    expect(loader.rowCount).toBe(7);
  });
});
