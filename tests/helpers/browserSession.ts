import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { Engine, type EngineOptions } from '../../electron/engine/engine';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser/browserHost';
import { launchChromium } from './chromium';

const RENDERER_DIR = join(process.cwd(), 'out', 'renderer');

export interface BrowserSession {
  stateDir: string;
  engine: Engine;
  host: BrowserHost;
  browser: Browser;
}

/**
 * For one e2e test file: a real engine with its own state folder, the browser host serving the built renderer,
 * and Chromium; all started before the file's tests and stopped after them. Read the fields inside tests.
 */
export function useBrowserSession(engineOptions: Omit<EngineOptions, 'stateDir'> = {}): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('Build the app first (npm test does it).');
    session.stateDir = mkdtempSync(join(tmpdir(), 'pwb-e2e-'));
    session.engine = new Engine({ ...engineOptions, stateDir: session.stateDir });
    session.host = await startBrowserHost({ engine: session.engine, staticDir: RENDERER_DIR, version: 'e2e' });
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.host?.close();
    await session.engine?.shutdown();
    if (session.stateDir) rmSync(session.stateDir, { recursive: true, force: true });
  });
  return session;
}
