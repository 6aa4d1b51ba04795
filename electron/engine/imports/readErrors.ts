import type { FileFormat } from '../../../shared/contract/imports';
import { WorkbenchError } from '../../../shared/errors';

/** Turns what DuckDB says about a file it cannot read into a message for the person importing it. */
export function translateReadError(error: unknown, files: string, format: FileFormat): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  if (/INTERRUPT/i.test(raw)) return new WorkbenchError('cancelled', 'Cancelled.');
  const firstLine = raw.split('\n')[0]?.replace(/^[A-Za-z ]+Error: /, '') ?? raw;
  const lineMatch = /Line: (\d+)/.exec(raw);
  const where = lineMatch ? ` (line ${lineMatch[1]})` : '';
  if (/not possible to automatically detect the CSV parsing dialect/i.test(raw)) {
    return new WorkbenchError('invalid_input', `Could not work out how ${files} is laid out (its delimiter and quoting). Choose the delimiter and whether it has a header line, then try again.`, 'source.delimiter');
  }
  if (/Invalid unicode|not utf-8 encoded/i.test(raw)) {
    return new WorkbenchError('invalid_input', `${files} is not UTF-8 text${where}; save it as UTF-8 and import it again.`, 'source.files');
  }
  if (/gzip|decompress|zlib/i.test(raw)) {
    return new WorkbenchError('invalid_input', `${files} could not be decompressed: ${firstLine}`, 'source.files');
  }
  if (/Maximum line size|line size/i.test(raw)) {
    return new WorkbenchError('invalid_input', `${files} has a line longer than 8 MB${where}; is it really a ${format.toUpperCase()} file?`, 'source.files');
  }
  if (format === 'json' && /JSON|malformed/i.test(raw)) {
    return new WorkbenchError('invalid_input', `${files} is not valid JSON${where}: ${firstLine}`, 'source.files');
  }
  if (format === 'parquet') {
    return new WorkbenchError('invalid_input', `${files} could not be read as Parquet: ${firstLine}`, 'source.files');
  }
  if (/No files found|No such file/i.test(raw)) return new WorkbenchError('not_found', `File not found: ${files}.`, 'source.files');
  if (/schema|column count|union_by_name/i.test(raw)) {
    return new WorkbenchError('invalid_input', `The files do not all have the same columns: ${firstLine}`, 'source.files');
  }
  return new WorkbenchError('invalid_input', `${files} could not be read${where}: ${firstLine}`, 'source.files');
}
