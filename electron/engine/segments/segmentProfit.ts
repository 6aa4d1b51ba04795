import type { ProfitCurve, SegmentDefinition } from '../../../shared/contract/segments';
import { SqlParameters } from '../conditions/sqlParameters';
import type { Database } from '../sql/database';
import { profitCurve, type ProfitInput } from './profitCurve';
import type { SegmentCatalog } from './segmentFields';
import { segmentRowsSql } from './segmentQuery';

/** The profit curve over a segment's (or all) scored customers, from their calibrated probabilities. */
export async function profitOfSegment(db: Database, catalog: SegmentCatalog, definition: SegmentDefinition, input: ProfitInput): Promise<ProfitCurve> {
  const params = new SqlParameters();
  const reader = await db.connection.runAndReadAll(`SELECT probability ${segmentRowsSql(catalog, definition, params)} ORDER BY probability DESC`, params.values);
  const [column] = reader.getColumnsJS();
  return profitCurve(Float64Array.from((column ?? []) as number[]), input);
}
