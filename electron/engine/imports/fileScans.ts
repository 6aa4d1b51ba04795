import { createReadStream } from 'node:fs';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { isGzip } from './sourceFiles';

/**
 * Scans over a source file's text in Node, for the questions DuckDB cannot answer precisely: is a gzip stream whole,
 * on which line is the overlong line, the broken JSON record, the unclosed quote.
 */
function textStream(path: string): Readable {
  const raw = createReadStream(path);
  return isGzip(path) ? raw.pipe(createGunzip()) : raw;
}

/** Decompresses the whole gzip file, throwing zlib's complaint when it is damaged or cut off. */
export async function verifyGzip(path: string, signal?: AbortSignal): Promise<void> {
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  await pipeline(createReadStream(path), createGunzip(), sink, signal ? { signal } : {});
}

/** Visits the text line by line (as bytes) until `visit` returns true; resolves with the 1-based line it stopped on. */
async function scanLines(path: string, visit: (line: Buffer, lineNumber: number) => boolean, maxLineBytes = Number.POSITIVE_INFINITY): Promise<number | null> {
  let lineNumber = 1;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of textStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, index));
      if (visit(Buffer.concat(pending), lineNumber)) return lineNumber;
      pending = [];
      pendingBytes = 0;
      lineNumber += 1;
      start = index + 1;
    }
    pending.push(chunk.subarray(start));
    pendingBytes += chunk.length - start;
    if (pendingBytes > maxLineBytes) return lineNumber;
  }
  if (pendingBytes > 0 && visit(Buffer.concat(pending), lineNumber)) return lineNumber;
  return null;
}

/** The first line longer than `limit` bytes. */
export function findLongLine(path: string, limit: number): Promise<number | null> {
  return scanLines(path, (line) => line.length > limit, limit);
}

/** The first non-blank line of an NDJSON file that is not a JSON value. */
export function findBrokenJsonLine(path: string): Promise<number | null> {
  return scanLines(path, (line) => {
    const text = line.toString('utf8').trim();
    if (text === '') return false;
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * The line where a double quote opens a field that is never properly closed, following CSV quoting (`""` inside a
 * quoted field is an escaped quote; quoted fields may span lines; a closing quote is followed by the delimiter or the
 * line's end). Only the text given is looked at.
 */
export function findUnclosedQuote(text: string, delimiter = ','): number | null {
  let line = 1;
  let inQuotes = false;
  let openedOn = 0;
  let atFieldStart = true;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (inQuotes) {
      if (character === '"') {
        const next = text[index + 1];
        if (next === '"') index += 1;
        else if (next === undefined || next === delimiter || next === '\n' || next === '\r') inQuotes = false;
        // A quote that ends a field must be followed by the delimiter or the line's end: this one opened too early.
        else return openedOn;
      } else if (character === '\n') {
        line += 1;
      }
      continue;
    }
    if (character === '"' && atFieldStart) {
      inQuotes = true;
      openedOn = line;
    }
    if (character === '\n') line += 1;
    atFieldStart = character === delimiter || character === '\n' || character === '\r';
  }
  return inQuotes ? openedOn : null;
}
