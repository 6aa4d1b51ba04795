import { renameSync, rmSync } from 'node:fs';
import type { Database } from '../sql/database';
import { runTables } from './runStore';

/** Columns of a scores file: the customer's scores and the sentences of their top three factors. */
export const SCORES_CSV_COLUMNS = ['customer_id', 'probability', 'score', 'percentile', 'bucket', 'factor_1', 'factor_2', 'factor_3'] as const;

/**
 * Writes a run's scores as CSV, highest probability first. The file is written beside the target under a temporary
 * name and renamed at the end, so the target never holds half a file.
 */
export async function writeScoresCsv(db: Database, runId: string, path: string): Promise<number> {
  const { scores } = runTables(runId);
  const partial = `${path}.partial-${process.pid}`;
  try {
    await db.run(
      `COPY (SELECT customer AS customer_id, probability, score, percentile, bucket,
                    factor_1_sentence AS factor_1, factor_2_sentence AS factor_2, factor_3_sentence AS factor_3
             FROM ${scores} ORDER BY probability DESC, customer) TO $1 (FORMAT csv, HEADER)`,
      [partial],
    );
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
  const row = await db.one(`SELECT count(*) AS n FROM ${scores}`);
  return Number(row?.['n'] ?? 0);
}
