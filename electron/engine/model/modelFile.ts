import { resolveParams } from './params';
import type { Calibrator, FeatureBinning, GbdtModel, TrainParams, Tree } from './types';

export const MODEL_FORMAT = 'pwb-gbdt';
export const MODEL_VERSION = 1;

type NodeArrays = { [K in keyof Tree]: number[] };

/**
 * The model file: versioned JSON. Each tree stores its nodes as parallel arrays (node 0 is the root, leaves have
 * feature -1 and left/right -1). An infinite threshold (a split that only separates missing values) is written as null.
 */
export interface ModelFileV1 {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  featureNames: string[];
  categorical: boolean[];
  binning: ({ kind: 'numeric'; upperBounds: number[] } | { kind: 'categorical'; categories: number[] })[];
  params: TrainParams;
  baseScore: number;
  bestIteration: number;
  validLossHistory: number[];
  trees: { nodes: { [K in keyof Tree]: (number | null)[] } }[];
  calibration: Calibrator | null;
}

const NODE_FIELDS: readonly (keyof Tree)[] = ['feature', 'threshold', 'thresholdBin', 'missingLeft', 'categorical', 'left', 'right', 'gain', 'cover', 'count', 'value'];

export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
}

function fail(message: string): never {
  throw new ModelFileError(`Invalid model file: ${message}`);
}

export function toModelFile(model: GbdtModel): ModelFileV1 {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    featureNames: model.featureNames,
    categorical: model.categorical,
    binning: model.binning.map((b) => (b.kind === 'numeric' ? { kind: 'numeric', upperBounds: [...b.upperBounds] } : { kind: 'categorical', categories: [...b.categories] })),
    params: model.params,
    baseScore: model.baseScore,
    bestIteration: model.bestIteration,
    validLossHistory: model.validLossHistory,
    trees: model.trees.map((tree) => {
      const nodes = {} as { [K in keyof Tree]: (number | null)[] };
      for (const field of NODE_FIELDS) nodes[field] = Array.from(tree[field], (v: number) => (Number.isFinite(v) ? v : null));
      return { nodes };
    }),
    calibration: model.calibration ?? null,
  };
}

export function serializeModel(model: GbdtModel): string {
  return JSON.stringify(toModelFile(model));
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

function readBinning(value: unknown, index: number): FeatureBinning {
  const b = value as { kind?: unknown; upperBounds?: unknown; categories?: unknown };
  if (b?.kind === 'numeric' && isNumberArray(b.upperBounds)) return { kind: 'numeric', upperBounds: Float64Array.from(b.upperBounds), numBins: b.upperBounds.length + 1 };
  if (b?.kind === 'categorical' && isNumberArray(b.categories) && b.categories.length > 0) return { kind: 'categorical', categories: Int32Array.from(b.categories), numBins: b.categories.length };
  return fail(`binning of feature ${index} is malformed`);
}

function readTree(value: unknown, index: number, numFeatures: number): Tree {
  const nodes = (value as { nodes?: Record<string, unknown> })?.nodes;
  if (typeof nodes !== 'object' || nodes === null) fail(`tree ${index} has no nodes`);
  const arrays = {} as NodeArrays;
  for (const field of NODE_FIELDS) {
    const column = nodes[field];
    if (!Array.isArray(column)) fail(`tree ${index} lacks node field ${field}`);
    arrays[field] = column.map((v: unknown) => {
      if (v === null && field === 'threshold') return Infinity;
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(`tree ${index} field ${field} holds a non-number`);
      return v;
    });
  }
  const size = arrays.feature.length;
  if (size === 0 || NODE_FIELDS.some((field) => arrays[field].length !== size)) fail(`tree ${index} node arrays differ in length`);
  for (let n = 0; n < size; n++) {
    const f = arrays.feature[n];
    if (f === -1) continue;
    if (!Number.isInteger(f) || f < 0 || f >= numFeatures) fail(`tree ${index} node ${n} splits on unknown feature ${f}`);
    for (const child of [arrays.left[n], arrays.right[n]]) if (!Number.isInteger(child) || child <= n || child >= size) fail(`tree ${index} node ${n} has a bad child ${child}`);
  }
  return {
    feature: Int32Array.from(arrays.feature),
    threshold: Float64Array.from(arrays.threshold),
    thresholdBin: Int32Array.from(arrays.thresholdBin),
    missingLeft: Uint8Array.from(arrays.missingLeft),
    categorical: Uint8Array.from(arrays.categorical),
    left: Int32Array.from(arrays.left),
    right: Int32Array.from(arrays.right),
    gain: Float64Array.from(arrays.gain),
    cover: Float64Array.from(arrays.cover),
    count: Float64Array.from(arrays.count),
    value: Float64Array.from(arrays.value),
  };
}

function readCalibration(value: unknown): Calibrator | undefined {
  if (value === null || value === undefined) return undefined;
  const c = value as { method?: unknown; slope?: unknown; intercept?: unknown; x?: unknown; y?: unknown };
  if (c.method === 'platt' && typeof c.slope === 'number' && typeof c.intercept === 'number') return { method: 'platt', slope: c.slope, intercept: c.intercept };
  if (c.method === 'isotonic' && isNumberArray(c.x) && isNumberArray(c.y) && c.x.length === c.y.length && c.x.length > 0) return { method: 'isotonic', x: c.x, y: c.y };
  return fail('calibration is malformed');
}

/** Parses and validates a model file; rejects other formats and versions. */
export function deserializeModel(text: string): GbdtModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    fail(`not JSON (${(error as Error).message})`);
  }
  const file = parsed as Partial<Record<keyof ModelFileV1, unknown>>;
  if (file?.format !== MODEL_FORMAT) fail(`format is ${JSON.stringify(file?.format)}, expected "${MODEL_FORMAT}"`);
  if (file.version !== MODEL_VERSION) fail(`version ${JSON.stringify(file.version)} is not supported (this build reads version ${MODEL_VERSION})`);
  const featureNames = file.featureNames;
  if (!Array.isArray(featureNames) || !featureNames.every((n) => typeof n === 'string')) fail('featureNames must be strings');
  const numFeatures = featureNames.length;
  const categorical = file.categorical;
  if (!Array.isArray(categorical) || categorical.length !== numFeatures || !categorical.every((c) => typeof c === 'boolean')) fail('categorical must hold one boolean per feature');
  if (!Array.isArray(file.binning) || file.binning.length !== numFeatures) fail('binning must hold one entry per feature');
  if (typeof file.baseScore !== 'number' || !Number.isFinite(file.baseScore)) fail('baseScore must be a number');
  if (!Array.isArray(file.trees)) fail('trees must be an array');
  if (typeof file.params !== 'object' || file.params === null) fail('params missing');
  let params: TrainParams;
  try {
    params = resolveParams(file.params as Partial<TrainParams>);
  } catch (error) {
    fail((error as Error).message);
  }
  const trees = file.trees.map((tree, i) => readTree(tree, i, numFeatures));
  const validLossHistory = isNumberArray(file.validLossHistory) ? file.validLossHistory : [];
  const model: GbdtModel = {
    featureNames,
    categorical,
    binning: file.binning.map(readBinning),
    params,
    baseScore: file.baseScore,
    trees,
    bestIteration: typeof file.bestIteration === 'number' ? file.bestIteration : trees.length,
    validLossHistory,
  };
  const calibration = readCalibration(file.calibration);
  if (calibration !== undefined) model.calibration = calibration;
  return model;
}
