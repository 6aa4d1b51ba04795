import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listValue } from '@duckdb/node-api';
import type { FileFormat, ImportSource } from '../../../shared/contract/imports';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../sql/database';

export interface SourceFile {
  path: string;
  bytes: number;
}

export interface ResolvedFiles {
  format: FileFormat;
  files: SourceFile[];
}

const GLOB_CHARACTERS = /[*?[]/;
const SNIFF_BYTES = 64 * 1024;
const PARQUET_MAGIC = 'PAR1';

/** Expands globs, checks that every file exists and holds something readable, and settles the format. */
export async function resolveSourceFiles(db: Database, source: ImportSource): Promise<ResolvedFiles> {
  const paths: string[] = [];
  for (const pattern of source.files) {
    if (GLOB_CHARACTERS.test(pattern)) {
      const matches = await db.all('SELECT file FROM glob($pattern) ORDER BY file', { pattern });
      if (matches.length === 0) throw new WorkbenchError('not_found', `No file matches ${pattern}.`, 'source.files');
      paths.push(...matches.map((row) => String(row['file'])));
    } else {
      paths.push(pattern);
    }
  }
  const files = paths.map(checkFile);
  const formats = new Set(files.map((file) => source.format ?? formatFromName(file.path) ?? formatFromContent(file.path)));
  if (formats.size > 1) {
    throw new WorkbenchError('invalid_input', `The files are of different formats (${[...formats].join(', ')}); import them as separate datasets.`, 'source.files');
  }
  const format = [...formats][0] ?? 'csv';
  for (const file of files) checkContent(file, format);
  return { format, files };
}

/** The file list as one bound DuckDB value. */
export function filesValue(files: SourceFile[]) {
  return listValue(files.map((file) => file.path));
}

export function isGzip(path: string): boolean {
  return path.toLowerCase().endsWith('.gz');
}

function checkFile(path: string): SourceFile {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new WorkbenchError('not_found', `File not found: ${path}.`, 'source.files');
  }
  if (stats.isDirectory()) {
    throw new WorkbenchError('invalid_input', `${path} is a folder; give the files in it, for example ${path.replace(/\/$/, '')}/*.csv.`, 'source.files');
  }
  if (stats.size === 0) {
    const what = isGzip(path) ? 'is an empty compressed file (0 bytes)' : 'is empty (0 bytes)';
    throw new WorkbenchError('invalid_input', `${basename(path)} ${what}; it holds no data.`, 'source.files');
  }
  return { path, bytes: stats.size };
}

function formatFromName(path: string): FileFormat | null {
  const name = path.toLowerCase().replace(/\.(gz|gzip|zst)$/, '');
  if (/\.(csv|tsv|tab|txt|psv)$/.test(name)) return 'csv';
  if (/\.(parquet|pq)$/.test(name)) return 'parquet';
  if (/\.(json|ndjson|jsonl)$/.test(name)) return 'json';
  return null;
}

/** For files without a telling extension: Parquet by its magic bytes, JSON by its first character, else CSV. */
function formatFromContent(path: string): FileFormat {
  const head = readHead(path);
  if (head.subarray(0, 4).toString('latin1') === PARQUET_MAGIC) return 'parquet';
  const firstCharacter = head.toString('utf8').trimStart()[0];
  return firstCharacter === '{' || firstCharacter === '[' ? 'json' : 'csv';
}

function checkContent(file: SourceFile, format: FileFormat): void {
  const name = basename(file.path);
  if (format === 'parquet') {
    if (readRawHead(file.path, 4).toString('latin1') !== PARQUET_MAGIC) {
      throw new WorkbenchError('invalid_input', `${name} is not a Parquet file (it does not start with the Parquet signature).`, 'source.files');
    }
    return;
  }
  const head = readHead(file.path);
  if (head.length === 0) throw new WorkbenchError('invalid_input', `${name} holds no data once decompressed.`, 'source.files');
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new WorkbenchError('invalid_input', `${name} is UTF-16 text; save it as UTF-8 and import it again.`, 'source.files');
  }
  if (head.includes(0) || knownBinary(head) !== null) {
    const known = knownBinary(head);
    throw new WorkbenchError(
      'invalid_input',
      known
        ? `${name} does not look like text: it is ${known}.`
        : `${name} does not look like text: it contains binary data near the start. Is it really a ${format.toUpperCase()} file?`,
      'source.files',
    );
  }
}

/** Common binary files people pick by mistake, recognised by their first bytes. */
function knownBinary(head: Buffer): string | null {
  const start = head.subarray(0, 8).toString('latin1');
  if (start.startsWith('\x89PNG')) return 'a PNG image';
  if (start.startsWith('\xff\xd8\xff')) return 'a JPEG image';
  if (start.startsWith('%PDF')) return 'a PDF document';
  if (start.startsWith('PK\x03\x04')) return 'a ZIP archive (an Excel .xlsx workbook is one: save the sheet as CSV)';
  if (start.startsWith('\xd0\xcf\x11\xe0')) return 'an old Excel or Office file (save the sheet as CSV)';
  if (start.startsWith('\x1f\x8b')) return 'gzip-compressed (name it with .gz so it is decompressed)';
  return null;
}

/**
 * Why a small text file has no data: only blank lines, or a header line and nothing after it. Null when its text
 * holds more than that, or is too long to be judged from its start.
 */
export function emptyTextReason(path: string): string | null {
  const head = readHead(path);
  if (head.length >= SNIFF_BYTES) return null;
  const lines = head.toString('utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return `${basename(path)} holds only blank lines; there is no data in it.`;
  if (lines.length === 1) return `${basename(path)} has no data rows (only a header line).`;
  return null;
}

/** The start of the file's text (decompressed), for checks that need to look at it. */
export function textHead(path: string): string {
  return readHead(path).toString('utf8');
}

/** The first bytes of the file's text, decompressed when it is gzip. */
function readHead(path: string): Buffer {
  if (!isGzip(path)) return readRawHead(path, SNIFF_BYTES);
  const raw = readRawHead(path, SNIFF_BYTES);
  try {
    return gunzipSync(raw, { finishFlush: 2 /* Z_SYNC_FLUSH: a truncated prefix is expected */ }).subarray(0, SNIFF_BYTES);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WorkbenchError('invalid_input', `${basename(path)} is not a valid gzip file (${reason}).`, 'source.files');
  }
}

function readRawHead(path: string, bytes: number): Buffer {
  const descriptor = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(descriptor, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(descriptor);
  }
}
