import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCount, formatTimestamp } from '../../renderer/src/format';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { useBrowserSession } from '../helpers/browserSession';
import { openDemo } from '../helpers/demoSession';
import { saveScreenshot, watchPageErrors } from '../helpers/chromium';

const session = useBrowserSession();

describe('browser mode, end to end in Chromium', () => {
  it('opens the demo workspace and shows its datasets with rows, customers and time span', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(session.host.url);
    await page.locator('[data-app-state="ready"]').waitFor();
    // The token leaves the address bar once the page has it.
    expect(page.url()).not.toContain('token=');
    await saveScreenshot(page, '01-start');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByTestId('open-demo').click();
    await page.getByTestId('job-progress').waitFor({ timeout: 30_000 });
    await page.getByTestId('dataset-card').first().waitFor({ timeout: 240_000 });

    const expected = await session.engine.datasets();
    expect(expected.map((dataset) => dataset.kind).sort()).toEqual(['events', 'profiles']);
    const cards = page.getByTestId('dataset-card');
    await expect.poll(() => cards.count()).toBe(expected.length);
    const events = expected.find((dataset) => dataset.kind === 'events')!;
    expect(events.rows).toBeGreaterThanOrEqual(1_000_000);
    expect(events.customers).toBeGreaterThanOrEqual(20_000);
    const eventsCard = page.getByRole('region', { name: `Dataset ${events.name}` }).or(page.locator(`[aria-label="Dataset ${events.name}"]`)).first();
    expect(await eventsCard.getByTestId('dataset-rows').textContent()).toBe(formatCount(events.rows));
    expect(await eventsCard.getByTestId('dataset-customers').textContent()).toBe(formatCount(events.customers));
    expect(await eventsCard.getByTestId('dataset-span').textContent()).toBe(`${formatTimestamp(events.minTime)} → ${formatTimestamp(events.maxTime)}`);
    expect(await page.getByTestId('workspace-name').textContent()).toBe('Demo store');
    // The Plotly chart renders under the strict Content-Security-Policy (no eval, no inline scripts).
    const chart = page.getByTestId('monthly-activity');
    await chart.locator('.main-svg').first().waitFor();
    expect(await chart.locator('.bars .point').count()).toBe(18);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const screenshot = await saveScreenshot(page, '02-demo-data');
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves between pages by keyboard and switches to the dark theme', async () => {
    // Tests after the first do not depend on it.
    await openDemo(session.engine);
    const page = await session.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(session.host.url);
    await page.getByTestId('dataset-card').first().waitFor();
    const pages = page.getByRole('navigation', { name: 'Pages' });
    const goal = pages.getByRole('button', { name: 'Goal', exact: true });
    await goal.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Goal');
    expect(await goal.getAttribute('aria-current')).toBe('page');

    await page.getByTestId('theme-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    await pages.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByTestId('monthly-activity').locator('.main-svg').first().waitFor();
    await saveScreenshot(page, '03-demo-data-dark');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a readable error for a file that is not a workspace and stays usable', async () => {
    // Tests after the first do not depend on it.
    await openDemo(session.engine);
    const page = await session.browser.newPage();
    await page.goto(session.host.url);
    await page.locator('[data-app-state="ready"]').waitFor();
    await page.getByRole('button', { name: 'Close workspace' }).click();
    await page.getByTestId('workspace-path').fill(join(process.cwd(), 'package.json'));
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('is not a Propensity Workbench workspace');
    await page.getByTestId('open-demo').click();
    await page.getByTestId('dataset-card').first().waitFor({ timeout: 60_000 });
    await page.close();
  });
});
