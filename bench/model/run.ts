// Model benchmark: our GBDT and TreeSHAP against xgboost 1.7 (hist, 2 threads) in the same run.
// Usage: npm run bench:model [-- --quick] [-- --json]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIR, dataExists, writeBenchData } from './benchData';
import { PEER_PARAMS, ROUNDS, SHAP_ROWS, SKLEARN_PARAMS, THREADS } from './benchParams';
import { buildRetailData } from './retailData';
import { generateSynthetic } from './syntheticData';

const HERE = dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';
const quick = process.argv.includes('--quick');
const asJson = process.argv.includes('--json');

interface CaseSpec {
  name: string;
  label: string;
  shap: boolean;
  make: () => Promise<void>;
}

interface SideResult {
  train_s: number;
  auc: number;
  shap_s: number | null;
  peak_rss_mb: number;
}

interface CaseRow {
  case: string;
  rows: number | null;
  ours_s: number;
  peer: string;
  peer_s: number | null;
  ratio: number | null;
  ours_auc: number | null;
  peer_auc: number | null;
  auc_diff: number | null;
  peak_rss_mb: number;
  peer_peak_rss_mb: number | null;
}

function synthetic(rows: number, features: number, seed: number): CaseSpec {
  const name = `synthetic-${rows}x${features}`;
  return {
    name,
    label: `synthetic ${rows.toLocaleString('en')} × ${features}`,
    shap: rows === 100_000,
    make: async () => writeBenchData(generateSynthetic(name, rows, features, seed)),
  };
}

const CASES: CaseSpec[] = [
  synthetic(100_000, 30, 101),
  ...(quick ? [] : [synthetic(1_000_000, 50, 202)]),
  { name: 'retail-rfm', label: 'retail RFM (customers as of 2011-09-01)', shap: false, make: async () => writeBenchData(await buildRetailData('retail-rfm')) },
];

function lastJsonLine<T>(output: string, who: string): T {
  const line = output.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`${who} printed no result:\n${output}`);
  }
}

function runOurs(name: string, shap: boolean): SideResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(HERE, 'oursCase.ts'), name, ...(shap ? ['--shap'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`our case ${name} failed:\n${result.stderr}`);
  return lastJsonLine<SideResult>(result.stdout, 'our side');
}

function peerAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import xgboost, sklearn'], { encoding: 'utf8' }).status === 0;
}

function runPeer(name: string, shap: boolean): (SideResult & { version: string }) | null {
  const result = spawnSync(PYTHON, [join(HERE, 'xgbPeer.py'), DATA_DIR, name, JSON.stringify(PEER_PARAMS), String(ROUNDS), String(shap ? SHAP_ROWS : 0)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`xgboost case ${name} failed:\n${result.stderr}`);
  return lastJsonLine(result.stdout, 'xgboost');
}

function runSklearn(name: string): (SideResult & { version: string }) | null {
  const result = spawnSync(PYTHON, [join(HERE, 'sklearnPeer.py'), DATA_DIR, name, JSON.stringify(SKLEARN_PARAMS), String(ROUNDS)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, OMP_NUM_THREADS: String(THREADS) },
  });
  if (result.status !== 0) throw new Error(`sklearn case ${name} failed:\n${result.stderr}`);
  return lastJsonLine(result.stdout, 'sklearn');
}

function fixed(value: number | null, digits: number): string {
  return value === null ? '—' : value.toFixed(digits);
}

function log(message: string): void {
  if (asJson) process.stderr.write(`${message}\n`);
  else console.log(message);
}

async function main(): Promise<void> {
  const hasPeer = peerAvailable();
  if (!hasPeer) log(`xgboost/sklearn not importable from ${PYTHON}: peer columns stay empty (apt-get install python3-xgboost python3-sklearn)`);
  const rows: CaseRow[] = [];
  let peerName = 'xgboost hist';
  for (const spec of CASES) {
    if (!dataExists(spec.name)) {
      log(`generating ${spec.name} into bench/.data/ ...`);
      await spec.make();
    }
    log(`running ${spec.label} ...`);
    const ours = runOurs(spec.name, spec.shap);
    const peer = hasPeer ? runPeer(spec.name, spec.shap) : null;
    if (peer !== null) peerName = `xgboost ${peer.version} hist`;
    rows.push({
      case: spec.label,
      rows: null,
      ours_s: ours.train_s,
      peer: peerName,
      peer_s: peer?.train_s ?? null,
      ratio: peer === null ? null : ours.train_s / peer.train_s,
      ours_auc: ours.auc,
      peer_auc: peer?.auc ?? null,
      auc_diff: peer === null ? null : ours.auc - peer.auc,
      peak_rss_mb: ours.peak_rss_mb,
      peer_peak_rss_mb: peer?.peak_rss_mb ?? null,
    });
    const sklearnPeer = hasPeer ? runSklearn(spec.name) : null;
    if (sklearnPeer !== null) {
      rows.push({
        case: `${spec.label} (vs sklearn)`,
        rows: null,
        ours_s: ours.train_s,
        peer: `sklearn ${sklearnPeer.version} HistGradientBoosting`,
        peer_s: sklearnPeer.train_s,
        ratio: ours.train_s / sklearnPeer.train_s,
        ours_auc: ours.auc,
        peer_auc: sklearnPeer.auc,
        auc_diff: ours.auc - sklearnPeer.auc,
        peak_rss_mb: ours.peak_rss_mb,
        peer_peak_rss_mb: sklearnPeer.peak_rss_mb,
      });
    }
    if (spec.shap && ours.shap_s !== null) {
      rows.push({
        case: `TreeSHAP ${SHAP_ROWS.toLocaleString('en')} rows (${spec.label} model)`,
        rows: SHAP_ROWS,
        ours_s: ours.shap_s,
        peer: `${peerName} pred_contribs`,
        peer_s: peer?.shap_s ?? null,
        ratio: peer?.shap_s ? ours.shap_s / peer.shap_s : null,
        ours_auc: null,
        peer_auc: null,
        auc_diff: null,
        peak_rss_mb: ours.peak_rss_mb,
        peer_peak_rss_mb: peer?.peak_rss_mb ?? null,
      });
    }
  }

  // The goals are set against xgboost; the sklearn rows are there for context.
  const againstXgboost = rows.filter((r) => r.peer.startsWith('xgboost'));
  const training = againstXgboost.filter((r) => r.ours_auc !== null);
  const shap = againstXgboost.filter((r) => r.ours_auc === null);
  const goals = {
    train_time_le_1x: training.every((r) => r.ratio !== null && r.ratio <= 1),
    'auc_within_0.002': training.every((r) => r.auc_diff !== null && r.auc_diff >= -0.002),
    'shap_le_1.5x': shap.length > 0 && shap.every((r) => r.ratio !== null && r.ratio <= 1.5),
    rss_under_2gb: rows.every((r) => r.peak_rss_mb < 2048),
  };

  const header = ['case', 'peer', 'ours s', 'peer s', 'ratio', 'ours AUC', 'peer AUC', 'ΔAUC', 'peak RSS MB'];
  const table = rows.map((r) => [r.case, r.peer, fixed(r.ours_s, 2), fixed(r.peer_s, 2), r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`, fixed(r.ours_auc, 4), fixed(r.peer_auc, 4), r.auc_diff === null ? '—' : (r.auc_diff >= 0 ? '+' : '') + r.auc_diff.toFixed(4), fixed(r.peak_rss_mb, 0)]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => (c <= 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  log(`\n${ROUNDS} rounds, depth ≤ 6, learning rate 0.1, 2 threads for the peers; goals are against xgboost; times exclude data loading`);
  log(line(header));
  log(`|${widths.map((w, c) => (c <= 1 ? ':' : '') + '-'.repeat(w + 1) + (c <= 1 ? '' : ':')).join('|')}|`);
  for (const row of table) log(line(row));
  log(`goals: ${Object.entries(goals).map(([goal, met]) => `${goal} ${met ? 'met' : 'MISSED'}`).join(', ')}`);
  if (asJson) console.log(JSON.stringify({ bench: 'model', quick, cases: rows, goals }));
}

await main();
