import type { ScoreCard } from '../../../shared/contract/insights';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import type { RunDataset } from './runDatasets';

/** The customer's row in the profiles dataset, every column as text (the first row when the id repeats). */
export async function customerProfile(db: Database, profiles: RunDataset | null, customer: string): Promise<ScoreCard['profile']> {
  if (profiles === null) return [];
  const id = quoteIdentifier(profiles.summary.idColumn);
  const rows = await db.all(`SELECT COLUMNS(*)::VARCHAR FROM ${profiles.table} WHERE CAST(${id} AS VARCHAR) = $1 LIMIT 1`, [customer]);
  const row = rows[0];
  if (!row) return [];
  return Object.entries(row)
    .filter(([name]) => name !== profiles.summary.idColumn)
    .map(([name, value]) => ({ name, value: value === null || value === undefined ? null : String(value) }));
}
