import type { ExportFormat } from '../../../shared/contract/segments';

/** The file name extension each export format is written with. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { csv: '.csv', parquet: '.parquet', json: '.ndjson' };

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = { csv: 'CSV', parquet: 'Parquet', json: 'NDJSON' };

const KNOWN_EXTENSION = /\.(csv|parquet|ndjson|jsonl|json)$/i;

/** A file name made from a segment's name: characters no file system accepts become "-", with the format's extension. */
export function exportFileName(name: string, format: ExportFormat): string {
  // oxlint-disable-next-line no-control-regex -- control characters cannot be in a file name
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 150);
  return `${cleaned || 'scores'}${EXPORT_EXTENSIONS[format]}`;
}

/** The path with its extension switched to the format's (added when it has none of the export formats'). */
export function withFormatExtension(path: string, format: ExportFormat): string {
  const trimmed = path.trim();
  if (trimmed === '') return trimmed;
  return KNOWN_EXTENSION.test(trimmed) ? trimmed.replace(KNOWN_EXTENSION, EXPORT_EXTENSIONS[format]) : `${trimmed}${EXPORT_EXTENSIONS[format]}`;
}

/** Whether the path names a file from the root: "/home/…", "C:\…", "C:/…" or a "\\server\share\…" path. */
export function isAbsolutePath(path: string): boolean {
  const trimmed = path.trim();
  return trimmed.startsWith('/') || /^[A-Za-z]:[\\/]/.test(trimmed) || trimmed.startsWith('\\\\');
}

/** Why the path cannot be written to as given, or null when it can be tried. */
export function exportPathProblem(path: string): string | null {
  const trimmed = path.trim();
  if (trimmed === '') return 'Give the file to write.';
  if (!isAbsolutePath(trimmed)) return 'Give the full path of the file, from the root of the disk (such as /home/you/exports/segment.csv).';
  if (/[\\/]$/.test(trimmed)) return 'The path names a folder; add a file name.';
  return null;
}
