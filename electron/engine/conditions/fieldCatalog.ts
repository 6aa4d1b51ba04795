import { operatorsByFieldType, type FieldType } from '../../../shared/conditions';
import type { DatasetSummary } from '../../../shared/contract/datasets';
import type { FieldInfo } from '../../../shared/contract/instances';
import { columnKind } from '../imports/columnKinds';
import { tableColumnTypes } from '../datasets/datasetCatalog';
import type { Database } from '../sql/database';

/** The columns of one dataset that conditions may name: the only identifiers a condition can bring into SQL. */
export interface FieldCatalog {
  /** Where the fields are, as messages name it: `the dataset "events"`. */
  source: string;
  fields: ReadonlyMap<string, FieldInfo>;
}

export async function loadFieldCatalog(db: Database, dataset: DatasetSummary, tableName: string): Promise<FieldCatalog> {
  const columns = await tableColumnTypes(db, tableName);
  const fields = new Map<string, FieldInfo>();
  for (const column of columns) {
    const kind = columnKind(column.type);
    if (kind === 'other') continue;
    const type: FieldType = kind;
    const role = column.name === dataset.idColumn ? 'id' : column.name === dataset.timeColumn ? 'time' : column.name === dataset.eventTypeColumn ? 'event_type' : 'attribute';
    fields.set(column.name, { name: column.name, type, sqlType: column.type, role, operators: [...operatorsByFieldType[type]] });
  }
  return { source: `the dataset "${dataset.name}"`, fields };
}
