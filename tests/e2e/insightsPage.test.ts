import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatCount, formatMetric, formatPercent, formatTimestamp } from '../../renderer/src/format';
import { gradeLabel, qualityGrade } from '../../renderer/src/insights/qualityGrade';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { useBrowserSession } from '../helpers/browserSession';
import { BACKTEST_GOAL, backtestRun, openAppPage, openDemo, trainedRun } from '../helpers/demoSession';
import { SCREENSHOT_DIR, saveScreenshot, watchPageErrors } from '../helpers/chromium';

// A small demo trains in seconds; the page behaves the same at any size.
const session = useBrowserSession({ demoCustomers: 4000 });

const CHURN_GOAL = 'No return within 30 days';

async function readyPage(page: Page, runId: string): Promise<void> {
  await page.locator(`[data-testid="insights-page"][data-ready="true"][data-run-id="${runId}"]`).waitFor({ timeout: 30_000 });
}

/** The traces Plotly drew in one chart (the graph div keeps what it was given). */
type DrawnTrace = { name?: string; x?: unknown[]; y?: unknown[]; values?: number[]; customdata?: unknown[][] };

/** Charts below the first screen are drawn as they come into view: brings one there and waits for its drawing. */
async function drawnChart(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await page.locator(`[data-testid="${testId}"] .js-plotly-plot .main-svg`).first().waitFor({ timeout: 30_000 });
}

async function chartTraces(page: Page, testId: string): Promise<DrawnTrace[]> {
  await drawnChart(page, testId);
  return page.evaluate((id) => {
    const graph = document.querySelector(`[data-testid="${id}"] .js-plotly-plot`) as (HTMLElement & { data?: unknown[] }) | null;
    return JSON.parse(JSON.stringify(graph?.data ?? [])) as DrawnTrace[];
  }, testId);
}

/** Each chart's title, axis titles and whether every trace has hover text. */
async function chartLabels(page: Page, testId: string): Promise<{ title: string; x: string; y: string; hover: boolean }> {
  await drawnChart(page, testId);
  return page.evaluate((id) => {
    type Graph = HTMLElement & { layout?: { title?: { text?: string }; xaxis?: { title?: { text?: string } }; yaxis?: { title?: { text?: string } } }; data?: Array<{ hovertemplate?: string }> };
    const graph = document.querySelector(`[data-testid="${id}"] .js-plotly-plot`) as Graph | null;
    return {
      title: graph?.layout?.title?.text ?? '',
      x: graph?.layout?.xaxis?.title?.text ?? '',
      y: graph?.layout?.yaxis?.title?.text ?? '',
      hover: (graph?.data ?? []).length > 0 && (graph?.data ?? []).every((trace) => typeof trace.hovertemplate === 'string' && trace.hovertemplate.length > 0),
    };
  }, testId);
}

async function interactiveMeasures(page: Page): Promise<number[]> {
  return page.evaluate(() => performance.getEntriesByName('insights-interactive', 'measure').map((entry) => entry.duration));
}

describe('Insights page, end to end in Chromium', () => {
  it('points to the Train page while the workspace has no run', async () => {
    await openDemo(session.engine);
    expect(await session.engine.runs()).toEqual([]);
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openAppPage(page, session, 'Insights');
    await page.getByTestId('insights-no-runs').waitFor();
    expect(await page.getByTestId('insights-page').getAttribute('data-ready')).toBe('false');
    expect(await page.getByTestId('run-picker').count()).toBe(0);
    await saveScreenshot(page, '40-insights-01-no-runs');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Open the Train page' }).click();
    await page.getByRole('heading', { name: 'Train', level: 1 }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a backtest run: summary, score distribution, factors with their values per bucket, evaluation and realized rates', async () => {
    await openDemo(session.engine);
    const run = await backtestRun(session.engine);
    expect(run.realized).not.toBeNull();
    const insights = await session.engine.runInsights(run.runId);
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openAppPage(page, session, 'Insights');
    await readyPage(page, run.runId);
    // Ready means the first screen is drawn; a chart far below waits until it comes into view.
    expect(await page.getByTestId('insights-calibration').getAttribute('data-deferred')).toBe('true');
    const measures = await interactiveMeasures(page);
    expect(measures).toHaveLength(1);
    console.log(`insights e2e: interactive after ${measures[0]?.toFixed(0)} ms (${formatCount(run.scored)} customers)`);

    // Summary: the engine's figures.
    expect(await page.getByTestId('run-picker').inputValue()).toContain(`${BACKTEST_GOAL} · v${run.version}`);
    expect(await page.getByTestId('insights-scored').textContent()).toBe(formatCount(run.scored));
    expect(await page.getByTestId('insights-as-of').textContent()).toBe(formatTimestamp(run.asOf));
    expect(await page.getByTestId('insights-train-cutoff').textContent()).toBe(formatTimestamp(run.trainCutoff));
    expect(await page.getByTestId('insights-train-rate').textContent()).toBe(formatPercent(run.trainPositives / run.trainPopulation));
    expect(await page.getByTestId('insights-realized-rate').textContent()).toBe(formatPercent(run.realized?.positiveRate ?? 0));
    const [ring] = await chartTraces(page, 'insights-bucket-ring');
    expect(ring?.values).toEqual(['high', 'medium', 'low'].map((bucket) => run.buckets.find((row) => row.bucket === bucket)?.customers ?? 0));
    expect((ring?.values ?? []).reduce((sum, value) => sum + value, 0)).toBe(run.scored);
    const bucketCounts = await page.getByTestId('insights-summary').getByTestId('bucket-customers').allTextContents();
    expect(bucketCounts).toEqual(run.buckets.map((bucket) => formatCount(bucket.customers)));
    // A conversion's high bucket is the opportunity: teal.
    expect(await page.evaluate(() => (document.querySelector('[data-testid="insights-bucket-ring"] .js-plotly-plot') as HTMLElement & { data: Array<{ marker: { colors: string[] } }> }).data[0]?.marker.colors[0])).toBe('#099268');

    // Score distribution: the engine's bins, stacked per bucket, with both thresholds marked.
    const histogram = await chartTraces(page, 'insights-score-histogram');
    expect(histogram.map((trace) => trace.name)).toEqual(['High', 'Medium', 'Low']);
    for (const [index, bucket] of (['high', 'medium', 'low'] as const).entries()) {
      expect(histogram[index]?.y).toEqual(insights.scoreHistogram.bins.map((bin) => bin.counts[bucket]));
    }
    const shapes = await page.evaluate(() => (document.querySelector('[data-testid="insights-score-histogram"] .js-plotly-plot') as HTMLElement & { layout: { shapes: Array<{ x0: number }> } }).layout.shapes.map((shape) => shape.x0));
    expect(shapes).toEqual([insights.scoreHistogram.lowUpTo, insights.scoreHistogram.highFrom]);
    expect(await page.getByTestId('insights-score-histogram').locator('.annotation-text').allTextContents()).toEqual([
      expect.stringContaining(`Low up to ${formatPercent(insights.scoreHistogram.lowUpTo ?? 0)}`),
      expect.stringContaining(`High from ${formatPercent(insights.scoreHistogram.highFrom ?? 0)}`),
    ]);
    // Hovering a bar shows its value.
    const histogramChart = page.getByTestId('insights-score-histogram');
    await histogramChart.scrollIntoViewIfNeeded();
    const tallest = await histogramChart.locator('.bars path').evaluateAll((paths) =>
      paths
        .map((path) => path.getBoundingClientRect())
        .reduce((best, box) => (box.height > best.height ? { x: box.x + box.width / 2, y: box.y + box.height / 2, height: box.height } : best), { x: 0, y: 0, height: 0 }),
    );
    await page.mouse.move(tallest.x, tallest.y);
    await expect.poll(() => page.getByTestId('insights-score-histogram').locator('.hoverlayer .hovertext').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('insights-score-histogram').locator('.hoverlayer').textContent()).toMatch(/customers/);

    // Every chart has a title, axis titles and hover text.
    for (const chart of ['insights-score-histogram', 'insights-factor-bars', 'insights-lift', 'insights-gains', 'insights-roc', 'insights-calibration', 'insights-realized-buckets']) {
      const labels = await chartLabels(page, chart);
      expect(labels.title, chart).not.toBe('');
      expect(labels.x, chart).not.toBe('');
      expect(labels.y, chart).not.toBe('');
      expect(labels.hover, chart).toBe(true);
    }
    expect((await chartLabels(page, 'insights-bucket-ring')).title).toBe('Customers per bucket');

    // Factors overall: the top 15 by mean absolute effect, named as the run names them.
    const labelOf = (key: string) => run.features.find((feature) => feature.key === key)?.label ?? key;
    const top = [...run.influence].sort((a, b) => b.meanAbsPoints - a.meanAbsPoints).slice(0, 15);
    const factorTraces = await chartTraces(page, 'insights-factor-bars');
    // Long names are shortened on the axis; the hover carries each in full.
    expect(factorTraces.flatMap((trace) => (trace.customdata ?? []).map((row) => row[0])).toSorted()).toEqual(top.map((factor) => labelOf(factor.key)).toSorted());
    expect(factorTraces.flatMap((trace) => trace.y ?? [])).toHaveLength(top.length);

    // Factors per bucket: the high bucket's top 10; the first opens, from the keyboard, its values against the other buckets.
    expect(run.bucketInfluence.length).toBe(3);
    const highFactors = (run.bucketInfluence.find((entry) => entry.bucket === 'high')?.factors ?? []).slice(0, 10);
    const list = page.locator('[data-testid="insights-bucket-factors"][data-bucket="high"]');
    expect(await list.getByTestId('insights-bucket-factor').evaluateAll((items) => items.map((item) => item.getAttribute('data-key')))).toEqual(highFactors.map((factor) => factor.key));
    const first = highFactors[0];
    if (!first) throw new Error('the high bucket has no factors');
    const control = list.locator(`[data-testid="insights-bucket-factor"][data-key="${first.key}"] button`).first();
    await control.focus();
    await page.keyboard.press('Enter');
    expect(await control.getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator(`[data-testid="insights-distribution-panel"][data-key="${first.key}"]`);
    await panel.getByTestId('insights-distribution-chart').locator('.main-svg').first().waitFor({ timeout: 30_000 });
    const distribution = await session.engine.featureDistribution(run.runId, first.key, 20);
    expect(await panel.getAttribute('data-kind')).toBe(distribution.kind);
    const [others, mine] = await chartTraces(page, 'insights-distribution-chart');
    expect(mine?.name).toBe('High bucket');
    expect(others?.name).toBe('Other buckets');
    expect(mine?.x).toEqual(distribution.bins.map((bin) => bin.label));
    const highTotal = distribution.bins.reduce((sum, bin) => sum + bin.counts.high, distribution.missing.high);
    expect(((mine?.y ?? []) as number[]).map((share) => share.toFixed(6))).toEqual(distribution.bins.map((bin) => (bin.counts.high / highTotal).toFixed(6)));
    await saveScreenshot(page, '40-insights-02-backtest-run');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, '40-insights-03-factor-distribution.png') });

    // Another bucket shows its own factors.
    await page.getByTestId('insights-factor-bucket').getByText('Low', { exact: true }).click();
    const lowFactors = (run.bucketInfluence.find((entry) => entry.bucket === 'low')?.factors ?? []).slice(0, 10);
    const lowList = page.locator('[data-testid="insights-bucket-factors"][data-bucket="low"]');
    await lowList.waitFor();
    expect(await lowList.getByTestId('insights-bucket-factor').evaluateAll((items) => items.map((item) => item.getAttribute('data-key')))).toEqual(lowFactors.map((factor) => factor.key));

    // Evaluation: the validation metrics, the grade of the AUC, four charts and the baselines.
    const evaluation = page.getByTestId('insights-evaluation');
    expect(await evaluation.getByTestId('insights-validation-auc').textContent()).toBe(formatMetric(run.validation.auc));
    expect(await evaluation.getByTestId('insights-validation-pr-auc').textContent()).toBe(formatMetric(run.validation.prAuc));
    expect(await evaluation.getByTestId('insights-validation-log-loss').textContent()).toBe(formatMetric(run.validation.logLoss));
    expect(await evaluation.getByTestId('insights-validation-brier').textContent()).toBe(formatMetric(run.validation.brier));
    expect(await evaluation.getByTestId('insights-quality').getAttribute('data-grade')).toBe(qualityGrade(run.validation.auc));
    expect(await evaluation.getByTestId('insights-quality-grade').textContent()).toBe(gradeLabel(qualityGrade(run.validation.auc)));
    expect((await chartTraces(page, 'insights-lift'))[0]?.y).toEqual(run.validation.deciles.map((row) => row.lift));
    expect((await chartTraces(page, 'insights-gains')).map((trace) => trace.name)).toEqual(['Model', 'Random order']);
    expect((await chartTraces(page, 'insights-roc'))[0]?.x).toHaveLength(run.validation.roc.length);
    expect((await chartTraces(page, 'insights-calibration')).map((trace) => trace.name)).toEqual(['Model', 'Perfectly calibrated']);
    expect(await evaluation.getByTestId('run-baselines').locator('tbody tr').count()).toBe(1 + run.baselines.length);
    const download = page.waitForEvent('download');
    await evaluation.getByRole('button', { name: /^Export CSV: .*-baselines\.csv$/ }).click();
    const csv = await (await download).createReadStream().then(async (stream) => {
      let text = '';
      for await (const chunk of stream) text += String(chunk);
      return text;
    });
    expect(csv.split('\r\n')[0]).toBe('model,auc,pr_auc,log_loss,brier');
    expect(csv.split('\r\n')[1]).toBe(`Boosted trees (this run),${run.validation.auc},${run.validation.prAuc},${run.validation.logLoss},${run.validation.brier}`);

    // Backtest: realized metrics and predicted against realized rates per bucket.
    const backtest = page.getByTestId('insights-backtest');
    expect(await backtest.getByTestId('insights-realized-auc').textContent()).toBe(formatMetric(run.realized?.auc ?? 0));
    const realizedTraces = await chartTraces(page, 'insights-realized-buckets');
    expect(realizedTraces[0]?.y).toEqual(run.buckets.map((bucket) => bucket.meanProbability));
    expect(realizedTraces[1]?.y).toEqual(run.buckets.map((bucket) => bucket.actualRate));

    // Headings: one h1, each section an h2.
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Summary', 'Score distribution', 'Influential factors', 'Model evaluation', 'Backtest: what happened after as of']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByTestId('theme-toggle').click();
    await page.mouse.move(600, 5);
    await saveScreenshot(page, '40-insights-04-backtest-run-dark');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to another run from the picker, timing it afresh; a churn run flips the colours and has no backtest', async () => {
    await openDemo(session.engine);
    const backtest = await backtestRun(session.engine);
    const churn = await trainedRun(session.engine, CHURN_GOAL, 'churn', () => ({}));
    expect(churn.propensity).toBe('churn');
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openAppPage(page, session, 'Insights');
    // The newest run shows first.
    await readyPage(page, churn.runId);
    expect(await interactiveMeasures(page)).toHaveLength(1);
    expect(await page.getByTestId('insights-backtest').count()).toBe(0);
    expect(await page.getByTestId('insights-realized-rate').count()).toBe(0);
    expect(await page.evaluate(() => (document.querySelector('[data-testid="insights-bucket-ring"] .js-plotly-plot') as HTMLElement & { data: Array<{ marker: { colors: string[] } }> }).data[0]?.marker.colors[0])).toBe('#e03131');
    expect(await page.getByTestId('insights-scored').textContent()).toBe(formatCount(churn.scored));

    await page.getByTestId('run-picker').click();
    await page.getByRole('option', { name: new RegExp(`^${BACKTEST_GOAL.replace(/[()]/g, '\\$&')} · v${backtest.version}`) }).click();
    await readyPage(page, backtest.runId);
    expect(await interactiveMeasures(page)).toHaveLength(2);
    expect(await page.getByTestId('insights-scored').textContent()).toBe(formatCount(backtest.scored));
    await page.getByTestId('insights-backtest').waitFor();

    // The choice is shared: leaving and coming back keeps it.
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByRole('button', { name: 'Insights', exact: true }).click();
    await readyPage(page, backtest.runId);
    await page.getByTestId('run-picker').click();
    await page.getByRole('option', { name: new RegExp(`^${CHURN_GOAL} · v${churn.version}`) }).click();
    await readyPage(page, churn.runId);
    await saveScreenshot(page, '40-insights-05-churn-run');
    console.log(`insights e2e: interactive after ${(await interactiveMeasures(page)).map((ms) => ms.toFixed(0)).join(' ms, ')} ms (opening, then picking runs)`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
