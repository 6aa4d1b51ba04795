import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { buildDemoWorkspace } from '../../electron/engine/demoWorkspace';
import { listDatasets } from '../../electron/engine/datasets/datasetCatalog';
import { instancePreset } from '../../electron/engine/instances/presets';
import { saveInstance } from '../../electron/engine/instances/instanceStore';
import { Workspace } from '../../electron/engine/workspace/workspaceFile';
import type { Instance } from '../../shared/contract/instances';

/** Customers in the generated demo used by run tests: enough for a model, quick to build. */
export const RUN_TEST_CUSTOMERS = 3000;

/** A generated demo workspace file with the conversion preset saved as a goal; the caller opens it. */
export async function demoWorkspaceWithGoal(dir: string): Promise<{ path: string; instance: Instance }> {
  const path = join(dir, 'demo.pwb');
  await buildDemoWorkspace(path, { signal: new AbortController().signal, progress: () => undefined }, { customers: RUN_TEST_CUSTOMERS });
  const workspace = await Workspace.open(path);
  try {
    const events = (await listDatasets(workspace.db)).find((dataset) => dataset.kind === 'events');
    if (!events) throw new Error('the demo has no events dataset');
    const instance = await saveInstance(workspace.db, await instancePreset(workspace.db, 'conversion', events.id, 30));
    return { path, instance };
  } finally {
    workspace.close();
  }
}

export interface DemoEngine {
  dir: string;
  engine: Engine;
  instance: Instance;
}

/** For one test file: an engine with the generated demo (and its conversion goal) open, removed after the file. */
export function useDemoEngine(prefix: string): DemoEngine {
  const session = {} as DemoEngine;
  beforeAll(async () => {
    session.dir = mkdtempSync(join(tmpdir(), prefix));
    const demo = await demoWorkspaceWithGoal(session.dir);
    session.instance = demo.instance;
    session.engine = new Engine({ stateDir: join(session.dir, 'state') });
    await session.engine.openWorkspace(demo.path);
  });
  afterAll(async () => {
    await session.engine?.shutdown();
    if (session.dir) rmSync(session.dir, { recursive: true, force: true });
  });
  return session;
}
