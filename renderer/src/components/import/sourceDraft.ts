import type { FileFormat, ImportSource } from '../../../../shared/contract/imports';

/** The source step's fields as the user edits them. */
export interface SourceDraft {
  /** One path or glob pattern per line. */
  paths: string;
  format: FileFormat | null;
  delimiter: string | null;
  header: boolean | null;
}

export const emptySourceDraft: SourceDraft = { paths: '', format: null, delimiter: null, header: null };

export function sourceFiles(draft: SourceDraft): string[] {
  return draft.paths
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The source to send, or a message saying what is missing. */
export function toImportSource(draft: SourceDraft): ImportSource | string {
  const files = sourceFiles(draft);
  if (files.length === 0) return 'Type the path of a file (or a pattern such as /data/events-*.csv), or choose one.';
  return {
    files,
    ...(draft.format ? { format: draft.format } : {}),
    ...(draft.delimiter ? { delimiter: draft.delimiter } : {}),
    ...(draft.header !== null ? { header: draft.header } : {}),
  };
}

const DATA_EXTENSIONS = /(\.(csv|tsv|txt|parquet|json|ndjson|jsonl))?(\.(gz|zst|gzip))?$/i;

/** "/data/events-2025.csv.gz" → "events-2025"; a pattern's wildcards are dropped. */
export function defaultDatasetName(files: string[]): string {
  const first = files[0] ?? '';
  const base = (first.split(/[\\/]/).pop() ?? '').replace(DATA_EXTENSIONS, '');
  const cleaned = base
    .replace(/[*?[\]{}]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s._-]+|[\s._-]+$/g, '');
  return (cleaned || 'Imported data').slice(0, 120);
}
