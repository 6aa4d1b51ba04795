import type { CustomerFilter, CustomerPage, CustomerSortColumn } from '../../../shared/contract/insights';
import { bucketSchema } from '../../../shared/contract/runs';
import { SqlParameters } from '../conditions/sqlParameters';
import { runTables } from '../pipeline/runStore';
import type { Database } from '../sql/database';

/** Score, percentile and probability rank alike; the customer id breaks ties so pages never overlap. */
const ORDER_BY: Record<CustomerSortColumn, string> = {
  customer: 'customer',
  probability: 'probability',
  score: 'probability',
  percentile: 'probability',
  bucket: `CASE bucket WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END`,
};

/** The WHERE clause of a customer filter over a run's scores table, with its values bound. */
export function customerFilterSql(filter: CustomerFilter, params: SqlParameters): string {
  const clauses: string[] = [];
  if (filter.buckets.length > 0 && filter.buckets.length < 3) clauses.push(`bucket IN (${filter.buckets.map((bucket) => params.bind(bucket)).join(', ')})`);
  if (filter.minProbability > 0) clauses.push(`probability >= ${params.bindNumber(filter.minProbability)}`);
  if (filter.maxProbability < 1) clauses.push(`probability <= ${params.bindNumber(filter.maxProbability)}`);
  const search = filter.search.trim();
  if (search !== '') clauses.push(`contains(lower(customer), ${params.bind(search.toLowerCase())})`);
  return clauses.length === 0 ? 'TRUE' : clauses.join(' AND ');
}

export interface CustomerPageRequest {
  filter: CustomerFilter;
  sort: { column: CustomerSortColumn; descending: boolean };
  offset: number;
  limit: number;
}

/** One page of a run's scored customers and how many pass the filter. */
export async function customerPage(db: Database, runId: string, request: CustomerPageRequest): Promise<CustomerPage> {
  const { scores } = runTables(runId);
  const params = new SqlParameters();
  const where = customerFilterSql(request.filter, params);
  const direction = request.sort.descending ? 'DESC' : 'ASC';
  const order = request.sort.column === 'customer' ? `customer ${direction}` : `${ORDER_BY[request.sort.column]} ${direction}, probability ${direction}, customer ASC`;
  const [countRow] = await db.all(`SELECT count(*) AS n FROM ${scores} WHERE ${where}`, params.values);
  const rows = await db.all(
    `SELECT customer, probability, score, percentile, bucket, factor_1_sentence, factor_1_points FROM ${scores}
     WHERE ${where} ORDER BY ${order} LIMIT ${params.bind(request.limit)} OFFSET ${params.bind(request.offset)}`,
    params.values,
  );
  return {
    total: Number(countRow?.['n'] ?? 0),
    offset: request.offset,
    rows: rows.map((row) => ({
      customer: String(row['customer']),
      probability: Number(row['probability']),
      score: Number(row['score']),
      percentile: Number(row['percentile']),
      bucket: bucketSchema.parse(row['bucket']),
      topReason: row['factor_1_sentence'] === null ? null : String(row['factor_1_sentence']),
      topReasonPoints: row['factor_1_points'] === null ? null : Number(row['factor_1_points']),
    })),
  };
}
