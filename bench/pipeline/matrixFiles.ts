// The run's matrices on disk for the python peer, in the model benchmark's layout (read by bench/model/peer_data.py):
// `<name>.json` (BenchMeta), `<name>.f32` (float32, column-major, NaN = missing), `<name>.u8` (0/1 labels).
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { stratifiedSplit, takeLabels, takeRows } from '../../electron/engine/pipeline/split';
import type { TrainTask } from '../../electron/engine/pipeline/trainTask';
import type { BenchMeta } from '../model/benchData';

/** trainAndScore's VALID_SHARE (not exported by the engine): the share of each class kept for early stopping. */
export const VALID_SHARE = 0.2;

export interface DumpedMatrices {
  dir: string;
  /** The training matrix, its training rows first and then its validation rows (trainRows = the training part). */
  train: BenchMeta;
  /** Every scored customer; labels are what happened after as_of where the data covers it, else all 0. */
  score: BenchMeta & { realized: boolean };
  categorical: boolean[];
}

function writeMatrix(dir: string, meta: BenchMeta, columns: Float32Array[][], labels: Uint8Array[]): void {
  const fd = openSync(join(dir, `${meta.name}.f32`), 'w');
  try {
    for (const parts of columns) for (const part of parts) writeSync(fd, new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
  } finally {
    closeSync(fd);
  }
  const all = new Uint8Array(meta.rows);
  let offset = 0;
  for (const part of labels) {
    all.set(part, offset);
    offset += part.length;
  }
  writeFileSync(join(dir, `${meta.name}.u8`), all);
  writeFileSync(join(dir, `${meta.name}.json`), JSON.stringify(meta));
}

/**
 * Writes the task the engine sent its worker: the training matrix reordered as the worker splits it (the same
 * stratified 80/20 split, same seed), and the scoring matrix as it is.
 */
export function dumpTrainTask(task: TrainTask, dir: string): DumpedMatrices {
  const split = stratifiedSplit(task.train.labels, VALID_SHARE, task.seed);
  const featureNames = [...task.featureKeys];
  const features = featureNames.length;
  const trainRows = split.train.length;
  const train: BenchMeta = { name: 'train', rows: task.train.labels.length, features, trainRows, featureNames };
  const fit = takeRows(task.train.columns, split.train);
  const valid = takeRows(task.train.columns, split.valid);
  writeMatrix(dir, train, fit.map((column, f) => [column, valid[f]]), [takeLabels(task.train.labels, split.train), takeLabels(task.train.labels, split.valid)]);

  const scoredRows = task.score.columns[0]?.length ?? 0;
  const score = { name: 'score', rows: scoredRows, features, trainRows: 0, featureNames, realized: task.score.realized !== null };
  writeMatrix(dir, score, task.score.columns.map((column) => [column]), [task.score.realized ?? new Uint8Array(scoredRows)]);
  return { dir, train, score, categorical: [...task.categorical] };
}
