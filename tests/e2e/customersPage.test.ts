import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProbability } from '../../renderer/src/customers/customerFormat';
import { formatCount } from '../../renderer/src/format';
import type { CustomerFilter, CustomerPage, CustomerSortColumn } from '../../shared/contract/insights';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { useBrowserSession } from '../helpers/browserSession';
import { backtestAsOf, openAppPage } from '../helpers/demoSession';
import { saveScreenshot, watchPageErrors } from '../helpers/chromium';
import { demoWorkspaceWithGoal } from '../helpers/demoRunWorkspace';

const session = useBrowserSession();

let dir: string;
let runId: string;

// The 3,000-customer demo with its conversion goal, trained as a backtest (as of 45 days before the last event),
// so the score cards also say whether each customer reached the goal.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pwb-customers-e2e-'));
  const { engine } = session;
  const demo = await demoWorkspaceWithGoal(dir);
  await engine.openWorkspace(demo.path);
  const events = (await engine.datasets()).find((dataset) => dataset.kind === 'events');
  if (!events?.maxTime) throw new Error('the demo has no events dataset');
  const instance = await engine.saveInstance({ ...demo.instance.config, as_of: backtestAsOf(events.maxTime) }, demo.instance.id);
  const job = await engine.startRun(instance.id);
  const outcome = await engine.jobs.wait(job.jobId);
  if (outcome.status !== 'succeeded') throw new Error(`training failed: ${outcome.message}`);
  const [run] = await engine.runs(instance.id);
  if (!run) throw new Error('no run was saved');
  runId = run.runId;
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const EVERYONE: CustomerFilter = { buckets: [], minProbability: 0, maxProbability: 1, search: '' };

function engineCustomers(filter: Partial<CustomerFilter> = {}, sort: { column: CustomerSortColumn; descending: boolean } = { column: 'probability', descending: true }, offset = 0, limit = 1): Promise<CustomerPage> {
  return session.engine.customers(runId, { filter: { ...EVERYONE, ...filter }, sort, offset, limit });
}

const table = (page: Page) => page.getByTestId('customer-table');
const rowAt = (page: Page, index: number) => page.locator(`[data-testid="customer-row"][data-index="${index}"]`);
const scroller = (page: Page) => table(page).locator('[role="rowgroup"]').nth(1);

async function tableTotal(page: Page): Promise<number | null> {
  const loading = await table(page).getAttribute('data-loading');
  return loading === 'false' ? Number(await table(page).getAttribute('data-total')) : null;
}

async function firstCustomer(page: Page): Promise<string | null> {
  const row = rowAt(page, 0);
  return (await row.count()) === 0 ? null : row.getAttribute('data-customer');
}

async function openCustomersPage(page: Page): Promise<void> {
  await openAppPage(page, session, 'Customers');
  await page.locator('[data-testid="customer-table"][data-loading="false"]').waitFor({ timeout: 30_000 });
  await rowAt(page, 0).waitFor();
}

async function openedCard(page: Page, customer: string) {
  const card = page.locator(`[data-testid="score-card"][data-customer="${customer}"][data-ready="true"]`);
  await card.waitFor({ timeout: 15_000 });
  return card;
}

describe('Customers page, end to end in Chromium', () => {
  it('lists every scored customer as the engine counts them, drawing only the rows in view, and sorts by clicking or from the keyboard', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openCustomersPage(page);
    const everyone = await engineCustomers();
    expect(everyone.total).toBeGreaterThan(1000);
    expect(await tableTotal(page)).toBe(everyone.total);
    expect(await page.getByTestId('customer-count').textContent()).toBe(`${formatCount(everyone.total)} customers`);
    expect(await firstCustomer(page)).toBe(everyone.rows[0]?.customer);
    expect(await rowAt(page, 0).getByTestId('cell-probability').textContent()).toBe(formatProbability(everyone.rows[0]?.probability ?? 0));
    // Virtual: a screenful of rows, not thousands.
    expect(await page.getByTestId('customer-row').count()).toBeLessThan(80);
    const probabilityHeader = page.locator('[role="columnheader"][data-column="probability"]');
    expect(await probabilityHeader.getAttribute('aria-sort')).toBe('descending');
    await saveScreenshot(page, '50-customers-list');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const lowest = await engineCustomers({}, { column: 'probability', descending: false });
    await page.getByTestId('sort-probability').click();
    await expect.poll(() => firstCustomer(page)).toBe(lowest.rows[0]?.customer);
    expect(await probabilityHeader.getAttribute('aria-sort')).toBe('ascending');

    // The header buttons work from the keyboard too.
    await page.getByTestId('sort-probability').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => firstCustomer(page)).toBe(everyone.rows[0]?.customer);
    expect(await probabilityHeader.getAttribute('aria-sort')).toBe('descending');

    const byId = await engineCustomers({}, { column: 'customer', descending: false });
    await page.getByTestId('sort-customer').click();
    await expect.poll(() => firstCustomer(page)).toBe(byId.rows[0]?.customer);
    expect(await page.locator('[role="columnheader"][data-column="customer"]').getAttribute('aria-sort')).toBe('ascending');
    expect(await probabilityHeader.getAttribute('aria-sort')).toBeNull();
    const byIdDescending = await engineCustomers({}, { column: 'customer', descending: true });
    await page.getByTestId('sort-customer').click();
    await expect.poll(() => firstCustomer(page)).toBe(byIdDescending.rows[0]?.customer);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('narrows the list by bucket, probability range and id search, with the totals the engine gives', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openCustomersPage(page);

    await page.getByTestId('bucket-filter').getByText('High', { exact: true }).click();
    await page.getByTestId('bucket-filter').getByText('Medium', { exact: true }).click();
    const low = await engineCustomers({ buckets: ['low'] });
    await expect.poll(() => tableTotal(page)).toBe(low.total);
    expect(await firstCustomer(page)).toBe(low.rows[0]?.customer);
    const buckets = await page.locator('[data-testid="customer-row"] [data-bucket]').evaluateAll((cells) => [...new Set(cells.map((cell) => cell.getAttribute('data-bucket')))]);
    expect(buckets).toEqual(['low']);

    await page.getByTestId('bucket-filter').getByText('Medium', { exact: true }).click();
    await page.getByLabel('Probability from (%)').fill('10');
    await page.getByLabel('Probability to (%)').fill('20');
    const range = await engineCustomers({ buckets: ['medium', 'low'], minProbability: 0.1, maxProbability: 0.2 });
    await expect.poll(() => tableTotal(page)).toBe(range.total);
    expect(await page.getByTestId('customer-count').textContent()).toBe(`${formatCount(range.total)} ${range.total === 1 ? 'customer' : 'customers'}`);
    await saveScreenshot(page, '50-customers-filtered');

    await page.getByTestId('bucket-filter').getByText('High', { exact: true }).click();
    await page.getByLabel('Probability from (%)').fill('');
    await page.getByLabel('Probability to (%)').fill('');
    const searched = await engineCustomers({ search: 'c0001' });
    expect(searched.total).toBeGreaterThan(0);
    expect(searched.total).toBeLessThan(200);
    await page.getByLabel('Search customer ids').fill('c0001');
    await expect.poll(() => tableTotal(page)).toBe(searched.total);
    expect(await firstCustomer(page)).toBe(searched.rows[0]?.customer);

    await page.getByLabel('Search customer ids').fill('no such customer');
    await expect.poll(() => tableTotal(page)).toBe(0);
    await page.getByTestId('customer-table-empty').getByText('No customer matches the filter.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a score card from the keyboard: the probability, the waterfall from the base rate, the timeline, the profile and where the customer stands; Escape closes it', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openCustomersPage(page);
    const second = (await engineCustomers({}, undefined, 1, 1)).rows[0];
    if (!second) throw new Error('the run has fewer than two customers');

    await rowAt(page, 0).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('1');
    await page.keyboard.press('Enter');
    const card = await openedCard(page, second.customer);
    await page.getByRole('dialog', { name: `Customer ${second.customer}` }).waitFor();

    const expected = await session.engine.scoreCard(runId, second.customer);
    const probability = formatProbability(expected.probability);
    expect(await card.getByTestId('score-card-probability').textContent()).toBe(probability);
    expect(await card.getByTestId('waterfall-end').textContent()).toBe(probability);
    expect(await card.getByTestId('score-card-bucket').getAttribute('data-bucket')).toBe(expected.bucket);
    expect(expected.realized).not.toBeNull();
    expect(await card.getByTestId('score-card-realized').getAttribute('data-realized')).toBe(String(expected.realized));

    // The engine's factors add up from the base rate to the probability, and the card draws them so.
    const factorSum = expected.factors.reduce((sum, factor) => sum + factor.points, 0);
    expect(Math.abs(expected.baseRate + factorSum - expected.probability)).toBeLessThan(1e-6);
    expect(Number(await card.getByTestId('score-card-base-rate').getAttribute('data-value'))).toBeCloseTo(expected.baseRate, 12);
    const shownKeys = await card.getByTestId('score-card-factor').evaluateAll((items) => items.map((item) => item.getAttribute('data-key')));
    expect(shownKeys).toEqual(expected.factors.slice(0, 10).map((factor) => factor.key));
    const shownPoints = await card.locator('[data-testid="score-card-factor"], [data-testid="score-card-factor-other"]').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-points'))));
    expect(expected.baseRate + shownPoints.reduce((sum, points) => sum + points, 0)).toBeCloseTo(expected.probability, 9);
    if (expected.factors.length > 10) expect(await card.getByTestId('score-card-factor-other').textContent()).toContain(`Other factors (${expected.factors.length - 10})`);
    // Plotly draws just after the card is ready.
    await card.locator('[data-testid="score-card-waterfall"] .main-svg').first().waitFor();
    const waterfall = await page.evaluate(() => {
      const graph = document.querySelector('[data-testid="score-card-waterfall"] .js-plotly-plot') as (HTMLElement & { data?: Array<{ type: string; measure: string[]; x: number[]; customdata: string[] }> }) | null;
      return graph?.data?.[0] ?? null;
    });
    expect(waterfall?.type).toBe('waterfall');
    expect(waterfall?.measure[0]).toBe('absolute');
    expect(waterfall?.measure.at(-1)).toBe('total');
    expect((waterfall?.x ?? []).slice(0, -1).reduce((sum, value) => sum + value, 0)).toBeCloseTo(expected.probability * 100, 6);
    expect(waterfall?.customdata[1]).toBe(expected.factors[0]?.sentence.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'));

    // Timeline and profile.
    const events = expected.timeline.days.reduce((sum, day) => sum + day.count, 0);
    expect(events).toBeGreaterThan(0);
    expect(await card.getByTestId('timeline-summary').textContent()).toContain(`${formatCount(events)} events`);
    await card.locator('[data-testid="score-card-timeline"] .main-svg').first().waitFor();
    expect(expected.profile.length).toBeGreaterThan(0);
    expect(await card.getByTestId('score-card-profile-table').locator('tr').count()).toBe(expected.profile.length);

    // Where the customer stands on the largest factors: fetched after the card shows.
    const distribution = card.locator('[data-testid="factor-distribution"][data-state="ready"]').first();
    await distribution.waitFor({ timeout: 15_000 });
    expect(await distribution.getByTestId('factor-standing').textContent()).toMatch(/Higher than \d+% of customers|In the lowest range|share this value|No value for this customer/);
    await distribution.locator('.main-svg').first().waitFor();
    await expect.poll(() => card.locator('[data-testid="factor-distribution"][data-state="ready"]').count()).toBe(Math.min(5, expected.factors.length));

    const measures = await page.evaluate(() => performance.getEntriesByName('score-card').map((entry) => entry.duration));
    expect(measures.length).toBe(1);
    console.log(`customers e2e: score card ready ${measures[0]?.toFixed(0)} ms after Enter`);
    await saveScreenshot(page, '51-score-card-light');
    await card.getByTestId('score-card-events').scrollIntoViewIfNeeded();
    await saveScreenshot(page, '51-score-card-light-timeline');
    await card.getByTestId('score-card-standing').scrollIntoViewIfNeeded();
    await saveScreenshot(page, '51-score-card-light-standing');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await page.locator('[data-testid="score-card"]').isVisible()).toBe(false);
    // Focus is back on the row that opened the card.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-customer'))).toBe(second.customer);

    // Dark theme: the list, then a card opened with a click.
    await page.getByTestId('theme-toggle').click();
    await page.mouse.move(600, 5);
    await saveScreenshot(page, '50-customers-dark');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const first = await firstCustomer(page);
    await rowAt(page, 0).click();
    const darkCard = await openedCard(page, first ?? '');
    await darkCard.locator('[data-testid="factor-distribution"][data-state="ready"]').first().waitFor({ timeout: 15_000 });
    await saveScreenshot(page, '51-score-card-dark');
    await darkCard.getByTestId('score-card-standing').scrollIntoViewIfNeeded();
    await saveScreenshot(page, '51-score-card-dark-standing');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays light at a million customers: a capped scroll height, a screenful of rows, the first and last rows reachable', async () => {
    // The engine's answers are replaced at the network by a million generated rows: the page cannot tell.
    const TOTAL = 1_000_000;
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    const asked: number[] = [];
    await page.route('**/api/call/runs.customers', async (route) => {
      const input = JSON.parse(route.request().postData() ?? '{}') as { offset: number; limit: number };
      asked.push(input.offset);
      const rows = Array.from({ length: Math.max(0, Math.min(input.limit, TOTAL - input.offset)) }, (_, at) => {
        const index = input.offset + at;
        const probability = 1 - index / TOTAL;
        return { customer: `M${String(index).padStart(7, '0')}`, probability, score: Math.round(probability * 1000) / 10, percentile: Math.max(1, Math.ceil(probability * 100)), bucket: probability >= 0.75 ? 'high' : probability >= 0.25 ? 'medium' : 'low', topReason: `Reason of row ${index}`, topReasonPoints: 0.01 };
      });
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, result: { total: TOTAL, offset: input.offset, rows } }) });
    });
    await openCustomersPage(page);
    expect(await tableTotal(page)).toBe(TOTAL);
    expect(await page.getByTestId('customer-count').textContent()).toBe('1,000,000 customers');
    const height = await scroller(page).evaluate((element) => element.scrollHeight);
    expect(height).toBeLessThanOrEqual(15_000_000);
    expect(height).toBeGreaterThan(1_000_000);

    // Scrolling through the whole list in 40 jumps draws a screenful each time and asks only for pages in view.
    const frames = await scroller(page).evaluate(async (element) => {
      const times: number[] = [];
      for (let step = 1; step <= 40; step += 1) {
        const started = performance.now();
        element.scrollTop = ((element.scrollHeight - element.clientHeight) * step) / 40;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b);
    });
    expect(await page.getByTestId('customer-row').count() + (await page.getByTestId('customer-row-placeholder').count())).toBeLessThan(80);
    await expect.poll(() => page.locator(`[data-testid="customer-row"][data-index="${TOTAL - 1}"]`).getAttribute('data-customer')).toBe('M0999999');
    expect(asked.length).toBeLessThan(120);
    console.log(`customers e2e: 1,000,000 rows, scroll height ${height} px, ${asked.length} pages asked, frame after a jump: median ${frames[20]?.toFixed(0)} ms, worst ${frames.at(-1)?.toFixed(0)} ms`);
    // The last row sits at the bottom of the scroll area, fully in view.
    const lastBox = await page.locator(`[data-testid="customer-row"][data-index="${TOTAL - 1}"]`).boundingBox();
    const scrollerBox = await scroller(page).boundingBox();
    expect((lastBox?.y ?? 0) + (lastBox?.height ?? 0)).toBeLessThanOrEqual((scrollerBox?.y ?? 0) + (scrollerBox?.height ?? 0) + 1);
    await saveScreenshot(page, '50-customers-million-end');

    // From the keyboard: Home goes back to the first row, Page Down moves a screenful, ArrowUp one row.
    await page.locator(`[data-testid="customer-row"][data-index="${TOTAL - 1}"]`).focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-customer'))).toBe('M0000000');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowUp');
    const index = Number(await page.evaluate(() => document.activeElement?.getAttribute('data-index')));
    expect(index).toBeGreaterThan(5);
    expect(index).toBeLessThan(40);
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-customer'))).toBe('M0999999');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads later rows when scrolled deep into the list or sent to its end from the keyboard, and exports the rows loaded', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openCustomersPage(page);
    const total = (await engineCustomers()).total;

    const middle = Math.floor(total / 2);
    await scroller(page).evaluate((element, top) => {
      element.scrollTop = top;
    }, middle * 36);
    const atMiddle = (await engineCustomers({}, undefined, middle, 1)).rows[0];
    await rowAt(page, middle).waitFor();
    await expect.poll(() => rowAt(page, middle).getAttribute('data-customer')).toBe(atMiddle?.customer);

    await scroller(page).evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    const last = (await engineCustomers({}, undefined, total - 1, 1)).rows[0];
    await expect.poll(() => page.locator(`[data-testid="customer-row"][data-index="${total - 1}"]`).getAttribute('data-customer')).toBe(last?.customer);
    await saveScreenshot(page, '50-customers-end');

    // Home and End move the focus to either end, fetching what they reach.
    await rowAt(page, total - 1).focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('0');
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-customer'))).toBe(last?.customer);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Export loaded rows \(CSV\)/ }).click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('customer,probability,score,percentile,bucket,top_reason,top_reason_points');
    // The first page, the middle ones and the last: each a page of 200 rows (or what is left).
    expect(lines.length - 1).toBeGreaterThanOrEqual(400);
    expect(lines.length - 1).toBeLessThanOrEqual(total);
    expect(lines[1]?.split(',')[0]).toBe((await engineCustomers()).rows[0]?.customer);
    expect(lines.at(-1)?.split(',')[0]).toBe(last?.customer);
    expect(errors).toEqual([]);
    await page.close();
  });
});
