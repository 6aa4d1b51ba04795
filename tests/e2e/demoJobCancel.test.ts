import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../helpers/browserSession';
import { saveScreenshot } from '../helpers/chromium';

// A demo eight times the usual size, so that it is still being generated when the test cancels it.
const session = useBrowserSession({ demoCustomers: 200_000 });

describe('a long job in browser mode', () => {
  it('keeps showing its progress after a reload, and Cancel stops it leaving no file behind', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(session.host.url);
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

    const jobs = session.engine.listJobs();
    expect(jobs.map((job) => job.status)).toEqual(['cancelled']);
    expect(session.engine.currentWorkspace).toBeNull();
    const demoDir = join(session.stateDir, 'demo');
    const left = existsSync(demoDir) ? readdirSync(demoDir) : [];
    expect(left).toEqual([]);
    await page.close();
  });
});
