import { basename } from 'node:path';
import type { FileFormat } from '../../../shared/contract/imports';
import { WorkbenchError } from '../../../shared/errors';
import { findBrokenJsonLine, findLongLine } from './fileScans';

export const MAX_LINE_BYTES = 8 * 1024 * 1024;

/**
 * Turns what DuckDB says about a file it cannot read into a message for the person importing it: the file by its
 * name, the line found by reading the file itself (DuckDB's line counts are not always right), no database jargon.
 */
export async function explainReadError(error: unknown, paths: string[], format: FileFormat): Promise<WorkbenchError> {
  if (error instanceof WorkbenchError) return error;
  // A fault in the app itself is not the file's fault: say so instead of blaming the file.
  if (error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError || error instanceof SyntaxError) {
    return new WorkbenchError('internal', `Unexpected error while importing: ${error.message}`);
  }
  const raw = error instanceof Error ? error.message : String(error);
  const names = paths.map((path) => basename(path)).join(', ');
  if (/INTERRUPT/i.test(raw)) return new WorkbenchError('cancelled', 'Cancelled.');
  if (/not possible to automatically detect the CSV parsing dialect/i.test(raw)) {
    return new WorkbenchError('invalid_input', `Could not work out how ${names} is laid out (its delimiter and quoting). Choose the delimiter and whether it has a header line, then try again.`, 'source.delimiter');
  }
  if (/Invalid unicode|not utf-8 encoded/i.test(raw)) {
    return new WorkbenchError('invalid_input', `${names} is not UTF-8 text${lineOf(raw)}; save it as UTF-8 and import it again.`, 'source.files');
  }
  if (/Maximum line size|line size/i.test(raw)) {
    const where = await firstFound(paths, (path) => findLongLine(path, MAX_LINE_BYTES));
    return new WorkbenchError('invalid_input', `${where ? basename(where.path) : names} has a line longer than 8 MB${where ? ` (line ${where.line})` : ''}; is it really a ${format.toUpperCase()} file?`, 'source.files');
  }
  if (/gzip|decompress|zlib|inflate/i.test(raw)) {
    return new WorkbenchError('invalid_input', `${names} could not be decompressed: the file is damaged or incomplete.`, 'source.files');
  }
  if (format === 'json') {
    const where = await firstFound(paths, findBrokenJsonLine);
    const detail = where ? ` (line ${where.line} is not a complete JSON record)` : '';
    return new WorkbenchError('invalid_input', `${where ? basename(where.path) : names} is not valid JSON${detail}.`, 'source.files');
  }
  if (format === 'parquet') {
    return new WorkbenchError('invalid_input', `${names} is not a valid Parquet file: it is damaged or incomplete.`, 'source.files');
  }
  if (/No files found|No such file/i.test(raw)) return new WorkbenchError('not_found', `File not found: ${names}.`, 'source.files');
  if (/schema|column count|union_by_name|mismatch/i.test(raw)) {
    return new WorkbenchError('invalid_input', `The files do not all have the same columns (${names}); import them as separate datasets.`, 'source.files');
  }
  return new WorkbenchError('invalid_input', `${names} could not be read${lineOf(raw)}: ${plainReason(raw)}`, 'source.files');
}

function lineOf(raw: string): string {
  const match = /Line: (\d+)/.exec(raw);
  return match ? ` (near line ${match[1]})` : '';
}

/** DuckDB's first line without its error class, paths or trailing hints. */
function plainReason(raw: string): string {
  const first = raw.split('\n')[0] ?? raw;
  return first.replace(/^[A-Za-z ]*Error: /, '').replace(/"[^"]*\/([^/"]+)"/g, '"$1"').trim();
}

async function firstFound(paths: string[], find: (path: string) => Promise<number | null>): Promise<{ path: string; line: number } | null> {
  for (const path of paths) {
    const line = await find(path).catch(() => null);
    if (line !== null) return { path, line };
  }
  return null;
}
