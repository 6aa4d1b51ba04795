import { z } from 'zod';
import { monthlyActivitySchema, type MonthlyActivity } from '../../../shared/contract/datasets';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import { datasetTable, getDatasetTable, tableColumns } from './datasetCatalog';

// Datasets never change after their import, so each one's activity is counted once: kept in the catalog for later
// openings, and in memory while the database is open.
const counted = new WeakMap<object, Map<string, Promise<MonthlyActivity[]>>>();

/** Events and active customers per calendar month of an events dataset (a full scan: counted once, then kept). */
export function monthlyActivity(db: Database, datasetId: string): Promise<MonthlyActivity[]> {
  let datasets = counted.get(db.database);
  if (!datasets) {
    datasets = new Map();
    counted.set(db.database, datasets);
  }
  let activity = datasets.get(datasetId);
  if (!activity) {
    activity = countMonthlyActivity(db, datasetId);
    datasets.set(datasetId, activity);
    const remembered = datasets;
    activity.catch(() => remembered.delete(datasetId));
  }
  return activity;
}

const keptActivitySchema = z.array(monthlyActivitySchema);

async function countMonthlyActivity(db: Database, datasetId: string): Promise<MonthlyActivity[]> {
  const kept = await db.one(`SELECT CAST(monthly_activity AS VARCHAR) AS activity FROM pwb.datasets WHERE id = $1`, [datasetId]);
  const parsed = typeof kept?.['activity'] === 'string' ? keptActivitySchema.safeParse(JSON.parse(kept['activity'])) : null;
  if (parsed?.success) return parsed.data;
  const activity = await scanMonthlyActivity(db, datasetId);
  // Keeping it is an optimisation: a workspace that cannot take the write still shows the counts.
  await db.run(`UPDATE pwb.datasets SET monthly_activity = $2::JSON WHERE id = $1`, [datasetId, JSON.stringify(activity)]).catch(() => undefined);
  return activity;
}

async function scanMonthlyActivity(db: Database, datasetId: string): Promise<MonthlyActivity[]> {
  const dataset = await getDatasetTable(db, datasetId);
  if (!dataset) throw new WorkbenchError('not_found', `No dataset ${datasetId} in this workspace.`, 'datasetId');
  if (dataset.timeColumn === null) {
    throw new WorkbenchError('invalid_input', `${dataset.name} is a profile dataset; it has no event times.`, 'datasetId');
  }
  const columns = await tableColumns(db, dataset.tableName);
  for (const column of [dataset.idColumn, dataset.timeColumn]) {
    if (!columns.includes(column)) throw new WorkbenchError('internal', `Column "${column}" of ${dataset.name} is missing from its table.`);
  }
  const time = quoteIdentifier(dataset.timeColumn);
  const rows = await db.all(
    `SELECT strftime(date_trunc('month', ${time}), '%Y-%m') AS month, count(*) AS events, count(DISTINCT ${quoteIdentifier(dataset.idColumn)}) AS customers
     FROM ${datasetTable(dataset.tableName)} WHERE ${time} IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((row) => ({ month: String(row['month']), events: Number(row['events']), customers: Number(row['customers']) }));
}
