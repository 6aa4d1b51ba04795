import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCount } from '../../renderer/src/format';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { useBrowserSession } from '../helpers/browserSession';
import { saveScreenshot, watchPageErrors } from '../helpers/chromium';

const session = useBrowserSession();
const dataDir = mkdtempSync(join(tmpdir(), 'pwb-e2e-data-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface EventsFile {
  path: string;
  rowsRead: number;
  rowsImported: number;
  rejected: number;
  customers: number;
  months: number;
}

/** 200 events of 40 customers over six months of 2025, and two rows without a customer id. */
function writeEventsCsv(name: string): EventsFile {
  const lines = ['customer_id,event_time,event_type,amount'];
  for (let index = 0; index < 200; index += 1) {
    const month = String(1 + (index % 6)).padStart(2, '0');
    const day = String(1 + (index % 28)).padStart(2, '0');
    const minute = String(index % 60).padStart(2, '0');
    lines.push(`C${String(index % 40).padStart(3, '0')},2025-${month}-${day} 10:${minute}:00,${index % 3 === 0 ? 'purchase' : 'view'},${(index * 1.5).toFixed(2)}`);
  }
  lines.push(',2025-03-01 10:00:00,view,1.00', ',2025-03-02 11:00:00,purchase,2.00');
  const path = join(dataDir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, rowsRead: 202, rowsImported: 200, rejected: 2, customers: 40, months: 6 };
}

async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await session.browser.newPage({ viewport: { width: 1360, height: 900 } });
  const errors = watchPageErrors(page);
  await page.goto(session.host.url);
  await page.locator('[data-app-state="ready"]').waitFor();
  return { page, errors };
}

/** A fresh, empty workspace opened in the engine, for tests that do not create theirs through the page. */
async function openEmptyWorkspace(name: string): Promise<void> {
  await session.engine.createWorkspace(join(session.stateDir, `${name}.pwb`), name);
}

/** axe on a settled page: a dialog still fading in has text at partial opacity, which reads as low contrast. */
async function accessibilityViolations(page: Page) {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
  );
  return seriousAccessibilityViolations(page);
}

function importDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Import data' });
}

async function expectReport(page: Page, expected: EventsFile): Promise<void> {
  const report = page.getByTestId('quality-report');
  await report.getByTestId('quality-figures').waitFor({ timeout: 60_000 });
  expect(await report.getByTestId('quality-rows-read').textContent()).toBe(formatCount(expected.rowsRead));
  expect(await report.getByTestId('quality-rows-imported').textContent()).toBe(formatCount(expected.rowsImported));
  expect(await report.getByTestId('quality-rows-rejected').textContent()).toBe(formatCount(expected.rejected));
  expect(await report.getByTestId('quality-customers').textContent()).toBe(formatCount(expected.customers));
  const chart = report.getByTestId('quality-events-per-month');
  await chart.locator('.main-svg').first().waitFor();
  expect(await chart.locator('.bars .point').count()).toBe(expected.months);
  expect(await chart.locator('.gtitle').textContent()).toBe('Events per month');
}

describe('importing data in the browser, end to end in Chromium', () => {
  it('imports a CSV typed by path into a new workspace and shows its quality report', async () => {
    const events = writeEventsCsv('events-small.csv');
    const { page, errors } = await openPage();
    await page.getByTestId('workspace-path').fill(join(session.stateDir, 'imported.pwb'));
    await page.getByRole('button', { name: 'Create new' }).click();
    await page.getByTestId('no-datasets').waitFor();

    await page.getByTestId('open-import').click();
    const dialog = importDialog(page);
    await dialog.waitFor();
    await dialog.getByTestId('import-paths').fill(events.path);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, '10-import-source');
    await dialog.getByTestId('preview-source').click();

    const table = dialog.getByTestId('preview-table');
    await table.waitFor();
    expect(await table.getByTestId('preview-column-name').allTextContents()).toEqual(['customer_id', 'event_time', 'event_type', 'amount']);
    // Each column shows the kind and type the engine detected.
    const detected = await session.engine.previewImport({ files: [events.path] });
    const types = await table.getByTestId('preview-column-type').allTextContents();
    expect(types).toEqual(detected.columns.map((column) => `${column.kind} · ${column.type}`));
    expect(types[0]).toMatch(/^text · /);
    expect(types[3]).toMatch(/^number · /);
    expect(await table.locator('tbody tr').count()).toBe(100);
    expect(await dialog.getByTestId('mapping-name').inputValue()).toBe('events-small');
    expect(await dialog.getByTestId('mapping-id-column').inputValue()).toContain('customer_id');
    expect(await dialog.getByTestId('mapping-time-column').inputValue()).toContain('event_time');
    expect(await dialog.getByTestId('mapping-event-type-column').inputValue()).toContain('event_type');
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, '11-import-mapping');

    await dialog.getByTestId('start-import').click();
    await expectReport(page, events);
    await dialog.waitFor({ state: 'hidden' });
    const report = page.getByTestId('quality-report');
    expect(await report.getByRole('heading', { level: 2 }).textContent()).toBe('Quality report: events-small');
    expect(await report.locator('[data-reason="null_id"] [data-testid="quality-rejected-count"]').textContent()).toBe('2');
    await report.getByTestId('quality-events-per-type').locator('.main-svg').first().waitFor();
    expect(await report.getByTestId('quality-events-per-type').locator('.bars .point').count()).toBe(2);
    expect(await report.locator('[data-column="amount"] [data-testid="quality-column-completeness"]').textContent()).toBe('100%');
    expect(await page.getByTestId('dataset-card').count()).toBe(1);
    const [dataset] = await session.engine.datasets();
    expect(dataset).toMatchObject({ name: 'events-small', kind: 'events', rows: events.rowsImported, customers: events.customers });

    expect(await accessibilityViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, '12-quality-report');
    await page.getByTestId('theme-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, '13-quality-report-dark');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('uploads a file through the file input and imports it', async () => {
    await openEmptyWorkspace('uploaded');
    const events = writeEventsCsv('upload me.csv');
    const { page, errors } = await openPage();
    await page.getByTestId('no-datasets').waitFor();
    await page.getByTestId('open-import').click();
    const dialog = importDialog(page);
    await dialog.waitFor();
    await dialog.locator('input[type="file"]').setInputFiles(events.path);

    await dialog.getByTestId('preview-table').waitFor();
    // The host stored the upload under the engine's state folder, and the preview read it from there.
    const uploadedPath = (await dialog.getByTestId('source-path').textContent()) ?? '';
    expect(uploadedPath.startsWith(join(session.stateDir, 'uploads') + sep)).toBe(true);
    expect(uploadedPath.endsWith(`${sep}upload me.csv`)).toBe(true);
    expect(await dialog.getByTestId('mapping-name').inputValue()).toBe('upload me');

    await dialog.getByTestId('start-import').click();
    await expectReport(page, events);
    const [dataset] = await session.engine.datasets();
    expect(dataset).toMatchObject({ name: 'upload me', rows: events.rowsImported });
    await saveScreenshot(page, '14-uploaded-report');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renames a dataset (Enter saves, Escape cancels) and deletes it after asking', async () => {
    await openEmptyWorkspace('renaming');
    const events = writeEventsCsv('to-rename.csv');
    const job = session.engine.startImport(
      { files: [events.path] },
      { name: 'Web events', kind: 'events', idColumn: 'customer_id', timeColumn: 'event_time', timeFormat: null, timeZone: null, eventTypeColumn: null, numericIds: false },
    );
    expect((await session.engine.jobs.wait(job.jobId)).status).toBe('succeeded');
    const { page, errors } = await openPage();
    await page.getByTestId('dataset-card').waitFor();

    await page.getByRole('button', { name: 'Rename Web events' }).click();
    const renameDialog = page.getByRole('dialog', { name: 'Rename “Web events”' });
    await renameDialog.waitFor();
    await page.getByTestId('rename-dataset-name').fill('Store events');
    await page.keyboard.press('Enter');
    await renameDialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Dataset Store events' }).waitFor();
    expect((await session.engine.datasets()).map((dataset) => dataset.name)).toEqual(['Store events']);

    await page.getByRole('button', { name: 'Rename Store events' }).click();
    await page.getByTestId('rename-dataset-name').fill('Not this');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect((await session.engine.datasets()).map((dataset) => dataset.name)).toEqual(['Store events']);

    await page.getByRole('button', { name: 'Delete Store events' }).click();
    const deleteDialog = page.getByRole('dialog', { name: 'Delete “Store events”?' });
    await deleteDialog.waitFor();
    expect(await deleteDialog.textContent()).toContain('“Store events” and its 200 rows');
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, '15-delete-dataset');
    await page.getByTestId('delete-dataset-confirm').click();
    await page.getByTestId('no-datasets').waitFor();
    expect(await session.engine.datasets()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the engine’s message when the mapped id column is missing, and keeps the form filled', async () => {
    await openEmptyWorkspace('bad-input');
    const events = writeEventsCsv('changing.csv');
    const { page, errors } = await openPage();
    await page.getByTestId('open-import').click();
    const dialog = importDialog(page);

    await dialog.getByTestId('import-paths').fill(join(dataDir, 'does-not-exist.csv'));
    await dialog.getByTestId('preview-source').click();
    expect(await dialog.getByTestId('preview-error').textContent()).toContain('does-not-exist.csv');

    await dialog.getByTestId('import-paths').fill(events.path);
    await dialog.getByTestId('preview-source').click();
    await dialog.getByTestId('preview-table').waitFor();
    await dialog.getByTestId('mapping-name').fill('Changing file');
    // The file changes between preview and import: its customer_id column is gone.
    writeFileSync(events.path, 'user,event_time,event_type,amount\nA,2025-01-01 10:00:00,view,1\n');
    await dialog.getByTestId('start-import').click();

    const alert = dialog.getByTestId('import-error');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('Column "customer_id" is not in changing.csv');
    expect(await dialog.getByTestId('mapping-name').inputValue()).toBe('Changing file');
    expect(await dialog.getByTestId('mapping-id-column').inputValue()).toContain('customer_id');
    expect(await dialog.getByTestId('mapping-time-column').inputValue()).toContain('event_time');
    expect(await dialog.getByTestId('mapping-id-column').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByTestId('start-import').isEnabled()).toBe(true);
    expect(await session.engine.datasets()).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, '16-import-error');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the progress of a long import and Cancel stops it, adding nothing to the workspace', async () => {
    await openEmptyWorkspace('cancelled');
    const path = join(dataDir, 'large-events.csv');
    await writeLargeEventsCsv(path, 4_000_000);
    const { page, errors } = await openPage();
    await page.getByTestId('no-datasets').waitFor();
    await page.getByTestId('open-import').click();
    const dialog = importDialog(page);
    await dialog.getByTestId('import-paths').fill(path);
    await dialog.getByTestId('preview-source').click();
    await dialog.getByTestId('preview-table').waitFor();
    await dialog.getByTestId('start-import').click();

    const progress = dialog.getByTestId('job-progress');
    await progress.waitFor();
    await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toContain('Reading rows');
    await saveScreenshot(page, '17-import-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByTestId('import-cancelled').waitFor({ timeout: 5000 });
    expect(await session.engine.datasets()).toEqual([]);
    const tables = await session.engine.requireWorkspace().db.all("SELECT table_name FROM information_schema.tables WHERE table_schema = 'data'");
    expect(tables).toEqual([]);
    expect(await dialog.getByTestId('start-import').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

/** A CSV of a few million events, written by DuckDB, so that importing it takes long enough to cancel. */
async function writeLargeEventsCsv(path: string, rows: number): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `COPY (SELECT 'C' || (i % 90000) AS customer_id, TIMESTAMP '2025-01-01' + to_seconds(i % 31536000) AS event_time,
           ['view', 'cart', 'purchase'][i % 3 + 1] AS event_type, (i % 1000) / 10.0 AS amount
           FROM range(${rows}) t(i)) TO '${path.replaceAll("'", "''")}' (HEADER)`,
  );
  connection.closeSync();
  instance.closeSync();
}
