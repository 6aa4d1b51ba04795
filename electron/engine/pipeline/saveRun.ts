import { BOOLEAN, DOUBLE, INTEGER, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { Run } from '../../../shared/contract/runs';
import { ChunkedAppender } from '../sql/chunkedAppender';
import type { LabelledColumns } from '../sql/columnReader';
import type { Database } from '../sql/database';
import { factorSentence } from './factorSentence';
import { TOP_FACTORS } from './factorPoints';
import { BUCKETS, probabilityRanks } from './ranking';
import { insertRun, nextRunVersion, RUNS_SCHEMA, runTables } from './runStore';
import type { TrainOutcome } from './trainTask';

export interface RunRows {
  /** Temp table (quoted) holding the scoring features, by customer. */
  scoringTable: string;
  scoring: LabelledColumns;
  outcome: TrainOutcome;
  /** The SELECT (and its values) of the run's timeline table. */
  timeline: { sql: string; params: DuckDBValue[] };
  /** performance.now() when the run started, for its total time. */
  started: number;
  timings: Record<string, number>;
}

const FACTOR_COLUMNS = Array.from({ length: TOP_FACTORS }, (_, k) => [`factor_${k + 1}_feature VARCHAR`, `factor_${k + 1}_points DOUBLE`, `factor_${k + 1}_sentence VARCHAR`]).flat();

/**
 * Writes the run in one transaction: its feature table, its scores with the top factors and their sentences, and its
 * catalog row. Interrupted or failed, nothing of it lands.
 */
export async function saveRun(db: Database, draft: Run, rows: RunRows): Promise<Run> {
  const { scores, features, timeline } = runTables(draft.runId);
  const { scoring, outcome } = rows;
  const savingStarted = performance.now();
  return db.transaction(async () => {
    const version = await nextRunVersion(db, draft.instanceId);
    await db.run(`CREATE TABLE ${features} AS SELECT * EXCLUDE (label) FROM temp.${rows.scoringTable}`);
    await db.run(`CREATE TABLE ${timeline} AS ${rows.timeline.sql}`, rows.timeline.params);
    await db.run(
      `CREATE TABLE ${scores} (customer VARCHAR NOT NULL, probability DOUBLE NOT NULL, score DOUBLE NOT NULL, percentile INTEGER NOT NULL, bucket VARCHAR NOT NULL, realized BOOLEAN, ${FACTOR_COLUMNS.join(', ')}, rank INTEGER NOT NULL)`,
    );
    const types: DuckDBType[] = [VARCHAR, DOUBLE, DOUBLE, INTEGER, VARCHAR, BOOLEAN, ...Array.from({ length: TOP_FACTORS }, () => [VARCHAR, DOUBLE, VARCHAR]).flat(), INTEGER];
    const rank = probabilityRanks(outcome.probability);
    const rankColumn = 6 + TOP_FACTORS * 3;
    const appender = new ChunkedAppender(await db.connection.createAppender(`scores_${draft.runId}`, RUNS_SCHEMA), types);
    try {
      const covered = draft.realized !== null;
      for (let i = 0; i < scoring.ids.length; i++) {
        const probability = outcome.probability[i];
        appender.set(0, scoring.ids[i]);
        appender.set(1, probability);
        appender.set(2, Math.round(probability * 1000) / 10);
        appender.set(3, outcome.percentile[i]);
        appender.set(4, BUCKETS[outcome.bucket[i]]);
        appender.set(5, covered ? scoring.labels[i] === 1 : null);
        for (let k = 0; k < TOP_FACTORS; k++) {
          const feature = outcome.factorFeature[i * TOP_FACTORS + k];
          const points = outcome.factorPoints[i * TOP_FACTORS + k];
          const definition = feature >= 0 ? draft.features[feature] : undefined;
          appender.set(6 + k * 3, definition?.key ?? null);
          appender.set(7 + k * 3, definition ? points : null);
          appender.set(8 + k * 3, definition ? factorSentence(definition, scoring.columns[feature][i], points) : null);
        }
        appender.set(rankColumn, rank[i]);
        appender.endRow();
      }
      appender.close();
    } catch (error) {
      appender.abandon();
      throw error;
    }
    const now = performance.now();
    const totalSeconds = (now - rows.started) / 1000;
    const run: Run = { ...draft, version, totalSeconds, timings: { ...rows.timings, saving: (now - savingStarted) / 1000, total: totalSeconds } };
    await insertRun(db, run, outcome.model, run.fingerprint);
    return run;
  });
}
