import type { CustomerFilter, CustomerPage, CustomerSortColumn } from '../../../shared/contract/insights';
import { bucketSchema } from '../../../shared/contract/runs';
import { SqlParameters } from '../conditions/sqlParameters';
import { runTables } from '../pipeline/runStore';
import type { Database } from '../sql/database';

/** Score, percentile and probability order alike. */
const BY_PROBABILITY: ReadonlySet<CustomerSortColumn> = new Set(['probability', 'score', 'percentile']);
const BUCKET_ORDER = `CASE bucket WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END`;

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

/**
 * One page of a run's scored customers and how many pass the filter. Ties in probability go by the rank saved with
 * the run (its customer order), so pages never overlap. Unfiltered pages by probability are a range of ranks: no sort,
 * however deep the page.
 */
export async function customerPage(db: Database, runId: string, request: CustomerPageRequest, hasRank: boolean): Promise<CustomerPage> {
  const { scores } = runTables(runId);
  const params = new SqlParameters();
  const where = customerFilterSql(request.filter, params);
  const [countRow] = await db.all(`SELECT count(*) AS n FROM ${scores} WHERE ${where}`, params.values);
  const total = Number(countRow?.['n'] ?? 0);
  const { column, descending } = request.sort;
  // Rank 1 is the highest probability: descending probability is ascending rank.
  const byRank = (desc: boolean) => (hasRank ? `rank ${desc ? 'ASC' : 'DESC'}` : `probability ${desc ? 'DESC' : 'ASC'}, customer ${desc ? 'ASC' : 'DESC'}`);
  const order = column === 'customer' ? `customer ${descending ? 'DESC' : 'ASC'}` : column === 'bucket' ? `${BUCKET_ORDER} ${descending ? 'DESC' : 'ASC'}, ${byRank(descending)}` : byRank(descending);
  let filter = where;
  let range: string;
  if (hasRank && where === 'TRUE' && BY_PROBABILITY.has(column)) {
    const first = descending ? request.offset + 1 : total - request.offset - request.limit + 1;
    filter = `rank BETWEEN ${params.bind(first)} AND ${params.bind(first + request.limit - 1)}`;
    range = '';
  } else {
    range = `LIMIT ${params.bind(request.limit)} OFFSET ${params.bind(request.offset)}`;
  }
  const rows = await db.all(
    `SELECT customer, probability, score, percentile, bucket, factor_1_sentence, factor_1_points FROM ${scores}
     WHERE ${filter} ORDER BY ${order} ${range}`,
    params.values,
  );
  return {
    total,
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
