import { join } from 'node:path';
import type { DatasetSummary } from '../../shared/contract/datasets';
import { datasetTable, registerDataset } from '../../electron/engine/datasets/datasetCatalog';
import { Workspace } from '../../electron/engine/workspace/workspaceFile';

/** Events rows: customer, time (wall clock), event type, order id, amount. */
export type EventRow = readonly [string, string, string, string | null, number | null];

/** A new workspace holding the rows as the events dataset "shop" (customer, at, type, order_id, amount). */
export async function workspaceWithEvents(dir: string, rows: readonly EventRow[]): Promise<{ workspace: Workspace; dataset: DatasetSummary }> {
  const workspace = await Workspace.create(join(dir, 'goals.pwb'), 'Goals');
  const table = datasetTable('d_shop');
  await workspace.db.run(`CREATE TABLE ${table} (customer VARCHAR, "at" TIMESTAMP, type VARCHAR, order_id VARCHAR, amount DOUBLE)`);
  for (const row of rows) await workspace.db.run(`INSERT INTO ${table} VALUES ($1, CAST($2 AS TIMESTAMP), $3, $4, $5)`, [...row]);
  const dataset = await registerDataset(workspace.db, {
    name: 'shop',
    kind: 'events',
    tableName: 'd_shop',
    idColumn: 'customer',
    timeColumn: 'at',
    eventTypeColumn: 'type',
    source: null,
  });
  return { workspace, dataset };
}
