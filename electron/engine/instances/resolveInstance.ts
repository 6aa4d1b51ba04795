import type { DatasetSummary } from '../../../shared/contract/datasets';
import type { InstanceConfig } from '../../../shared/instanceConfig';
import { WorkbenchError } from '../../../shared/errors';
import { compileConditionList, compileConditionNode } from '../conditions/compileCondition';
import { loadFieldCatalog, type FieldCatalog } from '../conditions/fieldCatalog';
import { SqlParameters } from '../conditions/sqlParameters';
import { datasetTable, getDatasetTable, listDatasets } from '../datasets/datasetCatalog';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';

/** An instance config bound to the workspace: its events table, the columns conditions may name, and checked trees. */
export interface ResolvedInstance {
  config: InstanceConfig;
  events: DatasetSummary;
  profiles: DatasetSummary | null;
  /** Qualified, quoted name of the events table. */
  eventsTable: string;
  /** Quoted id and time columns of the events table. */
  idColumn: string;
  timeColumn: string;
  catalog: FieldCatalog;
}

export async function resolveInstance(db: Database, config: InstanceConfig): Promise<ResolvedInstance> {
  const datasets = await listDatasets(db);
  const events = findDataset(datasets, config.events, 'events');
  if (events.kind !== 'events' || events.timeColumn === null) {
    throw new WorkbenchError('invalid_input', `events: the dataset "${events.name}" holds profiles, not events; name an events dataset.`, 'events');
  }
  const profiles = config.profiles === null ? null : findDataset(datasets, config.profiles, 'profiles');
  if (profiles && profiles.kind !== 'profiles') {
    throw new WorkbenchError('invalid_input', `profiles: the dataset "${profiles.name}" holds events, not profiles; name a profiles dataset or null.`, 'profiles');
  }
  const table = await getDatasetTable(db, events.id);
  if (!table) throw new WorkbenchError('not_found', `The dataset "${events.name}" was removed.`, 'events');
  const catalog = await loadFieldCatalog(db, events, table.tableName);
  const resolved: ResolvedInstance = {
    config,
    events,
    profiles,
    eventsTable: datasetTable(table.tableName),
    idColumn: quoteIdentifier(events.idColumn),
    timeColumn: quoteIdentifier(events.timeColumn),
    catalog,
  };
  checkConditions(resolved);
  return resolved;
}

/** Compiles every tree once, so a bad field or value is reported by its path before any query runs. */
function checkConditions({ config, catalog }: ResolvedInstance): void {
  const params = new SqlParameters();
  compileConditionList(config.goal.conditions, config.goal.match, catalog, params, 'goal.conditions');
  config.population.include.forEach((filter, index) => compileConditionList(filter.conditions, filter.match, catalog, params, `population.include.${index}.conditions`));
  config.population.exclude.forEach((filter, index) => compileConditionList(filter.conditions, filter.match, catalog, params, `population.exclude.${index}.conditions`));
  config.custom_events.forEach((event, index) => compileConditionList(event.conditions, event.match, catalog, params, `custom_events.${index}.conditions`));
  config.exclusions.forEach((node, index) => compileConditionNode(node, catalog, params, `exclusions.${index}`));
}

/** A dataset named in a config: by id, or by name ignoring case. */
export function findDataset(datasets: DatasetSummary[], reference: string, field: 'events' | 'profiles'): DatasetSummary {
  const found = datasets.find((dataset) => dataset.id === reference) ?? datasets.find((dataset) => dataset.name.toLowerCase() === reference.toLowerCase());
  if (found) return found;
  const names = datasets.filter((dataset) => dataset.kind === field).map((dataset) => `"${dataset.name}"`);
  throw new WorkbenchError(
    'invalid_input',
    `${field}: there is no dataset "${reference}" in this workspace (${names.length > 0 ? `${field} datasets: ${names.join(', ')}` : `it has no ${field} dataset yet`}).`,
    field,
  );
}

/** Events kept for everything else: rows with an id and a time, not matching any exclusion. */
export function exclusionSql(resolved: ResolvedInstance, params: SqlParameters): string {
  const { exclusions } = resolved.config;
  if (exclusions.length === 0) return 'FALSE';
  return `coalesce(${compileConditionList(exclusions, 'any', resolved.catalog, params, 'exclusions')}, false)`;
}
