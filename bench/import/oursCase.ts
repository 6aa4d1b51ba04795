// Our side: a fresh workspace and one importDataset call, in its own process.
// Usage: node --import tsx bench/import/oursCase.ts <csv path>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportMapping, ImportSource } from '../../shared/contract/imports';
import { importDataset } from '../../electron/engine/imports/importDataset';
import { Workspace } from '../../electron/engine/workspace/workspaceFile';
import { peakRssMb } from './childRun';

export interface OursResult {
  /** The whole importDataset call: what the user waits for. */
  seconds: number;
  load_ms: number;
  report_ms: number;
  rows_read: number;
  rows_imported: number;
  rows_rejected: number;
  rejected_by_reason: Record<string, number>;
  customers: number;
  dataset_rows: number;
  peak_rss_mb: number;
}

const csvPath = process.argv[2];
if (!csvPath) throw new Error('usage: oursCase.ts <csv path>');

const mapping: ImportMapping = {
  name: 'events',
  kind: 'events',
  idColumn: 'customer_id',
  timeColumn: 'event_time',
  timeFormat: null,
  timeZone: null,
  eventTypeColumn: 'event_type',
  numericIds: false,
};
const source: ImportSource = { files: [csvPath] };

const dir = mkdtempSync(join(tmpdir(), 'pwb-bench-ours-'));
try {
  const workspace = await Workspace.create(join(dir, 'bench.pwb'), 'bench');
  try {
    const start = performance.now();
    const { dataset, report, timings } = await importDataset(workspace.db, source, mapping, { signal: new AbortController().signal, progress: () => {} });
    const seconds = (performance.now() - start) / 1000;
    const rejected: Record<string, number> = { ...report.rowsRejected };
    const result: OursResult = {
      seconds,
      load_ms: timings.loadMs,
      report_ms: timings.reportMs,
      rows_read: report.rowsRead,
      rows_imported: report.rowsImported,
      rows_rejected: Object.values(rejected).reduce((sum, n) => sum + n, 0),
      rejected_by_reason: rejected,
      customers: report.customers,
      dataset_rows: dataset.rows,
      peak_rss_mb: peakRssMb(),
    };
    console.log(JSON.stringify(result));
  } finally {
    workspace.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
