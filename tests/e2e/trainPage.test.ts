import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMetric } from '../../renderer/src/format';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { useBrowserSession } from '../helpers/browserSession';
import { BACKTEST_GOAL, backtestAsOf, backtestGoal, backtestRun, openAppPage, openDemo, savedGoal, trainedRun } from '../helpers/demoSession';
import { saveScreenshot, watchPageErrors } from '../helpers/chromium';

// A small demo trains in seconds; the page behaves the same at any size.
const session = useBrowserSession({ demoCustomers: 4000 });

const GOAL = BACKTEST_GOAL;
const NARROW_GOAL = 'Too narrow to train';

/** Rows of the history table once it reflects every saved run (0 when the goal has none). */
async function historyRows(page: Page): Promise<number> {
  await page.locator('[data-testid="run-history-section"][data-current="true"]').waitFor({ timeout: 30_000 });
  if (await page.getByTestId('no-runs').isVisible()) return 0;
  return page.getByTestId('run-history').locator('tbody tr').count();
}

/** Records every phase and message the progress card shows, however briefly, into `window.seenProgress`. */
async function recordProgressTexts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Array<{ phase: string; message: string }> = [];
    (window as unknown as { seenProgress: typeof seen }).seenProgress = seen;
    const record = () => {
      const phase = document.querySelector('[data-testid="job-phase"]')?.textContent ?? '';
      const message = document.querySelector('[data-testid="job-message"]')?.textContent ?? '';
      const last = seen.at(-1);
      if ((phase || message) && (last?.phase !== phase || last?.message !== message)) seen.push({ phase, message });
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function progressTextsSeen(page: Page): Promise<Array<{ phase: string; message: string }>> {
  return page.evaluate(() => (window as unknown as { seenProgress: Array<{ phase: string; message: string }> }).seenProgress);
}

/** On the Goal page, opens the saved goal of that name and asks to delete it; the confirmation dialog. */
async function askToDeleteGoal(page: Page, name: string) {
  await openAppPage(page, session, 'Goal');
  await page.getByTestId('instance-select').click();
  await page.getByRole('option', { name }).click();
  await expect.poll(() => page.getByTestId('instance-select').inputValue()).toBe(name);
  await page.getByTestId('delete-goal').click();
  return page.getByRole('dialog', { name: 'Delete the goal?' });
}

describe('Train page, end to end in Chromium', () => {
  it('points to the Goal page while there is no saved goal', async () => {
    await openDemo(session.engine);
    expect(await session.engine.instances()).toEqual([]);
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openAppPage(page, session, 'Train');
    await page.getByTestId('no-goals').waitFor();
    expect(await page.getByTestId('train-run').count()).toBe(0);
    await saveScreenshot(page, 'train-01-no-goals');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Open the Goal page' }).click();
    await page.getByRole('heading', { name: 'Goal', level: 1 }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains a saved goal from the keyboard, shows its progress step by step, then the run in the history with its details', async () => {
    await openDemo(session.engine);
    const goalId = await backtestGoal(session.engine);
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openAppPage(page, session, 'Train');
    expect(await page.getByTestId('train-goal-select').inputValue()).toBe(GOAL);
    expect(await historyRows(page)).toBe(0);

    await recordProgressTexts(page);
    const started = performance.now();
    await page.getByRole('button', { name: 'Train and score' }).focus();
    await page.keyboard.press('Enter');
    const progress = page.getByTestId('job-progress');
    await progress.waitFor();
    expect(await progress.getByText(`Training “${GOAL}”`).count()).toBe(1);
    // One run at a time: the button stays in the tab order but says it is unavailable.
    expect(await page.getByTestId('train-run').getAttribute('aria-disabled')).toBe('true');
    await progress.getByTestId('job-phase').waitFor();
    await saveScreenshot(page, 'train-02-progress');

    await expect.poll(() => historyRows(page), { timeout: 120_000 }).toBe(1);
    const seconds = (performance.now() - started) / 1000;
    const seen = await progressTextsSeen(page);
    const phases = [...new Set(seen.map((entry) => entry.phase).filter((phase) => phase !== ''))];
    expect(phases.length, `phases seen: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(2);
    expect(phases).toContain('Training');
    expect(seen.some((entry) => /round \d+/.test(entry.message))).toBe(true);
    await progress.waitFor({ state: 'detached' });

    const [summary] = await session.engine.runs(goalId);
    if (!summary) throw new Error('the engine saved no run');
    const row = page.locator(`[data-testid="run-history"] tbody tr[data-run-id="${summary.runId}"]`);
    expect(await row.getByTestId('run-version').textContent()).toBe('1');
    expect(await row.getByTestId('run-validation-auc').textContent()).toBe(formatMetric(summary.validationAuc));
    expect(summary.realizedAuc).not.toBeNull();
    expect(await row.getByTestId('run-realized-auc').textContent()).toBe(formatMetric(summary.realizedAuc ?? 0));

    await page.getByRole('button', { name: 'Details of run 1' }).click();
    const details = page.locator(`[data-testid="run-details"][data-run-id="${summary.runId}"][data-loading="false"]`);
    await details.waitFor();
    expect(await page.getByRole('button', { name: 'Details of run 1' }).getAttribute('aria-pressed')).toBe('true');
    await details.getByRole('heading', { name: `Run 1 of “${GOAL}”` }).waitFor();
    const run = await session.engine.run(summary.runId);
    expect(await details.getByTestId('validation-auc').textContent()).toBe(formatMetric(run.validation.auc));
    expect(await details.getByTestId('validation-pr-auc').textContent()).toBe(formatMetric(run.validation.prAuc));
    expect(await details.getByTestId('validation-log-loss').textContent()).toBe(formatMetric(run.validation.logLoss));
    expect(await details.getByTestId('validation-brier').textContent()).toBe(formatMetric(run.validation.brier));
    expect(await details.getByTestId('realized-auc').textContent()).toBe(formatMetric(run.realized?.auc ?? 0));
    const baselineRows = details.getByTestId('run-baselines').locator('tbody tr');
    expect(await baselineRows.count()).toBe(1 + run.baselines.length);
    expect(await baselineRows.first().textContent()).toContain(formatMetric(run.validation.auc));
    await details.getByTestId('run-baseline-verdict').waitFor();
    const bucketCounts = await details.getByTestId('bucket-customers').allTextContents();
    expect(bucketCounts.reduce((sum, text) => sum + Number(text.replaceAll(',', '')), 0)).toBe(run.scored);
    expect(await details.getByTestId('run-diagnostic').count()).toBe(run.diagnostics.length);
    for (const diagnostic of run.diagnostics) {
      const shown = details.locator(`[data-testid="run-diagnostic"][data-code="${diagnostic.code}"]`).first();
      expect(await shown.textContent()).toContain(`Try: ${diagnostic.fix}`);
    }
    expect(await details.getByTestId('run-timings').locator('tbody tr[data-phase="training"]').count()).toBe(1);
    expect(await details.getByTestId('run-timings').locator('tbody tr').last().textContent()).toMatch(/^Total/);
    await saveScreenshot(page, 'train-03-run-details');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByTestId('theme-toggle').click();
    await page.mouse.move(600, 5);
    await saveScreenshot(page, 'train-04-run-details-dark');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    console.log(`train e2e: run finished on the page after ${seconds.toFixed(1)} s; progress seen: ${phases.join(' → ')}`);
    await page.close();
  });

  it('keeps showing a run after a reload, cancels it, says nothing was saved, and the history does not grow', async () => {
    await openDemo(session.engine);
    const goalId = await backtestGoal(session.engine);
    const before = (await session.engine.runs(goalId)).length;
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openAppPage(page, session, 'Train');
    expect(await historyRows(page)).toBe(before);

    await page.getByRole('button', { name: 'Train and score' }).click();
    const progress = page.getByTestId('job-progress');
    await progress.getByTestId('job-phase').waitFor();
    // A run already going when the page opens is shown too, with the goal it trains.
    await page.reload();
    await page.locator('[data-app-state="ready"]').waitFor();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await progress.getByText(`Training “${GOAL}”`).waitFor();
    expect(await page.getByTestId('train-run').getAttribute('aria-disabled')).toBe('true');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Cancelled; nothing was saved.' });
    await notice.waitFor();
    expect(await page.getByTestId('train-run').getAttribute('aria-disabled')).toBe('false');
    await saveScreenshot(page, 'train-05-cancelled');

    const runJobs = session.engine.listJobs().filter((job) => job.kind === 'run');
    expect(runJobs.at(-1)?.status).toBe('cancelled');
    expect((await session.engine.runs(goalId)).length).toBe(before);
    expect(await historyRows(page)).toBe(before);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('deletes a run after confirming: its details close, the history and the result pages lose it, its segments go', async () => {
    await openDemo(session.engine);
    const goalId = await backtestGoal(session.engine);
    const { engine } = session;
    while ((await engine.runs(goalId)).length < 2) {
      const job = await engine.startRun(goalId);
      expect((await engine.jobs.wait(job.jobId)).status).toBe('succeeded');
    }
    const [newest, older] = await engine.runs(goalId);
    await engine.saveSegment({ runId: newest!.runId, name: 'Doomed', definition: { match: 'all', conditions: [{ field: 'bucket', op: 'eq', value: 'high' }] } });
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openAppPage(page, session, 'Train');
    expect(await page.getByTestId('train-goal-select').inputValue()).toBe(GOAL);
    const before = (await engine.runs(goalId)).length;
    await expect.poll(() => historyRows(page)).toBe(before);

    await page.getByRole('button', { name: `Details of run ${newest!.version}` }).click();
    const details = page.locator(`[data-testid="run-details"][data-run-id="${newest!.runId}"][data-loading="false"]`);
    await details.waitFor();
    await details.getByTestId('run-delete').click();
    const dialog = page.getByRole('dialog', { name: `Delete run ${newest!.version}?` });
    await dialog.waitFor();
    // Cancel has the focus: Enter alone keeps the run.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect((await engine.runs(goalId)).length).toBe(before);

    await details.getByTestId('run-delete').click();
    await dialog.getByTestId('confirm-action').click();
    await page.getByTestId('run-deleted-notice').getByText(`Deleted run ${newest!.version} of “${GOAL}” and its segment.`).waitFor();
    await details.waitFor({ state: 'detached' });
    await expect.poll(() => historyRows(page)).toBe(before - 1);
    expect(await page.locator(`[data-testid="run-history"] tbody tr[data-run-id="${newest!.runId}"]`).count()).toBe(0);
    expect((await engine.runs(goalId)).map((run) => run.runId)).not.toContain(newest!.runId);
    expect((await engine.segments()).filter((segment) => segment.runId === newest!.runId)).toEqual([]);
    await saveScreenshot(page, 'train-07-run-deleted');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The result pages now show the newest remaining run.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Insights', exact: true }).click();
    const [remaining] = await engine.runs();
    expect(remaining!.runId).not.toBe(newest!.runId);
    await page.locator(`[data-testid="insights-page"][data-run-id="${remaining!.runId}"]`).waitFor({ timeout: 30_000 });
    expect(older).toBeDefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows why a goal cannot be trained in an alert, and saves nothing', async () => {
    await openDemo(session.engine);
    // Only customers active in the day before the cutoff: too few reach the goal, so training is refused.
    const goalId = await savedGoal(session.engine, NARROW_GOAL, 'conversion', (preset) => ({ population: { ...preset.population, active_within_days: 1 } }));
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openAppPage(page, session, 'Train');
    await page.getByTestId('train-goal-select').click();
    await page.getByRole('option', { name: NARROW_GOAL }).click();
    await expect.poll(() => page.getByRole('heading', { name: `Runs of “${NARROW_GOAL}”` }).count()).toBe(1);
    expect(await historyRows(page)).toBe(0);

    await page.getByRole('button', { name: 'Train and score' }).click();
    const alert = page.getByRole('alert').filter({ hasText: `Training “${NARROW_GOAL}” failed` });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/Training is refused: .*positives/);
    await saveScreenshot(page, 'train-06-refused');
    expect(await session.engine.runs(goalId)).toEqual([]);
    expect(await historyRows(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('deletes a goal with its runs when asked: the dialog counts them, and the runs leave the result pages', async () => {
    await openDemo(session.engine);
    const { engine } = session;
    const kept = await backtestRun(engine);
    const doomedGoal = 'Goal deleted with its runs';
    const doomed = await trainedRun(engine, doomedGoal, 'conversion', (_, lastEvent) => ({ as_of: backtestAsOf(lastEvent) }));
    await engine.saveSegment({ runId: doomed.runId, name: 'High', definition: { match: 'all', conditions: [{ field: 'bucket', op: 'eq', value: 'high' }] } });
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    const dialog = await askToDeleteGoal(page, doomedGoal);
    const runsText = dialog.getByTestId('delete-goal-runs');
    await expect.poll(() => runsText.textContent()).toMatch(/^It has 1 run \(version 1\)\. The run stays in the workspace/);
    await dialog.getByRole('checkbox', { name: "Also delete the goal's 1 run and its saved segments" }).check();
    expect(await runsText.textContent()).toMatch(/The run will be deleted with its scores and saved segments\.$/);
    await saveScreenshot(page, 'train-08-delete-goal-with-runs');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Delete the goal and its 1 run' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await engine.instances()).map((goal) => goal.name)).not.toContain(doomedGoal);
    expect((await engine.runs()).map((run) => run.runId)).not.toContain(doomed.runId);
    expect((await engine.segments()).filter((segment) => segment.runId === doomed.runId)).toEqual([]);

    // The newest run was the deleted one: Insights now opens the newest remaining run.
    const [remaining] = await engine.runs();
    expect((await engine.runs()).map((run) => run.runId)).toContain(kept.runId);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Insights', exact: true }).click();
    await page.locator(`[data-testid="insights-page"][data-run-id="${remaining!.runId}"]`).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a deleted goal\'s runs on the Train page, to read and delete, but not to train', async () => {
    await openDemo(session.engine);
    const { engine } = session;
    await backtestGoal(engine);
    const keptGoal = 'Goal deleted, runs kept';
    const kept = await trainedRun(engine, keptGoal, 'conversion', (_, lastEvent) => ({ as_of: backtestAsOf(lastEvent) }));
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    const dialog = await askToDeleteGoal(page, keptGoal);
    await dialog.getByTestId('delete-goal-runs').waitFor();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await engine.instances()).map((goal) => goal.name)).not.toContain(keptGoal);
    expect((await engine.run(kept.runId)).instanceName).toBe(keptGoal);

    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('train-goal-select').click();
    await page.getByRole('option', { name: `${keptGoal} (deleted)` }).click();
    await page.getByRole('heading', { name: `Runs of “${keptGoal}” (deleted goal)` }).waitFor();
    await page.getByTestId('deleted-goal-note').waitFor();
    expect(await page.getByTestId('train-run').getAttribute('aria-disabled')).toBe('true');
    await expect.poll(() => historyRows(page)).toBe(1);
    await saveScreenshot(page, 'train-09-deleted-goal-runs');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Details of run ${kept.version}` }).click();
    const details = page.locator(`[data-testid="run-details"][data-run-id="${kept.runId}"][data-loading="false"]`);
    await details.getByTestId('run-delete').click();
    await page.getByRole('dialog', { name: `Delete run ${kept.version}?` }).getByTestId('confirm-action').click();
    await page.getByTestId('run-deleted-notice').getByText(`Deleted run ${kept.version} of “${keptGoal}”.`).waitFor();
    await expect(engine.run(kept.runId)).rejects.toMatchObject({ code: 'not_found' });
    // With its last run gone, the deleted goal leaves the picker and the page goes back to a saved goal.
    const savedNames = (await engine.instances()).map((goal) => goal.name);
    await expect.poll(async () => savedNames.includes(await page.getByTestId('train-goal-select').inputValue())).toBe(true);
    await page.getByTestId('train-goal-select').click();
    expect(await page.getByRole('option', { name: `${keptGoal} (deleted)` }).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });
});
