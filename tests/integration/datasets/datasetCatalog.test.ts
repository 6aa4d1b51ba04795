import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../shared/errors';
import { datasetTable, listDatasets, registerDataset } from '../../../electron/engine/datasets/datasetCatalog';
import { monthlyActivity } from '../../../electron/engine/datasets/datasetActivity';
import { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

async function workspaceWithEvents(path = join(tempDir(), 'catalog.pwb')): Promise<Workspace> {
  const workspace = await Workspace.create(path, 'Catalog');
  // Column names with quotes, dots and SQL in them must survive the one quoting function.
  await workspace.db.run(`CREATE TABLE ${datasetTable('events')} ("client ""id""" VARCHAR, "when; DROP TABLE x" TIMESTAMP, "a.b" DOUBLE)`);
  await workspace.db.run(
    `INSERT INTO ${datasetTable('events')} VALUES
      ('a', '2025-01-05 10:00', 1), ('a', '2025-01-20 10:00', 2), ('b', '2025-01-21 11:00', 3),
      ('b', '2025-03-02 09:00', 4), ('c', NULL, 5)`,
  );
  return workspace;
}

describe('dataset catalog', () => {
  it('records a dataset with rows, distinct customers and time span computed in DuckDB', async () => {
    const workspace = await workspaceWithEvents();
    try {
      const summary = await registerDataset(workspace.db, {
        name: 'Odd names',
        kind: 'events',
        tableName: 'events',
        idColumn: 'client "id"',
        timeColumn: 'when; DROP TABLE x',
        eventTypeColumn: null,
        source: { test: true },
      });
      expect(summary).toMatchObject({ name: 'Odd names', kind: 'events', rows: 5, customers: 3, minTime: '2025-01-05T10:00:00', maxTime: '2025-03-02T09:00:00' });
      expect(await listDatasets(workspace.db)).toEqual([summary]);
      expect(await monthlyActivity(workspace.db, summary.id)).toEqual([
        { month: '2025-01', events: 3, customers: 2 },
        { month: '2025-03', events: 1, customers: 1 },
      ]);
    } finally {
      workspace.close();
    }
  });

  it('keeps a dataset\'s monthly activity in the workspace, so a later opening reads it without counting again', async () => {
    const path = join(tempDir(), 'catalog.pwb');
    const workspace = await workspaceWithEvents(path);
    let datasetId: string;
    try {
      const summary = await registerDataset(workspace.db, { name: 'Kept', kind: 'events', tableName: 'events', idColumn: 'client "id"', timeColumn: 'when; DROP TABLE x', eventTypeColumn: null, source: null });
      datasetId = summary.id;
      expect(await monthlyActivity(workspace.db, datasetId)).toHaveLength(2);
      // Datasets never change after import; changing the table behind the catalog's back shows where the answer comes from.
      await workspace.db.run(`DELETE FROM ${datasetTable('events')}`);
    } finally {
      workspace.close();
    }
    const reopened = await Workspace.open(path);
    try {
      expect(await monthlyActivity(reopened.db, datasetId)).toEqual([
        { month: '2025-01', events: 3, customers: 2 },
        { month: '2025-03', events: 1, customers: 1 },
      ]);
    } finally {
      reopened.close();
    }
  });

  it('refuses to record a mapping to a column the table does not have', async () => {
    const workspace = await workspaceWithEvents();
    try {
      const failure = await registerDataset(workspace.db, {
        name: 'Wrong',
        kind: 'events',
        tableName: 'events',
        idColumn: 'customer_id',
        timeColumn: null,
        eventTypeColumn: null,
        source: null,
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(WorkbenchError);
      expect(failure).toMatchObject({ code: 'invalid_input', field: 'idColumn' });
      expect(await listDatasets(workspace.db)).toEqual([]);
    } finally {
      workspace.close();
    }
  });

  it('explains that a profile dataset has no monthly activity, and that an unknown id is not found', async () => {
    const workspace = await workspaceWithEvents();
    try {
      const profiles = await registerDataset(workspace.db, {
        name: 'As profiles',
        kind: 'profiles',
        tableName: 'events',
        idColumn: 'client "id"',
        timeColumn: null,
        eventTypeColumn: null,
        source: null,
      });
      await expect(monthlyActivity(workspace.db, profiles.id)).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(monthlyActivity(workspace.db, 'ds_000000')).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      workspace.close();
    }
  });
});
