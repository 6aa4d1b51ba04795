import type { DatasetSummary } from '../../../shared/contract/datasets';
import type { FieldCondition } from '../../../shared/conditions';
import { instanceConfigSchema, type InstanceConfig } from '../../../shared/instanceConfig';
import { WorkbenchError } from '../../../shared/errors';
import { fieldValues } from '../conditions/fieldValues';
import { loadFieldCatalog } from '../conditions/fieldCatalog';
import { datasetTable, getDataset, getDatasetTable, listDatasets } from '../datasets/datasetCatalog';
import type { Database } from '../sql/database';

/** Event types that read as a purchase, best first. */
const PURCHASE_LIKE = [/purchase/i, /order/i, /buy|bought/i, /transaction/i, /checkout/i, /convert|conversion/i];

/**
 * Starting points for the builder. Conversion: a purchase-like event occurs within N days (when the event-type column
 * has such a value; otherwise any event). Churn: no event at all within N days. Both take the workspace's profiles
 * dataset when it has exactly one.
 */
export async function instancePreset(db: Database, kind: 'conversion' | 'churn', datasetId: string, windowDays: number): Promise<InstanceConfig> {
  const dataset = await getDataset(db, datasetId);
  if (!dataset) throw new WorkbenchError('not_found', `No dataset ${datasetId} in this workspace.`, 'datasetId');
  if (dataset.kind !== 'events') throw new WorkbenchError('invalid_input', `The dataset "${dataset.name}" holds profiles; a goal is defined over events.`, 'datasetId');
  // The workspace's profiles dataset, when there is exactly one.
  const profileDatasets = (await listDatasets(db)).filter((candidate) => candidate.kind === 'profiles');
  const profiles = profileDatasets.length === 1 ? profileDatasets[0]!.name : null;
  if (kind === 'churn') {
    return instanceConfigSchema.parse({
      name: `No activity in the next ${windowDays} days`,
      propensity: 'churn',
      events: dataset.name,
      profiles,
      goal: { occurs: false, window_days: windowDays, match: 'all', conditions: [] },
    });
  }
  const purchase = await purchaseCondition(db, dataset);
  return instanceConfigSchema.parse({
    name: purchase ? `Purchase in the next ${windowDays} days` : `Any event in the next ${windowDays} days`,
    propensity: 'conversion',
    events: dataset.name,
    profiles,
    goal: { occurs: true, window_days: windowDays, match: 'all', conditions: purchase ? [purchase] : [] },
  });
}

async function purchaseCondition(db: Database, dataset: DatasetSummary): Promise<FieldCondition | null> {
  if (dataset.eventTypeColumn === null) return null;
  const table = await getDatasetTable(db, dataset.id);
  if (!table) return null;
  const catalog = await loadFieldCatalog(db, dataset, table.tableName);
  if (catalog.fields.get(dataset.eventTypeColumn)?.type !== 'text') return null;
  const summary = await fieldValues(db, datasetTable(table.tableName), catalog, dataset.eventTypeColumn, '', 100);
  if (summary.type !== 'text') return null;
  const values = summary.values;
  for (const pattern of PURCHASE_LIKE) {
    const match = values.find((entry) => typeof entry.value === 'string' && pattern.test(entry.value));
    if (match) return { field: dataset.eventTypeColumn, op: 'eq', value: match.value };
  }
  return null;
}
