import { basename } from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import { verifyGzip } from './fileScans';
import { emptyTextReason, isGzip, type SourceFile } from './sourceFiles';
import type { SourceRelation } from './sourceRelation';

/** Every gzip source decompressed end to end in Node; a damaged or truncated one fails the import by name. */
export async function verifyCompressedFiles(files: SourceFile[], signal: AbortSignal): Promise<void> {
  for (const file of files.filter((candidate) => isGzip(candidate.path))) {
    try {
      await verifyGzip(file.path, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new WorkbenchError('invalid_input', `${basename(file.path)} is damaged or truncated: its compressed data ${/end of file/i.test(reason) ? 'ends too early' : `cannot be read (${reason})`}. Nothing was imported.`, 'source.files');
    }
  }
}

/** A source without a single row is refused before anything else is judged, with the reason in its own words. */
export async function checkSourceHasRows(db: Database, relation: SourceRelation, sample: SourceRelation): Promise<void> {
  if (relation.format === 'csv') {
    // Blank lines read as rows of NULLs, so small files are judged by their text first.
    const reasons = relation.files.map((file) => emptyTextReason(file.path));
    const reason = reasons.find((entry) => entry !== null);
    if (reason && reasons.every((entry) => entry !== null)) throw new WorkbenchError('invalid_input', reason, 'source.files');
  }
  const row = await db.one(`SELECT count(*) AS n FROM ${sample.from}`);
  if (Number(row?.['n'] ?? 0) > 0) return;
  const parseRejects = relation.rejectsTable === null ? undefined : await db.one(`SELECT count(*) AS n FROM ${quoteIdentifier(relation.rejectsTable)}`).catch(() => undefined);
  if (Number(parseRejects?.['n'] ?? 0) > 0) return;
  throw new WorkbenchError('invalid_input', `${relation.files.map((entry) => basename(entry.path)).join(', ')} has no data rows.`, 'source.files');
}
