// Import benchmark: our importDataset (workspace table + quality report) against DuckDB's read_csv into a table.
// Usage: npm run bench:import [-- --quick] [-- --json]
import { createReadStream } from 'node:fs';
import { median, runCase } from './childRun';
import type { EventsCsv } from './generateCsv';
import type { OursResult } from './oursCase';
import type { PeerResult } from './peerCase';

const quick = process.argv.includes('--quick');
const asJson = process.argv.includes('--json');
const ROWS = quick ? 1_000_000 : 10_000_000;
const REPEATS = quick ? 1 : 3;
const PEER = 'duckdb read_csv';
const RATIO_GOAL = 1.1;

function log(message: string): void {
  if (asJson) process.stderr.write(`${message}\n`);
  else console.log(message);
}

/** Reads the file once so that neither side pays for a cold page cache on its first run. */
async function warmPageCache(path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) void chunk;
}

const ratioText = (ratio: number | null) => (ratio === null ? '—' : `${ratio.toFixed(2)}×`);
const perSecond = (rows: number, seconds: number) => `${Math.round(rows / seconds).toLocaleString('en')}`;

async function main(): Promise<void> {
  log(`events CSV, ${ROWS.toLocaleString('en')} rows: generating or reusing the cached file ...`);
  const csv = runCase<EventsCsv>('generateCsv.ts', [String(ROWS)]);
  log(`${csv.path} (${(csv.bytes / 2 ** 20).toFixed(0)} MB, ${csv.empty_ids.toLocaleString('en')} rows without a customer id)`);
  await warmPageCache(csv.path);

  const ours: OursResult[] = [];
  const peer: PeerResult[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    // Alternate which side goes first, so drift in the machine's speed does not favour one of them.
    const order = repeat % 2 === 0 ? ['peer', 'ours'] : ['ours', 'peer'];
    for (const side of order) {
      if (side === 'peer') {
        const result = runCase<PeerResult>('peerCase.ts', [csv.path]);
        peer.push(result);
        log(`  run ${repeat + 1}/${REPEATS} ${PEER}: ${result.seconds.toFixed(2)} s, ${result.peak_rss_mb.toFixed(0)} MB peak`);
      } else {
        const result = runCase<OursResult>('oursCase.ts', [csv.path]);
        ours.push(result);
        log(`  run ${repeat + 1}/${REPEATS} pwb import: ${result.seconds.toFixed(2)} s (load ${(result.load_ms / 1000).toFixed(2)} s, report ${(result.report_ms / 1000).toFixed(2)} s), ${result.peak_rss_mb.toFixed(0)} MB peak`);
      }
    }
  }

  const oursS = median(ours.map((r) => r.seconds));
  const peerS = median(peer.map((r) => r.seconds));
  const loadS = median(ours.map((r) => r.load_ms)) / 1000;
  const reportS = median(ours.map((r) => r.report_ms)) / 1000;
  // What the engine's two timings leave out: reading the file's layout before the load, committing after the report.
  const otherS = median(ours.map((r) => r.seconds - (r.load_ms + r.report_ms) / 1000));
  const oursRss = median(ours.map((r) => r.peak_rss_mb));
  const peerRss = median(peer.map((r) => r.peak_rss_mb));
  const last = ours[ours.length - 1];
  const correct = ours.every((r) => r.rows_read === ROWS && r.rows_imported + r.rows_rejected === ROWS) && peer.every((r) => r.rows === ROWS);
  const ratio = oursS / peerS;
  const row = {
    case: `events CSV ${ROWS.toLocaleString('en')} rows`,
    ours_s: oursS,
    peer: PEER,
    peer_s: peerS,
    ratio,
    rows: ROWS,
    rows_per_s: ROWS / oursS,
    peak_rss_mb: oursRss,
    peer_peak_rss_mb: peerRss,
    load_s: loadS,
    report_s: reportS,
    other_s: otherS,
    load_ratio: loadS / peerS,
    peer_rows_per_s: ROWS / peerS,
    peer_version: peer[0]?.version ?? null,
    rows_read: last.rows_read,
    rows_imported: last.rows_imported,
    rows_rejected: last.rows_rejected,
    rejected_by_reason: last.rejected_by_reason,
    expected_empty_ids: csv.empty_ids,
    customers: last.customers,
    correct,
    csv_bytes: csv.bytes,
    repeats: REPEATS,
    ours_runs_s: ours.map((r) => r.seconds),
    peer_runs_s: peer.map((r) => r.seconds),
  };
  const goals = { import_ratio_le_1_1: ratio <= RATIO_GOAL };

  const header = ['case', 'seconds', 'rows/s', 'peak RSS MB', 'ours/peer'];
  const table = [
    [`${PEER} (${row.peer_version ?? '?'})`, peerS.toFixed(2), perSecond(ROWS, peerS), peerRss.toFixed(0), '—'],
    ['pwb import (whole call)', oursS.toFixed(2), perSecond(ROWS, oursS), oursRss.toFixed(0), ratioText(ratio)],
    ['  of which load', loadS.toFixed(2), perSecond(ROWS, loadS), '—', ratioText(row.load_ratio)],
    ['  of which quality report', reportS.toFixed(2), '—', '—', '—'],
    ['  the rest (detection, commit)', otherS.toFixed(2), '—', '—', '—'],
  ];
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((cells) => cells[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  log(`\n${row.case} (${(csv.bytes / 2 ** 20).toFixed(0)} MB), median of ${REPEATS} run${REPEATS > 1 ? 's' : ''}, each side in a fresh process`);
  log(line(header));
  log(`|${widths.map((w, c) => (c === 0 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|')}|`);
  for (const cells of table) log(line(cells));
  const rejectedText = Object.entries(last.rejected_by_reason).map(([reason, n]) => `${reason} ${n.toLocaleString('en')}`).join(', ') || 'none';
  log(`rows read ${last.rows_read.toLocaleString('en')}, imported ${last.rows_imported.toLocaleString('en')}, rejected ${last.rows_rejected.toLocaleString('en')} (${rejectedText}; the file has ${csv.empty_ids.toLocaleString('en')} empty ids), customers ${last.customers.toLocaleString('en')}: ${correct ? 'counts add up' : 'COUNTS DO NOT ADD UP'}`);
  log(`goal: ratio ≤ ${RATIO_GOAL}: ${goals.import_ratio_le_1_1 ? 'met' : 'missed'} (${ratioText(ratio)})`);
  if (asJson) console.log(JSON.stringify({ bench: 'import', quick, cases: [row], goals }));
}

await main();
