import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_GENERATOR_VERSION, writeDemoData, type DemoOptions } from './demo';
import { datasetTable, registerDataset, tableColumnTypes } from './datasets/datasetCatalog';
import { reportForGeneratedTable } from './imports/generatedReport';
import type { JobContext } from './jobs/jobManager';
import { Workspace } from './workspace/workspaceFile';

export const DEMO_EVENTS_TABLE = 'demo_events';
export const DEMO_PROFILES_TABLE = 'demo_profiles';

export function demoWorkspacePath(stateDir: string): string {
  return join(stateDir, 'demo', `demo-v${DEMO_GENERATOR_VERSION}.pwb`);
}

/**
 * Writes the demo workspace at `path`. It is built under a temporary name and renamed at the end,
 * so a cancelled or crashed build never leaves a half-written demo behind.
 */
export async function buildDemoWorkspace(path: string, job: Pick<JobContext, 'signal' | 'progress'>, options: DemoOptions = {}): Promise<void> {
  const building = `${path}.building`;
  rmSync(building, { force: true });
  rmSync(`${building}.wal`, { force: true });
  mkdirSync(join(path, '..'), { recursive: true });
  const workspace = await Workspace.create(building, 'Demo store');
  try {
    await writeDemoData(
      workspace.db.connection,
      { events: datasetTable(DEMO_EVENTS_TABLE), profiles: datasetTable(DEMO_PROFILES_TABLE) },
      options,
      (fraction, message) => job.progress(fraction * 0.9, message),
      job.signal,
    );
    job.signal.throwIfAborted();
    job.progress(0.92, 'Measuring the datasets');
    const eventsTable = datasetTable(DEMO_EVENTS_TABLE);
    const profilesTable = datasetTable(DEMO_PROFILES_TABLE);
    const eventsReport = await reportForGeneratedTable(workspace.db, {
      table: eventsTable,
      columns: await tableColumnTypes(workspace.db, DEMO_EVENTS_TABLE),
      idColumn: 'customer_id',
      timeColumn: 'timestamp',
      eventTypeColumn: 'eventType',
    });
    const profilesReport = await reportForGeneratedTable(workspace.db, {
      table: profilesTable,
      columns: await tableColumnTypes(workspace.db, DEMO_PROFILES_TABLE),
      idColumn: 'customer_id',
      timeColumn: null,
      eventTypeColumn: null,
    });
    job.progress(0.96, 'Recording the datasets');
    await workspace.db.transaction(async () => {
      await registerDataset(workspace.db, {
        name: 'Demo store events',
        kind: 'events',
        tableName: DEMO_EVENTS_TABLE,
        idColumn: 'customer_id',
        timeColumn: 'timestamp',
        eventTypeColumn: 'eventType',
        source: { generator: 'demo', version: DEMO_GENERATOR_VERSION },
        report: eventsReport,
      });
      await registerDataset(workspace.db, {
        name: 'Demo store profiles',
        kind: 'profiles',
        tableName: DEMO_PROFILES_TABLE,
        idColumn: 'customer_id',
        timeColumn: null,
        eventTypeColumn: null,
        source: { generator: 'demo', version: DEMO_GENERATOR_VERSION },
        report: profilesReport,
      });
    });
    await workspace.db.run('CHECKPOINT');
  } catch (error) {
    workspace.close();
    rmSync(building, { force: true });
    rmSync(`${building}.wal`, { force: true });
    throw error;
  }
  workspace.close();
  renameSync(building, path);
  if (existsSync(`${building}.wal`)) renameSync(`${building}.wal`, `${path}.wal`);
}
