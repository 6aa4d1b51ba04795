// The peer: DuckDB's own read_csv into a fresh file-backed database, in its own process.
// Usage: node --import tsx bench/import/peerCase.ts <csv path>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { peakRssMb } from './childRun';

export interface PeerResult {
  seconds: number;
  rows: number;
  version: string;
  peak_rss_mb: number;
}

const csvPath = process.argv[2];
if (!csvPath) throw new Error('usage: peerCase.ts <csv path>');
const dir = mkdtempSync(join(tmpdir(), 'pwb-bench-peer-'));
try {
  const instance = await DuckDBInstance.create(join(dir, 'peer.duckdb'));
  const connection = await instance.connect();
  const start = performance.now();
  await connection.run('CREATE TABLE t AS SELECT * FROM read_csv($1)', [csvPath]);
  const seconds = (performance.now() - start) / 1000;
  const reader = await connection.runAndReadAll('SELECT count(*)::BIGINT AS n, version() AS v FROM t');
  const row = reader.getRowObjectsJS()[0] ?? {};
  connection.closeSync();
  instance.closeSync();
  const result: PeerResult = { seconds, rows: Number(row['n']), version: String(row['v']), peak_rss_mb: peakRssMb() };
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
