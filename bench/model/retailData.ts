import { DuckDBInstance } from '@duckdb/node-api';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchData } from './benchData';

const RETAIL_CSV = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'online_retail_line_items.csv.gz');

/** RFM-like features per customer from invoice lines before 2011-09-01; label: a non-cancelled order in the next 90 days. */
const FEATURE_SQL = `
WITH lines AS (
  SELECT CAST(CAST(CustomerID AS DOUBLE) AS BIGINT) AS customer, InvoiceNo AS invoice, StockCode AS product,
         Quantity AS quantity, UnitPrice AS price, CAST(InvoiceDate AS TIMESTAMP) AS ordered_at,
         starts_with(InvoiceNo, 'C') AS cancelled, Country = 'United Kingdom' AS uk
  FROM read_csv_auto('${RETAIL_CSV.replaceAll("'", "''")}')
  WHERE CustomerID IS NOT NULL
),
past AS (SELECT * FROM lines WHERE ordered_at < TIMESTAMP '2011-09-01'),
orders AS (
  SELECT customer, invoice, min(ordered_at) AS ordered_at, sum(quantity * price) AS value
  FROM past WHERE NOT cancelled GROUP BY customer, invoice
),
features AS (
  SELECT o.customer,
    date_diff('day', max(o.ordered_at), TIMESTAMP '2011-09-01') AS days_since_last_order,
    date_diff('day', min(o.ordered_at), TIMESTAMP '2011-09-01') AS days_since_first_order,
    count(*) AS orders,
    count(*) FILTER (WHERE o.ordered_at >= TIMESTAMP '2011-09-01' - INTERVAL 30 DAY) AS orders_30d,
    count(*) FILTER (WHERE o.ordered_at >= TIMESTAMP '2011-09-01' - INTERVAL 90 DAY) AS orders_90d,
    count(*) FILTER (WHERE o.ordered_at >= TIMESTAMP '2011-09-01' - INTERVAL 180 DAY) AS orders_180d,
    sum(o.value) AS total_spend,
    avg(o.value) AS average_order_value,
    max(o.value) AS largest_order_value,
    sum(o.value) FILTER (WHERE o.ordered_at >= TIMESTAMP '2011-09-01' - INTERVAL 90 DAY) AS spend_90d,
    count(DISTINCT CAST(o.ordered_at AS DATE)) AS active_days
  FROM orders o GROUP BY o.customer
),
line_stats AS (
  SELECT customer, count(DISTINCT product) AS distinct_products, avg(quantity) FILTER (WHERE NOT cancelled) AS average_quantity,
         count(DISTINCT invoice) FILTER (WHERE cancelled) AS cancellations, bool_or(uk) AS uk
  FROM past GROUP BY customer
),
future AS (
  SELECT DISTINCT customer FROM lines
  WHERE NOT cancelled AND ordered_at >= TIMESTAMP '2011-09-01' AND ordered_at < TIMESTAMP '2011-09-01' + INTERVAL 90 DAY
)
SELECT f.*, l.distinct_products, l.average_quantity, l.cancellations, CAST(l.uk AS INTEGER) AS uk,
       (u.customer IS NOT NULL)::INTEGER AS label, (hash(f.customer) % 4 = 0) AS is_test
FROM features f JOIN line_stats l USING (customer) LEFT JOIN future u USING (customer)
ORDER BY is_test, f.customer
`;

export async function buildRetailData(name: string): Promise<BenchData> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(FEATURE_SQL);
  const columns = reader.getColumnsObject() as Record<string, unknown[]>;
  connection.closeSync();
  instance.closeSync();
  const featureNames = Object.keys(columns).filter((c) => c !== 'customer' && c !== 'label' && c !== 'is_test');
  const rows = columns.label.length;
  const values = new Float32Array(rows * featureNames.length);
  featureNames.forEach((feature, f) => {
    columns[feature].forEach((v, i) => {
      values[f * rows + i] = v === null ? NaN : Number(v);
    });
  });
  const labels = Uint8Array.from(columns.label, (v) => Number(v));
  const trainRows = columns.is_test.filter((v) => v === false).length;
  return { meta: { name, rows, features: featureNames.length, trainRows, featureNames }, values, labels };
}
