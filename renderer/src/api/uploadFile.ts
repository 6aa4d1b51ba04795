import { uploadResultSchema, type UploadResult } from '../../../shared/contract/imports';
import { errorInfoSchema, WorkbenchError } from '../../../shared/errors';
import { storedToken } from './browserTransport';

export interface UploadOptions {
  /** Bytes sent so far and the file's size. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends one file to the browser host that served this page, which stores it on this machine and answers
 * with its path there. XMLHttpRequest rather than fetch because it reports upload progress.
 */
export function uploadFile(file: File, options: UploadOptions = {}): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new WorkbenchError('cancelled', 'Upload cancelled.'));
    const request = new XMLHttpRequest();
    request.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader('X-Pwb-Token', storedToken());
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.responseType = 'text';
    request.upload.addEventListener('progress', (event) => options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size));
    request.addEventListener('load', () => {
      const answer = parseJson(request.responseText);
      if (request.status === 200) {
        const parsed = uploadResultSchema.safeParse(answer);
        if (parsed.success) resolve(parsed.data);
        else reject(new WorkbenchError('internal', 'The host answered the upload with something unexpected.'));
        return;
      }
      if (request.status === 401) return reject(new WorkbenchError('unsupported', 'This page needs the URL with its token, as printed when the host started.'));
      const error = errorInfoSchema.safeParse(isRecord(answer) ? answer['error'] : undefined);
      reject(error.success ? WorkbenchError.fromInfo(error.data) : new WorkbenchError('io_error', `The upload failed: the host answered ${request.status}.`));
    });
    request.addEventListener('error', () => reject(new WorkbenchError('io_error', 'The upload failed: the connection to the host broke.')));
    request.addEventListener('abort', () => reject(new WorkbenchError('cancelled', 'Upload cancelled.')));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
