import type { Page } from 'playwright-core';
import type { Engine } from '../../electron/engine/engine';
import type { Run } from '../../shared/contract/runs';
import type { InstanceConfig } from '../../shared/instanceConfig';
import type { BrowserSession } from './browserSession';

/** The conversion goal trained as a backtest: as of 45 days before the last event, so the data covers the 30 days after it. */
export const BACKTEST_GOAL = 'Purchase within 30 days (backtest)';

/** The day `days` days before a time's day, as YYYY-MM-DD. */
export function daysBefore(time: string, days: number): string {
  return new Date(Date.parse(`${time.slice(0, 10)}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** The as_of of the backtest goal for data whose last event is at `lastEvent`. */
export const backtestAsOf = (lastEvent: string): string => daysBefore(lastEvent, 45);

/** Opens the generated demo workspace in the engine, unless it is open already. */
export async function openDemo(engine: Engine): Promise<void> {
  if (engine.currentWorkspace?.name === 'Demo store') return;
  const job = engine.openDemo(false);
  const outcome = await engine.jobs.wait(job.jobId);
  if (outcome.status !== 'succeeded') throw new Error(`demo failed: ${outcome.message}`);
}

type GoalChange = (preset: InstanceConfig, lastEvent: string) => Partial<InstanceConfig>;

/** Saves a goal on the open workspace's events (once), as the Goal page would; `change` adjusts the preset. */
export async function savedGoal(engine: Engine, name: string, kind: 'conversion' | 'churn', change: GoalChange): Promise<string> {
  const existing = (await engine.instances()).find((instance) => instance.name === name);
  if (existing) return existing.id;
  const events = (await engine.datasets()).find((dataset) => dataset.kind === 'events');
  if (!events?.maxTime) throw new Error('the workspace has no events dataset');
  const preset = await engine.instancePreset(kind, events.id, 30);
  return (await engine.saveInstance({ ...preset, name, ...change(preset, events.maxTime) })).id;
}

/** The goal saved (once) and trained (once), as the Goal and Train pages would; its newest run. */
export async function trainedRun(engine: Engine, name: string, kind: 'conversion' | 'churn', change: GoalChange): Promise<Run> {
  const instanceId = await savedGoal(engine, name, kind, change);
  const [existing] = await engine.runs(instanceId);
  if (existing) return engine.run(existing.runId);
  const job = await engine.startRun(instanceId);
  const outcome = await engine.jobs.wait(job.jobId);
  if (outcome.status !== 'succeeded') throw new Error(`training ${name} failed: ${outcome.message}`);
  const [summary] = await engine.runs(instanceId);
  if (!summary) throw new Error(`no run of ${name} was saved`);
  return engine.run(summary.runId);
}

export const backtestGoal = (engine: Engine): Promise<string> => savedGoal(engine, BACKTEST_GOAL, 'conversion', (_, lastEvent) => ({ as_of: backtestAsOf(lastEvent) }));

export const backtestRun = (engine: Engine): Promise<Run> => trainedRun(engine, BACKTEST_GOAL, 'conversion', (_, lastEvent) => ({ as_of: backtestAsOf(lastEvent) }));

/** Loads the app in the page and goes to one of its pages through the navigation, waiting for the page's heading. */
export async function openAppPage(page: Page, session: BrowserSession, title: 'Data' | 'Goal' | 'Train' | 'Insights' | 'Customers' | 'Segments'): Promise<void> {
  await page.goto(session.host.url);
  await page.locator('[data-app-state="ready"]').waitFor();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: title, exact: true }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}
