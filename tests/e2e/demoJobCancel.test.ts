import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser/browserHost';
import { launchChromium, saveScreenshot } from '../helpers/chromium';

const RENDERER_DIR = join(process.cwd(), 'out', 'renderer');

let stateDir: string;
let engine: Engine;
let host: BrowserHost;
let browser: Browser;

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'pwb-e2e-cancel-'));
  // A demo eight times the usual size, so that it is still being generated when the test cancels it.
  engine = new Engine({ stateDir, demoCustomers: 200_000 });
  host = await startBrowserHost({ engine, staticDir: RENDERER_DIR, version: 'e2e' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await engine?.shutdown();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

describe('a long job in browser mode', () => {
  it('keeps showing its progress after a reload, and Cancel stops it leaving no file behind', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(host.url);
    await page.locator('[data-app-state="ready"]').waitFor();
    await page.getByTestId('open-demo').click();
    const progress = page.getByTestId('job-progress');
    await progress.waitFor();
    await expect.poll(async () => Number((await progress.getByText(/%$/).textContent())?.replace('%', '')), { timeout: 60_000 }).toBeGreaterThan(0);

    await page.reload();
    await progress.waitFor();
    await saveScreenshot(page, 'demo-job-progress');

    const cancelledAt = performance.now();
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Preparing the demo workspace cancelled').waitFor();
    expect(performance.now() - cancelledAt).toBeLessThan(5_000);

    const jobs = engine.listJobs();
    expect(jobs.map((job) => job.status)).toEqual(['cancelled']);
    expect(engine.currentWorkspace).toBeNull();
    const demoDir = join(stateDir, 'demo');
    const left = existsSync(demoDir) ? readdirSync(demoDir) : [];
    expect(left).toEqual([]);
    await page.close();
  });
});
