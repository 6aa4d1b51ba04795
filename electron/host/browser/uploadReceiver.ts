import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { UploadResult } from '../../../shared/contract/imports';

export const MAX_UPLOAD_BYTES = 50 * 1024 ** 3;
/** A body that sends nothing for this long is given up on (the server-wide request timeout is off for uploads). */
const UPLOAD_IDLE_MS = 120_000;
const MAX_NAME_LENGTH = 180;
const FALLBACK_NAME = 'upload';

export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413 | 500,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/**
 * The file name an upload is stored under: the last segment of what the browser sent, without control
 * characters, characters that mean something to a glob (the stored path is later read as a source pattern),
 * or leading dots, shortened from the middle so its extension (`.csv.gz`) survives.
 */
export function safeUploadName(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  // oxlint-disable-next-line no-control-regex -- control characters are exactly what is removed here
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*[\]{}]/g, '_').replace(/^[.\s]+/, '').trim();
  if (cleaned === '') return FALLBACK_NAME;
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const extension = /(\.[A-Za-z0-9]{1,10}){1,2}$/.exec(cleaned)?.[0] ?? '';
  return cleaned.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

/** Streams a request body to `<uploadsDir>/<random>/<safe name>`; a broken or oversized body leaves nothing behind. */
export async function receiveUpload(request: IncomingMessage, uploadsDir: string, originalName: string): Promise<UploadResult> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) throw new UploadError(413, 'The file is larger than 50 GiB.');

  const folder = join(uploadsDir, randomBytes(12).toString('hex'));
  await mkdir(folder, { recursive: true });
  const path = join(folder, safeUploadName(originalName));
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES) callback(new UploadError(413, 'The file is larger than 50 GiB.'));
      else callback(null, chunk);
    },
  });
  request.setTimeout(UPLOAD_IDLE_MS, () => request.destroy(new UploadError(400, 'The upload stalled.')));
  try {
    await pipeline(request, counter, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    if (error instanceof UploadError) throw error;
    throw new UploadError(400, `The upload did not complete: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { path, bytes };
}

/** Uploads are kept for re-imports for this long, then removed when a host starts. */
export const UPLOAD_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Removes upload folders older than the retention period; an unreadable entry is left alone. */
export async function removeOldUploads(uploadsDir: string, now = Date.now()): Promise<number> {
  let removed = 0;
  const entries = await readdir(uploadsDir).catch(() => [] as string[]);
  for (const entry of entries) {
    const folder = join(uploadsDir, entry);
    const modified = await stat(folder).then((info) => info.mtimeMs, () => now);
    if (now - modified < UPLOAD_RETENTION_MS) continue;
    await rm(folder, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
