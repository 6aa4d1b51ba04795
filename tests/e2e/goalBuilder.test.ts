import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../../renderer/src/format';
import { instanceConfigSchema } from '../../shared/instanceConfig';
import { seriousAccessibilityViolations } from '../helpers/accessibility';
import { useBrowserSession } from '../helpers/browserSession';
import { openAppPage, openDemo } from '../helpers/demoSession';
import { saveScreenshot, watchPageErrors } from '../helpers/chromium';

// A smaller demo keeps the page quick; the goal logic is the same at any size.
const session = useBrowserSession({ demoCustomers: 4000 });

async function openGoalPage(page: Page): Promise<void> {
  await openDemo(session.engine);
  await openAppPage(page, session, 'Goal');
  await settledPreview(page);
}

/** Waits until the preview answers the current edit, then reads its figures. */
async function settledPreview(page: Page): Promise<{ population: string; positives: string; negatives: string }> {
  await page.locator('[data-testid="goal-preview"][data-loading="false"]').getByTestId('preview-population').waitFor({ timeout: 30_000 });
  return {
    population: (await page.getByTestId('preview-population').textContent()) ?? '',
    positives: (await page.getByTestId('preview-positives').textContent()) ?? '',
    negatives: (await page.getByTestId('preview-negatives').textContent()) ?? '',
  };
}

/** Presses Tab until the element with this accessible name has focus, as a keyboard user would. */
async function tabTo(page: Page, name: string, limit = 250): Promise<void> {
  for (let press = 0; press < limit; press += 1) {
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element) return '';
      const label = element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : null;
      return (element.getAttribute('aria-label') ?? label ?? element.textContent ?? '').trim();
    });
    if (focused === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`"${name}" never received focus`);
}

/** What the engine counts for the goal saved under this name: the figures the page must show. */
async function engineFigures(name: string) {
  const summary = (await session.engine.instances()).find((instance) => instance.name === name);
  if (!summary) throw new Error(`no saved goal named ${name}`);
  const saved = await session.engine.instance(summary.id);
  // The page may still be asking for its own preview; a newer request replaces an older one, so ask until answered.
  let preview = await session.engine.previewGoal(saved.config).catch(() => null);
  while (!preview) preview = await session.engine.previewGoal(saved.config).catch(() => null);
  return { saved, figures: { population: formatCount(preview.population), positives: formatCount(preview.positives), negatives: formatCount(preview.negatives) } };
}

describe('Goal page, end to end in Chromium', () => {
  it('builds a goal with the mouse: picks a field and a value from the picker, adds a group, reorders by dragging, and saves', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openGoalPage(page);
    const start = await settledPreview(page);
    expect(Number(start.population.replaceAll(',', ''))).toBeGreaterThan(0);
    await saveScreenshot(page, 'goal-01-preset');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add condition to Goal', exact: true }).click();
    await page.getByRole('combobox', { name: 'Goal condition 2: field' }).click();
    await page.getByRole('option', { name: /^channel/ }).click();
    await page.getByRole('combobox', { name: 'Goal condition 2: value' }).click();
    // The picker lists the field's values with their counts.
    const web = page.getByRole('option', { name: /^web\s*[\d,]+$/ });
    await web.waitFor();
    await saveScreenshot(page, 'goal-02-value-picker');
    await web.click();
    await expect.poll(async () => (await settledPreview(page)).positives).not.toBe(start.positives);
    const webOnly = await settledPreview(page);
    expect(Number(webOnly.positives.replaceAll(',', ''))).toBeLessThan(Number(start.positives.replaceAll(',', '')));

    // A group that matches anything leaves the counts as they are; dragging the channel row first does too.
    await page.getByRole('button', { name: 'Add group to Goal', exact: true }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Goal group 3' }).count()).toBe(1);
    await page.getByRole('group', { name: 'Goal condition 2' }).getByTestId('drag-handle').dragTo(page.getByRole('group', { name: 'Goal condition 1' }));
    await expect.poll(() => page.getByRole('combobox', { name: 'Goal condition 1: field' }).inputValue()).toBe('channel');
    expect(await settledPreview(page)).toEqual(webOnly);

    await page.getByTestId('goal-name').fill('Web purchases in 30 days');
    await page.getByTestId('save-goal').click();
    await page.getByTestId('goal-notice').getByText('Saved “Web purchases in 30 days”.').waitFor();
    expect(await page.getByTestId('instance-select').inputValue()).toBe('Web purchases in 30 days');
    const { saved, figures } = await engineFigures('Web purchases in 30 days');
    expect(saved.config.goal.conditions).toEqual([
      { field: 'channel', op: 'eq', value: 'web' },
      { field: 'eventType', op: 'eq', value: 'commerce.purchases' },
      { match: 'any', conditions: [] },
    ]);
    expect(await settledPreview(page)).toEqual(figures);
    await saveScreenshot(page, 'goal-03-saved-mouse');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('builds a goal with the keyboard alone: changes an operator, reorders, widens the window, and saves', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openGoalPage(page);
    // Start a fresh goal from the conversion preset, by keyboard.
    await tabTo(page, 'New…');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'New goal' }).waitFor();
    await tabTo(page, 'Start');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'New goal' }).waitFor({ state: 'detached' });
    const start = await settledPreview(page);

    // Add a condition (it starts on the event-type field) and make it "does not equal" a value typed in.
    await tabTo(page, 'Add condition to Goal');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Goal condition 2: operator');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'does not equal' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('combobox', { name: 'Goal condition 2: operator' }).inputValue()).toBe('does not equal');
    await page.keyboard.press('Tab');
    await page.keyboard.type('commerce.productViews');
    await page.keyboard.press('Escape');
    const withCondition = await settledPreview(page);
    await expect.poll(async () => (await settledPreview(page)).positives).toBe(withCondition.positives);

    // Alt+ArrowUp moves the row up; focus follows it.
    await tabTo(page, 'Goal condition 2: operator');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => page.getByRole('combobox', { name: 'Goal condition 1: operator' }).inputValue()).toBe('does not equal');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Goal condition 1: operator');

    // A longer window changes the counts.
    await tabTo(page, 'Window (days)');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('60');
    await expect.poll(async () => (await settledPreview(page)).positives, { timeout: 20_000 }).not.toBe(withCondition.positives);
    const wider = await settledPreview(page);
    expect(wider).not.toEqual(start);

    await tabTo(page, 'Name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Keyboard goal');
    await tabTo(page, 'Save as new');
    await page.keyboard.press('Enter');
    await page.getByTestId('goal-notice').getByText('Saved “Keyboard goal”.').waitFor();
    const { saved, figures } = await engineFigures('Keyboard goal');
    expect(saved.config.goal).toMatchObject({
      window_days: 60,
      conditions: [
        { field: 'eventType', op: 'ne', value: 'commerce.productViews' },
        { field: 'eventType', op: 'eq', value: 'commerce.purchases' },
      ],
    });
    expect(instanceConfigSchema.parse(saved.config)).toEqual(saved.config);
    expect(await settledPreview(page)).toEqual(figures);
    // The config as JSON, for the CLI: what the dialog shows is exactly what was saved.
    await tabTo(page, 'JSON');
    await page.keyboard.press('Enter');
    expect(JSON.parse(await page.getByTestId('config-json').inputValue())).toEqual(saved.config);
    await page.keyboard.press('Escape');
    await saveScreenshot(page, 'goal-04-saved-keyboard');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a refusal with its code and the change to try, and points at a condition the engine refuses', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await openGoalPage(page);
    await page.getByTestId('new-goal').click();
    await page.getByTestId('create-goal').click();
    const before = await settledPreview(page);
    // Only customers active in the last day before the cutoff: too few reach the goal to train on.
    await page.getByTestId('population-active-days').fill('1');
    await expect.poll(async () => (await settledPreview(page)).population, { timeout: 20_000 }).not.toBe(before.population);
    const diagnostic = page.locator('[data-testid="preview-diagnostic"][data-code="NOT_ENOUGH_POSITIVES"]');
    await diagnostic.waitFor();
    // The field may be read mid-edit (empty, then 1): the refusal comes with the preview of the final value.
    await expect.poll(() => diagnostic.textContent(), { timeout: 20_000 }).toMatch(/Training refused.*Only \d+ positives.*Try: Widen the goal/);
    expect(await page.getByTestId('preview-verdict').textContent()).toBe('Fix the errors above before training.');

    await page.getByRole('button', { name: 'Add condition to Goal', exact: true }).click();
    await page.getByRole('combobox', { name: 'Goal condition 2: field' }).click();
    await page.getByRole('option', { name: /^commerce\.order\.priceTotal/ }).click();
    await page.getByRole('combobox', { name: 'Goal condition 2: operator' }).click();
    await page.getByRole('option', { name: 'is between' }).click();
    await page.getByRole('textbox', { name: 'Goal condition 2: value, low' }).fill('500');
    await page.getByRole('textbox', { name: 'Goal condition 2: value, high' }).fill('10');
    const refusal = page.getByRole('group', { name: 'Goal condition 2' }).getByRole('alert');
    await refusal.waitFor({ timeout: 20_000 });
    expect(await refusal.textContent()).toMatch(/goal\.conditions\.1\.value: "between" needs the low value first: 500 is above 10/);
    expect(await page.getByTestId('preview-error').textContent()).toMatch(/low value first/);
    await saveScreenshot(page, 'goal-05-refusals');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByTestId('theme-toggle').click();
    await page.mouse.move(600, 5);
    await saveScreenshot(page, 'goal-06-dark');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
  it('clones, renames and deletes saved goals from the page', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openGoalPage(page);
    const original = await page.getByTestId('instance-select').inputValue();
    expect(original).not.toBe('');

    await page.getByTestId('clone-goal').click();
    await page.getByTestId('instance-name-input').fill('Cloned goal');
    await page.getByTestId('instance-name-submit').click();
    await expect.poll(() => page.getByTestId('instance-select').inputValue()).toBe('Cloned goal');

    await page.getByTestId('rename-goal').click();
    await page.getByTestId('instance-name-input').fill(original);
    await page.getByTestId('instance-name-submit').click();
    // A taken name is refused in the dialog, which stays open.
    await page.getByText(`An instance named "${original}" already exists`).waitFor();
    await page.getByTestId('instance-name-input').fill('Renamed clone');
    await page.getByTestId('instance-name-submit').click();
    await expect.poll(() => page.getByTestId('instance-select').inputValue()).toBe('Renamed clone');
    expect((await session.engine.instances()).map((instance) => instance.name)).toContain('Renamed clone');

    // Deleting the events dataset would strand the saved goals: the Data page says which, before anything is deleted.
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByRole('button', { name: 'Delete Demo store events' }).click();
    expect(await page.getByTestId('delete-dataset-used-by').textContent()).toContain('“Renamed clone”');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Goal', exact: true }).click();
    await page.getByTestId('instance-select').click();
    await page.getByRole('option', { name: 'Renamed clone' }).click();
    await expect.poll(() => page.getByTestId('instance-select').inputValue()).toBe('Renamed clone');

    await page.getByTestId('delete-goal').click();
    await page.getByTestId('confirm-action').click();
    await expect.poll(async () => (await session.engine.instances()).map((instance) => instance.name)).not.toContain('Renamed clone');
    await expect.poll(() => page.getByTestId('instance-select').inputValue()).not.toBe('Renamed clone');
    expect(errors).toEqual([]);
    await page.close();
  });
  it('keeps unsaved edits when the analyst visits another page and after a reload', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchPageErrors(page);
    await openGoalPage(page);
    await page.getByTestId('goal-name').fill('Half-finished goal');
    await page.getByTestId('goal-window').fill('45');
    await page.getByTestId('unsaved-badge').waitFor();
    const edited = await settledPreview(page);

    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByRole('button', { name: 'Goal', exact: true }).click();
    expect(await page.getByTestId('goal-name').inputValue()).toBe('Half-finished goal');
    expect(await page.getByTestId('goal-window').inputValue()).toBe('45');
    await page.getByTestId('unsaved-badge').waitFor();

    await page.reload();
    await page.locator('[data-app-state="ready"]').waitFor();
    await page.getByRole('button', { name: 'Goal', exact: true }).click();
    expect(await page.getByTestId('goal-name').inputValue()).toBe('Half-finished goal');
    expect(await settledPreview(page)).toEqual(edited);
    expect(errors).toEqual([]);
    await page.close();
  });
});
