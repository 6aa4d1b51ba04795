import { Worker } from 'node:worker_threads';
import type { FlatEnsemble } from '../predict';
import type { FeatureColumn } from '../types';
import { buildShapTables, type ShapTables } from './fastTreeShap';
import { explainRowsWithTables, type ShapKernelInput } from './tableKernel';
import { treeShapRow } from './treeShap';

export interface BulkShapOptions {
  /** Worker threads to split rows over; 1 = run in this thread. Default 2. */
  threads?: number;
  /** Below this many rows per thread, stay in this thread (worker start-up would dominate). */
  minRowsPerThread?: number;
  /** Fail instead of falling back to this thread when a worker cannot run (tests use it to prove the workers work). */
  requireWorkers?: boolean;
}

/** SHAP values for many rows: `values[i * numFeatures + f]`, in log-odds, with the model's expected value. */
export interface BulkShapResult {
  numRows: number;
  numFeatures: number;
  values: Float64Array;
  expectedValue: number;
}

// The worker runs the kernel's own source text. Transpilers that keep function names (tsx) insert `__name(...)`
// calls into function bodies, so the worker defines it. A plain string of code needs no loader and no file on disk,
// so this works the same under tsx, vitest and in a bundle.
const WORKER_SOURCE = `
const __name = (fn) => fn;
const { parentPort, workerData } = require('node:worker_threads');
const explain = (${explainRowsWithTables.toString()});
const { input, columns, numRows } = workerData;
const out = new Float64Array(numRows * input.numFeatures);
explain(input, columns, 0, numRows, out);
parentPort.postMessage(out, [out.buffer]);
`;

function kernelInput(flat: FlatEnsemble, tables: ShapTables, numFeatures: number): ShapKernelInput {
  return {
    numFeatures,
    roots: flat.roots,
    feature: flat.feature,
    threshold: flat.threshold,
    decision: flat.decision,
    left: flat.left,
    right: flat.right,
    tabledTrees: tables.tabledTrees,
    pathPosition: tables.pathPosition,
    leafDepth: tables.leafDepth,
    leafPathOffset: tables.leafPathOffset,
    leafTableOffset: tables.leafTableOffset,
    pathFeatures: tables.pathFeatures,
    pathRatio: tables.pathRatio,
    table: tables.table,
  };
}

function explainInWorker(input: ShapKernelInput, columns: readonly FeatureColumn[], start: number, end: number): Promise<Float64Array> {
  const slices = columns.map((column) => column.slice(start, end));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { input, columns: slices, numRows: end - start },
      transferList: slices.map((slice) => slice.buffer as ArrayBuffer),
    });
    worker.once('message', (out: Float64Array) => {
      resolve(out);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`SHAP worker exited with code ${code}`));
    });
  });
}

/** Exact per-row TreeSHAP for trees too deep to tabulate (rare: very deep leaf-wise trees). */
function addUntabledTrees(flat: FlatEnsemble, tables: ShapTables, columns: readonly FeatureColumn[], values: Float64Array, numFeatures: number): void {
  if (tables.untabledTrees.length === 0) return;
  const row = new Float64Array(numFeatures);
  const phi = new Float64Array(numFeatures);
  const numRows = columns.length === 0 ? 0 : columns[0].length;
  for (let i = 0; i < numRows; i++) {
    for (let f = 0; f < numFeatures; f++) row[f] = columns[f][i];
    phi.fill(0);
    for (const t of tables.untabledTrees) treeShapRow(flat, row, phi, t, t + 1);
    for (let f = 0; f < numFeatures; f++) values[i * numFeatures + f] += phi[f];
  }
}

/** Bulk TreeSHAP: per-leaf tables (fastTreeShap.ts) evaluated over row chunks in worker threads. */
export async function explainRowsBulk(flat: FlatEnsemble, baseScore: number, columns: readonly FeatureColumn[], options: BulkShapOptions = {}): Promise<BulkShapResult> {
  const numFeatures = columns.length;
  const numRows = numFeatures === 0 ? 0 : columns[0].length;
  const tables = buildShapTables(flat);
  const input = kernelInput(flat, tables, numFeatures);
  const values = new Float64Array(numRows * numFeatures);
  const threads = Math.max(1, Math.min(options.threads ?? 2, Math.floor(numRows / (options.minRowsPerThread ?? 2000))));

  if (threads <= 1) {
    explainRowsWithTables(input, columns, 0, numRows, values);
  } else {
    const bounds = Array.from({ length: threads + 1 }, (_, k) => Math.round((k * numRows) / threads));
    const chunks = bounds.slice(0, -1).map((start, k) => ({ start, end: bounds[k + 1] }));
    try {
      const results = await Promise.all(chunks.map(({ start, end }) => explainInWorker(input, columns, start, end)));
      results.forEach((out, k) => values.set(out, chunks[k].start * numFeatures));
    } catch (error) {
      if (options.requireWorkers) throw error;
      // Worker threads unavailable in this runtime: the same kernel in this thread gives the same values.
      values.fill(0);
      explainRowsWithTables(input, columns, 0, numRows, values);
    }
  }
  addUntabledTrees(flat, tables, columns, values, numFeatures);
  const expectedValue = tables.treeExpectedValue.reduce((sum, v) => sum + v, baseScore);
  return { numRows, numFeatures, values, expectedValue };
}
