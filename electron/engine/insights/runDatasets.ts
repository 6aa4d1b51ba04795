import type { DatasetSummary } from '../../../shared/contract/datasets';
import type { Run } from '../../../shared/contract/runs';
import { datasetTable, getDatasetTable, listDatasets } from '../datasets/datasetCatalog';
import { findDataset } from '../instances/resolveInstance';
import type { Database } from '../sql/database';

export interface RunDataset {
  summary: DatasetSummary;
  /** Qualified, quoted table name. */
  table: string;
  /** The table's own name in the data schema. */
  tableName: string;
}

/** The events and profiles datasets a run's config names, as they are now; null when removed since. */
export async function runDatasets(db: Database, run: Run): Promise<{ events: RunDataset | null; profiles: RunDataset | null }> {
  const datasets = await listDatasets(db);
  const locate = async (reference: string | null, kind: 'events' | 'profiles'): Promise<RunDataset | null> => {
    if (reference === null) return null;
    let summary: DatasetSummary;
    try {
      summary = findDataset(datasets, reference, kind);
    } catch {
      return null;
    }
    const table = await getDatasetTable(db, summary.id);
    return table && summary.kind === kind ? { summary, table: datasetTable(table.tableName), tableName: table.tableName } : null;
  };
  return { events: await locate(run.config.events, 'events'), profiles: await locate(run.config.profiles, 'profiles') };
}
