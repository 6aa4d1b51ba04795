import { Worker } from 'node:worker_threads';
import { buildHistogram, buildHistogramAllRows } from './histogram';

/** Shared memory the histogram helper thread reads (and, for histograms, writes). */
export interface SharedTrainingBuffers {
  bins: Uint8Array;
  numRows: number;
  offsets: Int32Array;
  grad: Float64Array;
  hess: Float64Array;
  orderedGrad: Float64Array;
  orderedHess: Float64Array;
  indices: Uint32Array;
  histograms: Float64Array[];
  /** The features of the current tree. */
  features: Int32Array;
}

const SEQUENCE = 0;
const COMMAND = 1;
const HISTOGRAM = 2;
const BEGIN = 3;
const END = 4;
const FEATURE_START = 5;
const FEATURE_END = 6;
const DONE = 7;
const READY = 8;
const FAILED = 9;
const CONTROL_SIZE = 10;
/** How long a new helper may take to start before training goes on without it. */
const START_TIMEOUT_MS = 10_000;

const EXIT = 0;
const ALL_ROWS = 1;
const LEAF_ROWS = 2;

// The helper runs the histogram kernels' own source text (see shap/bulkExplain.ts for why: no loader, no file).
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { control } = workerData;
let kernels;
try {
  const __name = (fn) => fn;
  kernels = { buildHistogram: (${buildHistogram.toString()}), buildHistogramAllRows: (${buildHistogramAllRows.toString()}) };
} catch {
  Atomics.store(control, ${READY}, -1);
  Atomics.notify(control, ${READY});
  throw new Error('histogram helper could not start');
}
const { bins, numRows, offsets, grad, hess, orderedGrad, orderedHess, indices, histograms, features } = workerData;
const layout = { offsets };
let seen = 0;
Atomics.store(control, ${READY}, 1);
Atomics.notify(control, ${READY});
for (;;) {
  Atomics.wait(control, ${SEQUENCE}, seen);
  seen = Atomics.load(control, ${SEQUENCE});
  const command = control[${COMMAND}];
  if (command === ${EXIT}) break;
  try {
    const hist = histograms[control[${HISTOGRAM}]];
    const active = features.subarray(control[${FEATURE_START}], control[${FEATURE_END}]);
    if (command === ${ALL_ROWS}) kernels.buildHistogramAllRows(hist, layout, active, bins, numRows, grad, hess);
    else kernels.buildHistogram(hist, layout, active, bins, numRows, indices, control[${BEGIN}], control[${END}], orderedGrad, orderedHess);
  } catch {
    Atomics.store(control, ${FAILED}, 1);
  }
  Atomics.store(control, ${DONE}, seen);
  Atomics.notify(control, ${DONE});
}
`;

/** Allocates a typed array on shared memory so the helper thread sees it. */
export function sharedArray<T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new Type(new SharedArrayBuffer(Math.max(1, length) * Type.BYTES_PER_ELEMENT));
}

/**
 * One helper thread that builds the histograms of the second half of the features while the calling thread builds
 * the first half. Each feature is summed by one thread in row order, so results equal the single-threaded ones.
 */
export class HistogramHelper {
  private readonly control = sharedArray(Int32Array, CONTROL_SIZE);
  private readonly worker: Worker;
  private sequence = 0;
  private startState: 'unknown' | 'running' | 'absent' = 'unknown';

  constructor(private readonly shared: SharedTrainingBuffers) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { control: this.control, ...shared } });
    // A helper that cannot start says so through READY; its error event must not take the process down.
    this.worker.on('error', () => undefined);
    this.worker.unref();
  }

  /** Builds `hist` over the rows of the partition range [begin, end) (or all rows when `allRows`) for `featureCount` features. */
  build(histogramIndex: number, allRows: boolean, begin: number, end: number, featureCount: number): void {
    const s = this.shared;
    const hist = s.histograms[histogramIndex];
    const c = this.control;
    if (!this.started()) {
      // No helper: this thread builds every feature, with the same sums in the same order.
      const layout = { offsets: s.offsets, totalBins: 0 };
      const all = s.features.subarray(0, featureCount);
      if (allRows) buildHistogramAllRows(hist, layout, all, s.bins, s.numRows, s.grad, s.hess);
      else buildHistogram(hist, layout, all, s.bins, s.numRows, s.indices, begin, end, s.orderedGrad, s.orderedHess);
      return;
    }
    const split = featureCount >> 1;
    c[COMMAND] = allRows ? ALL_ROWS : LEAF_ROWS;
    c[HISTOGRAM] = histogramIndex;
    c[BEGIN] = begin;
    c[END] = end;
    c[FEATURE_START] = split;
    c[FEATURE_END] = featureCount;
    const sequence = ++this.sequence;
    Atomics.store(c, SEQUENCE, sequence);
    Atomics.notify(c, SEQUENCE);
    const own = s.features.subarray(0, split);
    const layout = { offsets: s.offsets, totalBins: 0 };
    if (allRows) buildHistogramAllRows(hist, layout, own, s.bins, s.numRows, s.grad, s.hess);
    else buildHistogram(hist, layout, own, s.bins, s.numRows, s.indices, begin, end, s.orderedGrad, s.orderedHess);
    for (let done = Atomics.load(c, DONE); done !== sequence; done = Atomics.load(c, DONE)) Atomics.wait(c, DONE, done);
    if (Atomics.load(c, FAILED) !== 0) throw new Error('The histogram helper thread failed; training stopped rather than use a partial histogram.');
  }

  /** Whether the helper thread is running; waits for it once, up to START_TIMEOUT_MS, then stops asking. */
  private started(): boolean {
    if (this.startState === 'unknown') {
      Atomics.wait(this.control, READY, 0, START_TIMEOUT_MS);
      this.startState = Atomics.load(this.control, READY) === 1 ? 'running' : 'absent';
    }
    return this.startState === 'running';
  }

  dispose(): void {
    this.control[COMMAND] = EXIT;
    Atomics.store(this.control, SEQUENCE, ++this.sequence);
    Atomics.notify(this.control, SEQUENCE);
    void this.worker.terminate();
  }
}
