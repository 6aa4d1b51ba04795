import { describe, expect, it } from 'vitest';
import { instanceConfigSchema } from '../../../shared/instanceConfig';
import { datasetTable } from '../../../electron/engine/datasets/datasetCatalog';
import { saveInstance } from '../../../electron/engine/instances/instanceStore';
import { nodeProcessLauncher } from '../../../electron/engine/jobs/processLauncher';
import { runPipeline } from '../../../electron/engine/pipeline/runPipeline';
import type { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import { workspaceWithEvents } from '../../helpers/goalWorkspace';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

const config = instanceConfigSchema.parse({
  name: 'Purchase in 30 days',
  propensity: 'conversion',
  events: 'shop',
  goal: { occurs: true, window_days: 30, match: 'all', conditions: [{ field: 'type', op: 'eq', value: 'purchase' }] },
  population: { active_within_days: null },
  as_of: '2024-06-01',
});

/**
 * 1,200 customers with views through the spring; whether one purchases in a 30-day window is decided by `purchases`
 * (SQL over the customer number n and the window's start day d), and a "signal" event marks `signals`.
 */
async function shop(dir: string, purchases: string, signals: string): Promise<Workspace> {
  const { workspace } = await workspaceWithEvents(dir, []);
  const table = datasetTable('d_shop');
  await workspace.db.run(`INSERT INTO ${table}
    SELECT 'c' || n, TIMESTAMP '2024-01-01' + to_days(CAST(hash(n, k) % 150 AS INTEGER)) + to_seconds(CAST(hash(n, k, 1) % 86000 AS BIGINT)), 'view', NULL, NULL
    FROM range(1200) a(n), range(6) b(k)`);
  for (const start of ['2024-05-02', '2024-06-01']) {
    await workspace.db.run(`INSERT INTO ${table}
      SELECT 'c' || n, TIMESTAMP '${start}' + to_days(CAST(hash(n, 'p') % 25 AS INTEGER)), 'purchase', 'o' || n, 10 FROM range(1200) a(n), (SELECT DATE '${start}' AS d) w WHERE ${purchases}`);
    await workspace.db.run(`INSERT INTO ${table}
      SELECT 'c' || n, TIMESTAMP '${start}' - INTERVAL 2 DAY, 'signal', NULL, NULL FROM range(1200) a(n), (SELECT DATE '${start}' AS d) w WHERE ${signals}`);
  }
  return workspace;
}

async function run(workspace: Workspace) {
  const instance = await saveInstance(workspace.db, config);
  return runPipeline(workspace.db, { instanceId: instance.id, instanceName: instance.name, config }, { launch: nodeProcessLauncher(), job: { signal: new AbortController().signal, progress: () => undefined } });
}

describe('run diagnostics', () => {
  it('flags LEAKAGE_SUSPECTED when one feature alone gives the answer away, naming it', async () => {
    // Exactly the customers with a "signal" two days before the window purchase in it.
    const workspace = await shop(tempDir(), `hash(n, d) % 3 = 0`, `hash(n, d) % 3 = 0`);
    try {
      const result = await run(workspace);
      const leakage = result.diagnostics.find((diagnostic) => diagnostic.code === 'LEAKAGE_SUSPECTED');
      expect(leakage?.message).toMatch(/"signal"/);
      expect(leakage?.fix).toMatch(/exclusion/);
      expect(result.validation.auc).toBeGreaterThan(0.95);
      expect(result.diagnostics.some((diagnostic) => diagnostic.code === 'POOR_MODEL')).toBe(false);
    } finally {
      workspace.close();
    }
  });

  it('flags POOR_MODEL when nothing in the past predicts the goal', async () => {
    // Purchases fall on customers at random with respect to everything before the window.
    const workspace = await shop(tempDir(), `hash(n, d, 'coin') % 3 = 0`, `hash(n, d, 'other') % 5 = 0`);
    try {
      const result = await run(workspace);
      expect(result.validation.auc).toBeLessThan(0.65);
      const poor = result.diagnostics.find((diagnostic) => diagnostic.code === 'POOR_MODEL');
      expect(poor?.message).toMatch(/little better than chance \(AUC 0\.\d{3}/);
      expect(result.diagnostics.some((diagnostic) => diagnostic.code === 'LEAKAGE_SUSPECTED')).toBe(false);
    } finally {
      workspace.close();
    }
  });
});
