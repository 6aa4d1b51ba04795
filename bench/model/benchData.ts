import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where generated benchmark data lives (gitignored): bench/.data/ under the project root. */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.data');

/**
 * A benchmark data set on disk, read the same way by both sides:
 * `<name>.json` (this meta), `<name>.f32` (float32 features, column-major, NaN = missing), `<name>.u8` (labels).
 * Rows [0, trainRows) are for training, the rest for testing.
 */
export interface BenchMeta {
  name: string;
  rows: number;
  features: number;
  trainRows: number;
  featureNames: string[];
}

export interface BenchData {
  meta: BenchMeta;
  /** Column-major float32 features of all rows. */
  values: Float32Array;
  labels: Uint8Array;
}

export function dataPaths(name: string): { meta: string; features: string; labels: string } {
  return { meta: join(DATA_DIR, `${name}.json`), features: join(DATA_DIR, `${name}.f32`), labels: join(DATA_DIR, `${name}.u8`) };
}

export function dataExists(name: string): boolean {
  const paths = dataPaths(name);
  return existsSync(paths.meta) && existsSync(paths.features) && existsSync(paths.labels);
}

export function writeBenchData(data: BenchData): void {
  mkdirSync(DATA_DIR, { recursive: true });
  const paths = dataPaths(data.meta.name);
  writeFileSync(paths.features, new Uint8Array(data.values.buffer, data.values.byteOffset, data.values.byteLength));
  writeFileSync(paths.labels, data.labels);
  writeFileSync(paths.meta, JSON.stringify(data.meta));
}

export function readBenchData(name: string): BenchData {
  const paths = dataPaths(name);
  const meta = JSON.parse(readFileSync(paths.meta, 'utf8')) as BenchMeta;
  const bytes = readFileSync(paths.features);
  const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const labels = new Uint8Array(readFileSync(paths.labels));
  return { meta, values, labels };
}

/** Feature columns of rows [start, end) as views into the column-major buffer (no copy). */
export function columnsOf(data: BenchData, start: number, end: number): Float32Array[] {
  const { rows, features } = data.meta;
  return Array.from({ length: features }, (_, f) => data.values.subarray(f * rows + start, f * rows + end));
}
