import { runTables } from '../../electron/engine/pipeline/runStore';
import type { Database } from '../../electron/engine/sql/database';

/**
 * Replaces a run's scores table with `rows` generated customers (same columns, reasons included), so an export of
 * it takes long enough to cancel or kill half-way. Only for tests of what a file looks like after an interruption.
 */
export async function inflateScores(db: Database, runId: string, rows: number): Promise<void> {
  const { scores } = runTables(runId);
  await db.run(
    `CREATE OR REPLACE TABLE ${scores} AS
     SELECT 'X' || lpad(CAST(i AS VARCHAR), 9, '0') AS customer, p AS probability, round(p * 1000) / 10 AS score,
            CAST(ceil((i + 1) * 100.0 / $1) AS INTEGER) AS percentile, CASE WHEN (i + 1) * 100.0 / $1 >= 75 THEN 'high' WHEN (i + 1) * 100.0 / $1 < 25 THEN 'low' ELSE 'medium' END AS bucket,
            NULL::BOOLEAN AS realized,
            'days_since_last_event' AS factor_1_feature, 0.1 AS factor_1_points, 'Days since the last event: 3, raises the likelihood by 10 points' AS factor_1_sentence,
            'events_30d' AS factor_2_feature, -0.05 AS factor_2_points, 'Events in the last 30 days: 0, lowers the likelihood by 5.0 points' AS factor_2_sentence,
            NULL::VARCHAR AS factor_3_feature, NULL::DOUBLE AS factor_3_points, NULL::VARCHAR AS factor_3_sentence,
            NULL::VARCHAR AS factor_4_feature, NULL::DOUBLE AS factor_4_points, NULL::VARCHAR AS factor_4_sentence,
            NULL::VARCHAR AS factor_5_feature, NULL::DOUBLE AS factor_5_points, NULL::VARCHAR AS factor_5_sentence,
            CAST($1 - i AS INTEGER) AS rank
     FROM (SELECT i, i / $1 AS p FROM range(CAST($1 AS BIGINT)) t(i))`,
    [rows],
  );
}
