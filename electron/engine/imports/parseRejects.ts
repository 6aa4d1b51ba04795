import type { RejectReason } from '../../../shared/contract/imports';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';

export interface ParseRejects {
  /** Source lines DuckDB could not parse, by reason (a line counts once, whatever number of errors it had). */
  counts: Partial<Record<RejectReason, number>>;
  samples: Array<{ reason: RejectReason; line: number | null; detail: string }>;
  /** Columns whose values did not fit their detected type, with how many lines each. */
  castFailures: Map<string, number>;
  total: number;
}

const SAMPLES_PER_REASON = 3;

/** Reads the lines the CSV reader set aside (DuckDB's rejects table for this read). */
export async function readParseRejects(db: Database, rejectsTable: string | null): Promise<ParseRejects> {
  const empty: ParseRejects = { counts: {}, samples: [], castFailures: new Map(), total: 0 };
  if (rejectsTable === null) return empty;
  const exists = await db.one('SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = $name', { name: rejectsTable });
  if (Number(exists?.['n'] ?? 0) === 0) return empty;
  const table = quoteIdentifier(rejectsTable);
  const rows = await db.all(
    `SELECT file_id, line, error_type, column_name, left(csv_line, 200) AS csv_line, error_message FROM ${table} ORDER BY file_id, line`,
  );
  const firstReasonPerLine = new Map<string, RejectReason>();
  const castFailures = new Map<string, number>();
  const samples: ParseRejects['samples'] = [];
  for (const row of rows) {
    const key = `${String(row['file_id'])}:${String(row['line'])}`;
    const reason = reasonFor(String(row['error_type']));
    if (reason === 'unconvertible_value' && row['column_name'] !== null) {
      const column = String(row['column_name']);
      castFailures.set(column, (castFailures.get(column) ?? 0) + 1);
    }
    if (firstReasonPerLine.has(key)) continue;
    firstReasonPerLine.set(key, reason);
    if (samples.filter((sample) => sample.reason === reason).length < SAMPLES_PER_REASON) {
      samples.push({ reason, line: Number(row['line']), detail: `${plainDetail(row)}: ${String(row['csv_line'] ?? '')}` });
    }
  }
  const counts: Partial<Record<RejectReason, number>> = {};
  for (const reason of firstReasonPerLine.values()) counts[reason] = (counts[reason] ?? 0) + 1;
  return { counts, samples, castFailures, total: firstReasonPerLine.size };
}

function reasonFor(errorType: string): RejectReason {
  switch (errorType) {
    case 'CAST':
      return 'unconvertible_value';
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return 'invalid_utf8';
    case 'LINE SIZE OVER MAXIMUM':
      return 'line_too_long';
    default:
      return 'malformed_row';
  }
}

/** DuckDB's reject message in the words the report uses. */
function plainDetail(row: Record<string, unknown>): string {
  const message = String(row['error_message'] ?? '');
  const counts = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (counts) return `${counts[2]} fields where ${counts[1]} were expected`;
  switch (String(row['error_type'])) {
    case 'CAST':
      return `a value that does not fit the type of ${String(row['column_name'] ?? 'its column')}`;
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return 'bytes that are not valid UTF-8';
    case 'LINE SIZE OVER MAXIMUM':
      return 'a line longer than the limit';
    case 'UNQUOTED VALUE':
      return 'a quote inside a value that is not quoted';
    default:
      return message.split('\n')[0] ?? message;
  }
}
