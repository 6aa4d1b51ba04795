import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../electron/engine/sql/database';
import { formatCount } from '../../renderer/src/format';
import { formatExpected, formatMoney } from '../../renderer/src/segments/segmentFormat';
import type { Run } from '../../shared/contract/runs';
import { EXPORT_COLUMNS, segmentDefinitionSchema, type SegmentDefinition, type SegmentDefinitionInput, type SegmentSummary } from '../../shared/contract/segments';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { useBrowserSession } from '../helpers/browserSession';
import { backtestRun, openAppPage, openDemo } from '../helpers/demoSession';
import { saveScreenshot, watchPageErrors } from '../helpers/chromium';
import { inflateScores } from '../helpers/inflatedScores';

// A small demo trains in seconds; the page behaves the same at any size.
const session = useBrowserSession({ demoCustomers: 4000 });

const NAME_A = 'High bucket, top reason';
const NAME_B = 'Medium bucket';

let exportDir: string;
beforeAll(() => {
  exportDir = mkdtempSync(join(tmpdir(), 'pwb-e2e-exports-'));
});
afterAll(() => {
  if (exportDir) rmSync(exportDir, { recursive: true, force: true });
});

const definition = (input: SegmentDefinitionInput): SegmentDefinition => segmentDefinitionSchema.parse(input);
const HIGH = definition({ match: 'all', conditions: [{ field: 'bucket', op: 'eq', value: 'high' }] });
const MEDIUM = definition({ match: 'all', conditions: [{ field: 'bucket', op: 'eq', value: 'medium' }] });

/** The backtest goal saved and trained once on the demo, as the Goal and Train pages would; its run. */
async function trainedRun(): Promise<Run> {
  await openDemo(session.engine);
  return backtestRun(session.engine);
}

/** The High bucket narrowed to its most frequent top reason: segment A of the acceptance test. */
async function highWithTopReason(runId: string): Promise<{ reason: string; definition: SegmentDefinition }> {
  const high = await session.engine.segmentCount(runId, HIGH);
  const reason = high.topFactors[0]?.label;
  if (!reason) throw new Error('the High bucket has no top reasons');
  return { reason, definition: definition({ match: 'all', conditions: [...HIGH.conditions, { field: 'top reason', op: 'eq', value: reason }] }) };
}

/** A saved segment of the run by name, saved through the engine when an earlier test did not make it. */
async function savedSegment(runId: string, name: string, value: SegmentDefinition): Promise<SegmentSummary> {
  const existing = (await session.engine.segments(runId)).find((segment) => segment.name === name);
  return existing ? session.engine.segment(existing.segmentId) : session.engine.saveSegment({ runId, name, definition: value });
}

async function openSegmentsPage(page: Page, runId: string): Promise<void> {
  await openAppPage(page, session, 'Segments');
  await page.locator(`[data-testid="segments-page"][data-run-id="${runId}"] [data-testid="saved-segments"][data-current="true"]`).waitFor({ timeout: 30_000 });
  // Settled: the profit chart, the page's last part, is drawn.
  await page.locator('[data-testid="profit-chart"] .js-plotly-plot').waitFor({ timeout: 60_000 });
}

/** The live count's customers once it answers the definition on screen; null while it is catching up. */
async function liveCount(page: Page): Promise<string | null> {
  const panel = page.getByTestId('live-count');
  if ((await panel.getAttribute('data-loading')) !== 'false' || (await panel.getAttribute('data-stale')) !== 'false') return null;
  return panel.getByTestId('live-customers').textContent();
}

async function pickOption(page: Page, combobox: string, option: RegExp | string): Promise<void> {
  await page.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Plotly's own record of a chart: its traces, titles and shapes. */
async function chart(page: Page, testId: string) {
  return page.evaluate((id) => {
    type Graph = HTMLElement & {
      data?: Array<{ name?: string; x?: unknown[]; y?: number[]; hovertemplate?: string }>;
      layout?: { title?: { text?: string }; xaxis?: { title?: { text?: string } }; yaxis?: { title?: { text?: string } }; shapes?: unknown[] };
    };
    const graph = document.querySelector(`[data-testid="${id}"] .js-plotly-plot`) as Graph | null;
    return JSON.parse(
      JSON.stringify({
        data: graph?.data ?? [],
        title: graph?.layout?.title?.text ?? '',
        x: graph?.layout?.xaxis?.title?.text ?? '',
        y: graph?.layout?.yaxis?.title?.text ?? '',
        shapes: graph?.layout?.shapes?.length ?? 0,
      }),
    ) as { data: Array<{ name?: string; x?: unknown[]; y?: number[]; hovertemplate?: string }>; title: string; x: string; y: string; shapes: number };
  }, testId);
}

async function readBack(file: string, reader: 'read_parquet' | 'read_csv'): Promise<{ columns: string[]; rows: number }> {
  const db = await Database.open(':memory:');
  try {
    const columns = (await db.all(`DESCRIBE SELECT * FROM ${reader}($1)`, [file])).map((row) => String(row['column_name']));
    const [count] = await db.all(`SELECT count(*) AS n FROM ${reader}($1)`, [file]);
    return { columns, rows: Number(count?.['n']) };
  } finally {
    db.close();
  }
}

describe('Segments page, end to end in Chromium', () => {
  it('points to the Train page while the workspace has no run', async () => {
    await openDemo(session.engine);
    expect(await session.engine.runs()).toEqual([]);
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await page.goto(session.host.url);
    await page.locator('[data-app-state="ready"]').waitFor();
    await page.getByRole('button', { name: 'Segments', exact: true }).click();
    await page.getByTestId('segments-no-runs').waitFor();
    await saveScreenshot(page, '60-segments-01-no-runs');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Open the Train page' }).click();
    await page.getByRole('heading', { name: 'Train', level: 1 }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('builds a segment from the High bucket narrowed by its top reason, saves it and another, compares them, and exports the first as Parquet that DuckDB reads back', async () => {
    const run = await trainedRun();
    const { engine } = session;
    const high = await engine.segmentCount(run.runId, HIGH);
    const a = await highWithTopReason(run.runId);
    const statsA = await engine.segmentCount(run.runId, a.definition);
    const statsB = await engine.segmentCount(run.runId, MEDIUM);
    expect(statsA.customers).toBeGreaterThan(0);
    expect(statsA.customers).toBeLessThanOrEqual(high.customers);

    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openSegmentsPage(page, run.runId);
    await page.getByTestId('segments-empty').waitFor();
    await saveScreenshot(page, '60-segments-02-empty');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Segment A: the High bucket (picked from the values the field holds), then its most frequent top reason.
    await page.getByRole('button', { name: 'New segment' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('segment-name');
    await page.getByTestId('segment-name').fill(NAME_A);
    await page.getByRole('button', { name: 'Add condition to Segment', exact: true }).click();
    await pickOption(page, 'Segment condition 1: field', /^bucket/);
    await pickOption(page, 'Segment condition 1: value', /^high\s*[\d,]+$/);
    await expect.poll(() => liveCount(page)).toBe(formatCount(high.customers));
    await page.getByRole('button', { name: 'Add condition to Segment', exact: true }).click();
    await pickOption(page, 'Segment condition 2: field', /^top reason/);
    await page.getByRole('combobox', { name: 'Segment condition 2: value', exact: true }).fill(a.reason);
    await page.keyboard.press('Escape');
    await expect.poll(() => liveCount(page)).toBe(formatCount(statsA.customers));
    const shownA = (await liveCount(page)) ?? '';
    expect(await page.getByTestId('live-share').textContent()).toMatch(/%$/);
    await saveScreenshot(page, '60-segments-03-builder');
    await page.getByTestId('segment-save').click();
    await page.getByTestId('segments-notice').getByText(`Saved “${NAME_A}”`).waitFor();
    expect(await page.getByTestId('segment-builder').count()).toBe(0);
    const savedA = (await engine.segments(run.runId)).find((segment) => segment.name === NAME_A);
    expect(savedA?.definition).toEqual(a.definition);

    // Segment B: the Medium bucket; opened, named and saved from the keyboard.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    await page.getByRole('button', { name: 'New segment' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('segment-name');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(NAME_B);
    await page.getByRole('button', { name: 'Add condition to Segment', exact: true }).click();
    await pickOption(page, 'Segment condition 1: field', /^bucket/);
    await pickOption(page, 'Segment condition 1: value', /^medium\s*[\d,]+$/);
    await expect.poll(() => liveCount(page)).toBe(formatCount(statsB.customers));
    await page.getByTestId('segment-name').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('segments-notice').getByText(`Saved “${NAME_B}”`).waitFor();
    const saved = await engine.segments(run.runId);
    expect(saved.map((segment) => segment.name).sort()).toEqual([NAME_A, NAME_B].sort());
    const rows = page.getByTestId('segment-row');
    await expect.poll(() => rows.count()).toBe(2);
    for (const segment of saved) {
      const row = page.locator(`[data-testid="segment-row"][data-segment-id="${segment.segmentId}"]`);
      expect(await row.getByTestId('segment-customers').textContent()).toBe(formatCount(segment.stats!.customers));
    }

    // Compare them: the sizes are the engine's, both distributions and the factors are drawn, as shares of each segment.
    await page.getByRole('checkbox', { name: `Compare “${NAME_A}”` }).check();
    await page.getByRole('checkbox', { name: `Compare “${NAME_B}”` }).focus();
    await page.keyboard.press('Space');
    await page.locator('[data-testid="compare-probability"] .js-plotly-plot').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="compare-factor-0"] .js-plotly-plot').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('compare-customers-0').textContent()).toBe(formatCount(statsA.customers));
    expect(await page.getByTestId('compare-customers-1').textContent()).toBe(formatCount(statsB.customers));
    expect(await page.getByTestId('compare-customers-0').textContent()).toBe(shownA);
    const idA = savedA?.segmentId ?? '';
    const idB = saved.find((segment) => segment.name === NAME_B)?.segmentId ?? '';
    const comparison = await engine.compareSegments([idA, idB], 20);
    const distribution = await chart(page, 'compare-probability');
    expect(distribution.data.map((trace) => trace.name)).toEqual([NAME_A, NAME_B]);
    expect(distribution.data[0]?.y).toEqual(comparison.probabilityBins.map((bin) => bin.counts[0]! / statsA.customers));
    expect(distribution.data[1]?.y).toEqual(comparison.probabilityBins.map((bin) => bin.counts[1]! / statsB.customers));
    expect(distribution.title).toMatch(/Probability distribution/);
    expect(distribution.x).toBe('Probability');
    expect(distribution.y).toBe('Share of the segment');
    expect(distribution.data.every((trace) => (trace.hovertemplate ?? '').length > 0)).toBe(true);
    const factor = await chart(page, 'compare-factor-0');
    expect(factor.title).toBe(comparison.factors[0]?.label);
    expect(factor.data).toHaveLength(2);
    expect(factor.y).toBe('Share of the segment');
    expect(await page.locator('[data-testid^="compare-factor-"] .js-plotly-plot').count()).toBe(comparison.factors.length);
    await saveScreenshot(page, '60-segments-04-compare');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Export A as Parquet: a relative path is refused in browser mode, a full one is written.
    await page.getByRole('button', { name: `Export “${NAME_A}”` }).click();
    const dialog = page.getByRole('dialog', { name: `Export “${NAME_A}”` });
    await dialog.waitFor();
    expect(await dialog.getByTestId('export-path').inputValue()).toBe(`${NAME_A}.csv`);
    await dialog.getByText('Parquet', { exact: true }).click();
    expect(await dialog.getByTestId('export-path').inputValue()).toBe(`${NAME_A}.parquet`);
    await dialog.getByTestId('export-submit').click();
    await dialog.getByText(/full path of the file/).waitFor();
    const file = join(exportDir, 'high-top-reason.parquet');
    await dialog.getByTestId('export-path').fill(file);
    await dialog.getByTestId('export-submit').click();
    await dialog.getByTestId('export-done').waitFor({ timeout: 60_000 });
    expect(await dialog.getByTestId('export-rows').textContent()).toBe(shownA);
    expect(await dialog.getByTestId('export-written-path').textContent()).toBe(file);
    const written = await readBack(file, 'read_parquet');
    expect(written.columns).toEqual([...EXPORT_COLUMNS]);
    expect(written.rows).toBe(statsA.customers);
    expect(formatCount(written.rows)).toBe(shownA);
    await saveScreenshot(page, '60-segments-05-exported');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks before replacing a file that exists, keeps it when told to, and replaces it when confirmed', async () => {
    const run = await trainedRun();
    const segment = await savedSegment(run.runId, NAME_B, MEDIUM);
    const file = join(exportDir, 'medium.csv');
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openSegmentsPage(page, run.runId);
    await page.getByRole('button', { name: `Export “${NAME_B}”` }).click();
    const dialog = page.getByRole('dialog', { name: `Export “${NAME_B}”` });
    await dialog.getByTestId('export-path').fill(file);
    await dialog.getByTestId('export-submit').click();
    await dialog.getByTestId('export-done').waitFor({ timeout: 60_000 });
    expect((await readBack(file, 'read_csv')).rows).toBe(segment.stats.customers);
    const firstWrite = statSync(file).mtimeMs;

    // Again: the file is there, so the page asks; keeping it writes nothing.
    await dialog.getByTestId('export-submit').click();
    const confirm = page.getByRole('dialog', { name: 'Replace the file?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(file);
    await saveScreenshot(page, '60-segments-06-replace');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dialog.waitFor();
    expect(statSync(file).mtimeMs).toBe(firstWrite);

    await dialog.getByTestId('export-submit').click();
    await confirm.getByTestId('export-replace').click();
    await expect.poll(() => statSync(file).mtimeMs, { timeout: 60_000 }).toBeGreaterThan(firstWrite);
    await dialog.getByTestId('export-done').waitFor({ timeout: 60_000 });
    const replaced = await readBack(file, 'read_csv');
    expect(replaced.columns).toEqual([...EXPORT_COLUMNS]);
    expect(replaced.rows).toBe(segment.stats.customers);
    expect(readdirSync(exportDir).filter((name) => name.includes('.partial-'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the engine’s refusal of an incomplete condition at that condition, and saves nothing', async () => {
    const run = await trainedRun();
    const before = (await session.engine.segments(run.runId)).length;
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openSegmentsPage(page, run.runId);
    await page.getByRole('button', { name: 'New segment' }).click();
    await page.getByTestId('segment-name').fill('Incomplete');
    await page.getByRole('button', { name: 'Add condition to Segment', exact: true }).click();
    await pickOption(page, 'Segment condition 1: field', /^top reason/);
    await pickOption(page, 'Segment condition 1: operator', 'contains');
    const refusal = page.getByTestId('live-count-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Segment condition 1: value: "contains" takes a non-empty text value');
    expect(await page.getByRole('group', { name: 'Segment condition 1' }).getByRole('alert').textContent()).toContain('"contains" takes a non-empty text value');
    await page.getByTestId('segment-save').click();
    await page.getByTestId('segment-save-error').waitFor();
    await saveScreenshot(page, '60-segments-07-refused');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect((await session.engine.segments(run.runId)).length).toBe(before);

    // Completing the value makes it count again.
    await page.getByRole('combobox', { name: 'Segment condition 1: value', exact: true }).fill('a');
    await page.keyboard.press('Escape');
    await expect.poll(() => liveCount(page)).not.toBeNull();
    expect(await refusal.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds the most profitable cut as segments.profit does, over all customers or the segment being built, and a segment at that cut holds that many customers', async () => {
    const run = await trainedRun();
    const { engine } = session;
    const money = { valuePerConversion: 100, costPerContact: 20, capacity: 300 };
    const all = await engine.profit(run.runId, definition({}), money);
    expect(all.optimum.probabilityCutoff).not.toBeNull();
    const a = await highWithTopReason(run.runId);
    await savedSegment(run.runId, NAME_A, a.definition);
    const withinA = await engine.profit(run.runId, a.definition, { ...money, capacity: null });
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openSegmentsPage(page, run.runId);
    const section = page.getByTestId('profit-section');
    await section.getByLabel('Value per conversion').fill('100');
    await section.getByLabel('Cost per contact').fill('20');
    await section.getByLabel('Capacity (customers)').fill('300');
    const shown = async () => {
      if ((await section.getAttribute('data-loading')) !== 'false') return null;
      return {
        targeted: await section.getByTestId('profit-targeted').textContent(),
        cutoff: await section.getByTestId('profit-cutoff').textContent(),
        expected: await section.getByTestId('profit-expected').textContent(),
        profit: await section.getByTestId('profit-profit').textContent(),
      };
    };
    const figures = (curve: typeof all) => ({
      targeted: formatCount(curve.optimum.targeted),
      cutoff: curve.optimum.probabilityCutoff?.toFixed(4) ?? '—',
      expected: formatExpected(curve.optimum.expectedConversions),
      profit: formatMoney(curve.optimum.expectedProfit),
    });
    await expect.poll(shown, { timeout: 30_000 }).toEqual(figures(all));
    await page.locator('[data-testid="profit-chart"] .js-plotly-plot').waitFor();
    const curve = await chart(page, 'profit-chart');
    expect(curve.data[0]?.x).toEqual(all.points.map((point) => point.targeted));
    expect(curve.data[0]?.y).toEqual(all.points.map((point) => point.expectedProfit));
    expect(curve.data[1]?.x).toEqual([all.optimum.targeted]);
    expect(curve.shapes).toBe(1);
    expect(curve.title).toBe('Expected profit by customers targeted');
    expect(curve.x).toMatch(/Customers targeted/);
    expect(curve.y).toBe('Expected profit');

    // The cut over all customers: a new segment, probability at least the exact cutoff.
    await section.getByTestId('profit-create-segment').click();
    await page.getByTestId('segment-builder').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('segment-name');
    await expect.poll(() => liveCount(page)).toBe(formatCount(all.optimum.targeted));
    const cutName = await page.getByTestId('segment-name').inputValue();
    expect(cutName).toBe(`Most profitable: probability ≥ ${all.optimum.probabilityCutoff?.toFixed(3)}`);
    await saveScreenshot(page, '60-segments-08-profit-cut');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByTestId('segment-save').click();
    await page.getByTestId('segments-notice').getByText(`Saved “${cutName}”`).waitFor();
    const cut = (await engine.segments(run.runId)).find((segment) => segment.name === cutName);
    expect(cut?.definition).toEqual({ match: 'all', conditions: [{ field: 'probability', op: 'gte', value: all.optimum.probabilityCutoff }] });
    expect(cut?.stats?.customers).toBe(all.optimum.targeted);

    // Over the segment being built: segment A opened for editing, the cut added to its conditions.
    await section.getByLabel('Capacity (customers)').fill('');
    await page.getByRole('button', { name: `Edit “${NAME_A}”` }).click();
    await page.getByTestId('profit-candidates').getByText('The segment being built').click();
    await expect.poll(shown, { timeout: 30_000 }).toEqual(figures(withinA));
    expect((await chart(page, 'profit-chart')).shapes).toBe(0);
    if (withinA.optimum.probabilityCutoff !== null) {
      await section.getByTestId('profit-create-segment').click();
      await expect.poll(() => liveCount(page)).toBe(formatCount(withinA.optimum.targeted));
      expect(await page.getByTestId('segment-name').inputValue()).toBe(`${NAME_A}, probability ≥ ${withinA.optimum.probabilityCutoff.toFixed(3)}`);
      expect(await engine.segmentCount(run.runId, definition({ match: 'all', conditions: [...a.definition.conditions, { field: 'probability', op: 'gte', value: withinA.optimum.probabilityCutoff }] }))).toMatchObject({ customers: withinA.optimum.targeted });
    }
    await page.locator('[data-testid="profit-chart"] .js-plotly-plot').waitFor();
    await saveScreenshot(page, '60-segments-09-light');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByTestId('theme-toggle').click();
    await page.mouse.move(600, 5);
    await saveScreenshot(page, '60-segments-10-dark');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renames, clones and deletes a segment (after confirming)', async () => {
    const run = await trainedRun();
    await savedSegment(run.runId, NAME_B, MEDIUM);
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openSegmentsPage(page, run.runId);
    const renamed = `${NAME_B} (renamed)`;
    await page.getByRole('button', { name: `Rename “${NAME_B}”` }).click();
    await page.getByTestId('segment-name-input').fill(renamed);
    await page.getByTestId('segment-name-submit').click();
    await page.getByTestId('segments-notice').getByText(`Renamed to “${renamed}”.`).waitFor();

    await page.getByRole('button', { name: `Clone “${renamed}”` }).click();
    expect(await page.getByTestId('segment-name-input').inputValue()).toBe(`${renamed} (copy)`);
    // A name the run already has is refused in the dialog.
    await page.getByTestId('segment-name-input').fill(renamed.toUpperCase());
    await page.getByTestId('segment-name-submit').click();
    await page.getByText(/already has a segment named/).waitFor();
    await page.getByTestId('segment-name-input').fill(`${renamed} (copy)`);
    await page.getByTestId('segment-name-submit').click();
    await page.getByTestId('segments-notice').getByText(`Cloned as “${renamed} (copy)”.`).waitFor();
    const clone = (await session.engine.segments(run.runId)).find((segment) => segment.name === `${renamed} (copy)`);
    expect(clone?.definition).toEqual(MEDIUM);

    await page.getByRole('button', { name: `Delete “${renamed} (copy)”` }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the segment?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect((await session.engine.segments(run.runId)).some((segment) => segment.name === `${renamed} (copy)`)).toBe(true);
    await page.getByRole('button', { name: `Delete “${renamed} (copy)”` }).click();
    await confirm.getByTestId('confirm-action').click();
    await page.getByTestId('segments-notice').getByText(`Deleted “${renamed} (copy)”.`).waitFor();
    expect((await session.engine.segments(run.runId)).some((segment) => segment.name === `${renamed} (copy)`)).toBe(false);
    await expect.poll(() => page.getByRole('button', { name: `Delete “${renamed} (copy)”` }).count()).toBe(0);
    // Back to its name for the other tests.
    const original = (await session.engine.segments(run.runId)).find((segment) => segment.name === renamed);
    if (original) await session.engine.renameSegment(original.segmentId, NAME_B);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('starts a segment from an Insights bucket and from the Customers page filter, counting what they showed', async () => {
    const run = await trainedRun();
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await page.goto(session.host.url);
    await page.locator('[data-app-state="ready"]').waitFor();

    await page.getByRole('button', { name: 'Insights', exact: true }).click();
    await page.locator(`[data-testid="insights-page"][data-ready="true"][data-run-id="${run.runId}"]`).waitFor({ timeout: 30_000 });
    await page.getByTestId('segment-from-bucket-high').click();
    await page.getByRole('heading', { name: 'Segments', level: 1 }).waitFor();
    await page.getByTestId('segment-builder').waitFor();
    expect(await page.getByTestId('segment-name').inputValue()).toBe('High bucket');
    const high = run.buckets.find((bucket) => bucket.bucket === 'high')?.customers ?? -1;
    await expect.poll(() => liveCount(page), { timeout: 30_000 }).toBe(formatCount(high));
    await saveScreenshot(page, '60-segments-13-from-insights-bucket');

    await page.getByRole('button', { name: 'Customers', exact: true }).click();
    const table = page.getByTestId('customer-table');
    await table.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('bucket-filter').getByText('Low', { exact: true }).click();
    await page.getByLabel('Probability from (%)').fill('5');
    // The demo's ids start with a capital C: the search ignores case, and so must the segment made from it.
    await page.getByLabel('Search customer ids').fill('c00');
    const filtered = await session.engine.customers(run.runId, { filter: { buckets: ['high', 'medium'], minProbability: 0.05, maxProbability: 1, search: 'c00' }, sort: { column: 'probability', descending: true }, offset: 0, limit: 1 });
    expect(filtered.total).toBeGreaterThan(0);
    await expect.poll(() => table.getAttribute('data-total'), { timeout: 30_000 }).toBe(String(filtered.total));
    await page.getByTestId('segment-from-filter').click();
    await page.getByTestId('segment-builder').waitFor();
    await expect.poll(() => liveCount(page), { timeout: 30_000 }).toBe(formatCount(filtered.total));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cancels the export of a large run: progress, then no file and no temporary file', async () => {
    const run = await trainedRun();
    // Millions of scored customers, so the export is still writing when Cancel is pressed.
    await inflateScores(session.engine.requireWorkspace().db, run.runId, 4_000_000);
    const file = join(exportDir, 'all-scores.csv');
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openSegmentsPage(page, run.runId);
    await page.getByTestId('export-all').click();
    const dialog = page.getByRole('dialog', { name: 'Export all scores' });
    expect(await dialog.getByTestId('export-path').inputValue()).toBe('All scores.csv');
    await dialog.getByTestId('export-path').fill(file);
    await dialog.getByTestId('export-submit').click();
    const progress = dialog.getByTestId('job-progress');
    await progress.waitFor({ timeout: 30_000 });
    await saveScreenshot(page, '60-segments-11-export-progress');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByText('Export cancelled; no file was written.').waitFor({ timeout: 30_000 });
    expect(session.engine.listJobs().filter((job) => job.kind === 'export').at(-1)?.status).toBe('cancelled');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(exportDir).filter((name) => name.includes('.partial-'))).toEqual([]);
    // The form stays, to try again.
    expect(await dialog.getByTestId('export-path').inputValue()).toBe(file);
    await saveScreenshot(page, '60-segments-12-export-cancelled');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Last: it adds a newer run of the goal, which the tests above would otherwise pick up.
  it('offers the earlier run\'s segments on a retrained goal\'s new run and copies them, counted over the new run', async () => {
    const first = await trainedRun();
    const { engine } = session;
    const profileField = (await engine.segmentFields(first.runId)).find((field) => field.name.startsWith('profile: '));
    expect(profileField).toBeDefined();
    const onProfile = await engine.saveSegment({ runId: first.runId, name: 'With a profile', definition: definition({ match: 'all', conditions: [{ field: profileField!.name, op: 'exists' }] }) });
    const job = await engine.startRun(first.instanceId);
    const outcome = await engine.jobs.wait(job.jobId);
    expect(outcome.status, outcome.message).toBe('succeeded');
    const [newest] = await engine.runs(first.instanceId);
    expect(newest!.version).toBe(first.version + 1);
    // The profiles dataset goes: a segment on a profile attribute no longer holds over either run.
    const profiles = (await engine.datasets()).find((dataset) => dataset.kind === 'profiles');
    expect(await engine.deleteDataset(profiles!.id)).toBe(true);
    const elsewhere = await engine.segmentsFromOtherRuns(newest!.runId);
    expect(elsewhere.length).toBeGreaterThan(2);
    const copyable = elsewhere.filter((segment) => segment.segmentId !== onProfile.segmentId);

    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openSegmentsPage(page, newest!.runId);
    const offer = page.getByTestId('segments-elsewhere');
    await offer.waitFor();
    expect(await offer.getAttribute('data-count')).toBe(String(elsewhere.length));
    for (const segment of elsewhere) expect(await offer.textContent()).toContain(`“${segment.name}”`);
    await page.getByTestId('segments-empty').waitFor();
    await saveScreenshot(page, '60-segments-14-earlier-run-offer');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByTestId('segments-elsewhere-copy').click();
    const notice = page.getByTestId('segments-notice');
    await notice.getByText(`Copied ${copyable.length} segments to this run.`).waitFor();
    expect(await notice.textContent()).toContain(`“With a profile” was not: `);
    expect(await notice.textContent()).toContain(profileField!.name);
    await expect.poll(() => page.getByTestId('segment-row').count()).toBe(copyable.length);
    // What could not be copied is still offered, alone.
    await expect.poll(() => offer.getAttribute('data-count')).toBe('1');
    const copied = await engine.segments(newest!.runId);
    expect(copied.map((segment) => segment.name).sort()).toEqual(copyable.map((segment) => segment.name).sort());
    for (const segment of copied) {
      expect(segment.stats).toEqual(await engine.segmentCount(newest!.runId, segment.definition));
      const row = page.locator(`[data-testid="segment-row"][data-segment-id="${segment.segmentId}"]`);
      expect(await row.getByTestId('segment-customers').textContent()).toBe(formatCount(segment.stats!.customers));
    }
    await saveScreenshot(page, '60-segments-15-copied-to-new-run');

    // On the first run, the segment that lost its profile attribute is listed with the reason, and can be deleted.
    await page.getByTestId('run-picker').click();
    await page.getByRole('option', { name: new RegExp(` · v${first.version} · `) }).click();
    const broken = page.locator(`[data-testid="segment-row"][data-segment-id="${onProfile.segmentId}"]`);
    await broken.waitFor();
    expect(await broken.getAttribute('data-problem')).toBe('true');
    expect(await broken.getByTestId('segment-customers').textContent()).toBe('—');
    expect(await broken.getByTestId('segment-problem').textContent()).toContain(profileField!.name);
    expect(await broken.getByTestId('segment-export').isDisabled()).toBe(true);
    expect(await broken.getByTestId('segment-compare').isDisabled()).toBe(true);
    await saveScreenshot(page, '60-segments-16-segment-that-no-longer-holds');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByTestId('theme-toggle').click();
    await page.mouse.move(600, 5);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await broken.getByTestId('segment-delete').click();
    await page.getByRole('dialog', { name: 'Delete the segment?' }).getByTestId('confirm-action').click();
    await broken.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
