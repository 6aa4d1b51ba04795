// Builds the workspace the insights benchmark opens: the pipeline benchmark's 10M events (500,000 customers)
// imported, and one run of a 30-day purchase goal over every customer. Kept in the cache folder and rebuilt
// when asked (--rebuild) or when its run no longer reads with the current code.
// Usage: node --import tsx bench/insights/prepareWorkspace.ts [--rebuild]; prints {"workspace", "runId", "scored"}.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { importMappingSchema } from '../../shared/contract/imports';
import { instanceConfigSchema } from '../../shared/instanceConfig';
import { importDataset } from '../../electron/engine/imports/importDataset';
import { saveInstance } from '../../electron/engine/instances/instanceStore';
import { nodeProcessLauncher } from '../../electron/engine/jobs/processLauncher';
import { runPipeline } from '../../electron/engine/pipeline/runPipeline';
import { getRun, listRuns } from '../../electron/engine/pipeline/runStore';
import { Workspace } from '../../electron/engine/workspace/workspaceFile';
import { runCase } from '../import/childRun';
import type { EventsCsv } from '../import/generateCsv';

const ROWS = 10_000_000;
const dir = join(homedir(), '.cache', 'propensity-workbench', 'bench', 'insights');
const path = join(dir, 'insights-500k.pwb');
const log = (message: string) => process.stderr.write(`${message}\n`);

async function existingRun(): Promise<{ runId: string; scored: number } | null> {
  if (!existsSync(path)) return null;
  try {
    const workspace = await Workspace.open(path);
    try {
      const [summary] = await listRuns(workspace.db);
      if (!summary) return null;
      const run = await getRun(workspace.db, summary.runId);
      return { runId: run.runId, scored: run.scored };
    } finally {
      workspace.close();
    }
  } catch (error) {
    log(`  the cached workspace does not open with this code (${(error as Error).message}); rebuilding`);
    return null;
  }
}

async function build(): Promise<{ runId: string; scored: number }> {
  const csv = runCase<EventsCsv>('generateCsv.ts', [String(ROWS)]);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const workspace = await Workspace.create(path, 'insights bench');
  try {
    const job = { signal: new AbortController().signal, progress: () => {} };
    const mapping = importMappingSchema.parse({ name: 'events', kind: 'events', idColumn: 'customer_id', timeColumn: 'event_time', eventTypeColumn: 'event_type' });
    log(`  importing ${csv.path}`);
    await importDataset(workspace.db, { files: [csv.path] }, mapping, job);
    const config = instanceConfigSchema.parse({
      name: 'Purchase in 30 days',
      propensity: 'conversion',
      events: 'events',
      goal: { occurs: true, window_days: 30, match: 'all', conditions: [{ field: 'event_type', op: 'eq', value: 'purchase' }] },
      population: { active_within_days: null, include: [], exclude: [] },
    });
    const instance = await saveInstance(workspace.db, config);
    log('  training and scoring every customer');
    const run = await runPipeline(workspace.db, { instanceId: instance.id, instanceName: instance.name, config }, { launch: nodeProcessLauncher(), job });
    return { runId: run.runId, scored: run.scored };
  } finally {
    workspace.close();
  }
}

const rebuild = process.argv.includes('--rebuild');
const run = (!rebuild && (await existingRun())) || (await build());
console.log(JSON.stringify({ workspace: path, ...run }));
