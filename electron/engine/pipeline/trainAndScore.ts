// Runs inside the worker process: everything here is CPU-bound model work on typed arrays.
import { evaluateProbabilities, type Evaluation } from '../model/metrics/evaluate';
import { rocAuc } from '../model/metrics/ranking';
import { fitIsotonic, applyCalibration } from '../model/calibration';
import { explainRows, fitCalibrator, predictBaselineTree, predictProba, serializeModel, train, trainBaselineTree, type GbdtModel } from '../model';
import { expectedValue } from '../model/explain';
import { Random } from '../model/random';
import { calibratedProbability, calibrationSlope, contributionsToPoints, topFactorIndices, TOP_FACTORS } from './factorPoints';
import { EARLY_STOPPING_ROUNDS, LARGE_SETTING, MAX_ROUNDS, MODEL_SETTINGS, SEARCH_MAX_ROWS, type ModelSetting } from './modelSettings';
import { BUCKETS, percentilesAndBuckets } from './ranking';
import { stratifiedSplit, takeLabels, takeRows } from './split';
import type { TrainOutcome, TrainTask } from './trainTask';

export type PhaseProgress = (phase: 'training' | 'scoring' | 'explaining' | 'backtest', fraction: number, message: string) => void;

const VALID_SHARE = 0.2;
const LEAKAGE_SAMPLE = 50_000;
/** CART here grows with n² per node: the baseline tree learns from a sample. */
export const BASELINE_TREE = { maxDepth: 4, sampleSize: 1500 };
/** Below this many training rows a helper thread costs more than it saves. */
const THREADED_ROWS = 50_000;

export async function trainAndScore(task: TrainTask, progress: PhaseProgress): Promise<TrainOutcome> {
  const started = performance.now();
  const split = stratifiedSplit(task.train.labels, VALID_SHARE, task.seed);
  const trainSet = { features: takeRows(task.train.columns, split.train), labels: takeLabels(task.train.labels, split.train) };
  const validSet = { features: takeRows(task.train.columns, split.valid), labels: takeLabels(task.train.labels, split.valid) };

  const settings = split.train.length > SEARCH_MAX_ROWS ? [LARGE_SETTING] : MODEL_SETTINGS;
  const tried: TrainOutcome['settingsTried'] = [];
  let best: { model: GbdtModel; setting: ModelSetting; loss: number } | null = null;
  for (const [index, setting] of settings.entries()) {
    const model = await train(trainSet, {
      featureNames: task.featureKeys,
      categorical: task.categorical,
      valid: validSet,
      params: { earlyStoppingRounds: EARLY_STOPPING_ROUNDS, ...setting.params, numRounds: MAX_ROUNDS, seed: task.seed, threads: split.train.length >= THREADED_ROWS ? 2 : 1 },
      onProgress: ({ round, totalRounds }) =>
        progress('training', (index + round / totalRounds) / settings.length, `Training${settings.length > 1 ? ` setting ${index + 1} of ${settings.length}` : ''}: round ${round} of up to ${totalRounds}`),
    });
    const loss = model.validLossHistory[model.bestIteration - 1] ?? Number.POSITIVE_INFINITY;
    tried.push({ name: setting.name, validLogLoss: loss, rounds: model.bestIteration });
    if (best === null || loss < best.loss) best = { model, setting, loss };
  }
  if (best === null) throw new Error('no model was trained');
  const model = fitCalibrator(best.model, validSet, 'platt');
  const validation = evaluateProbabilities(predictProba(model, validSet.features), validSet.labels);
  const baselines = [
    { name: 'recency' as const, evaluation: recencyBaseline(task.recencyFeature, trainSet, validSet) },
    { name: 'single_tree' as const, evaluation: evaluateProbabilities(predictBaselineTree(trainBaselineTree(trainSet, { maxDepth: BASELINE_TREE.maxDepth, sampleSize: BASELINE_TREE.sampleSize, seed: task.seed }), validSet.features), validSet.labels) },
  ];
  const strongestFeature = strongestSingleFeature(task.train.columns, task.train.labels, task.seed);
  const trainingSeconds = (performance.now() - started) / 1000;

  progress('scoring', 0, `Scoring ${task.score.columns[0]?.length ?? 0} customers`);
  const scoringStarted = performance.now();
  const probability = predictProba(model, task.score.columns);
  const { percentile, bucket } = percentilesAndBuckets(probability, task.thresholds);
  const scoringSeconds = (performance.now() - scoringStarted) / 1000;

  progress('explaining', 0, 'Explaining every score (TreeSHAP)');
  const explainStarted = performance.now();
  const factors = await explainScores(model, task.score.columns, probability, bucket);
  const explainingSeconds = (performance.now() - explainStarted) / 1000;

  const backtestStarted = performance.now();
  const realized = task.score.realized !== null && hasBothClasses(task.score.realized) ? evaluateProbabilities(probability, task.score.realized) : null;
  const backtestSeconds = (performance.now() - backtestStarted) / 1000;

  return {
    model: serializeModel(model),
    setting: best.setting.name,
    rounds: model.bestIteration,
    numLeaves: model.params.numLeaves,
    learningRate: model.params.learningRate,
    settingsTried: tried,
    validation,
    baselines,
    strongestFeature,
    probability,
    percentile,
    bucket,
    ...factors,
    realized,
    timings: { training: trainingSeconds, scoring: scoringSeconds, explaining: explainingSeconds, backtest: backtestSeconds },
  };
}

/** Rank by recency alone: fewer days since the last event, higher chance; turned into probabilities on the training rows. */
function recencyBaseline(feature: number, trainSet: { features: Float32Array[]; labels: Uint8Array }, validSet: { features: Float32Array[]; labels: Uint8Array }): Evaluation {
  // Isotonic regression reads raw scores through a sigmoid; days scaled down keep that from saturating.
  const score = (column: Float32Array) => Float64Array.from(column, (days) => (Number.isNaN(days) ? -1e7 : -days / 100));
  const calibrator = fitIsotonic(score(trainSet.features[feature]), trainSet.labels);
  return evaluateProbabilities(applyCalibration(calibrator, score(validSet.features[feature])), validSet.labels);
}

/** The best AUC any one feature reaches alone on (a sample of) the training rows, in either direction. */
function strongestSingleFeature(columns: Float32Array[], labels: Uint8Array, seed: number): { index: number; auc: number } | null {
  const rows = new Random(seed + 7).sampleSorted(labels.length, Math.min(labels.length, LEAKAGE_SAMPLE));
  const sampleLabels = Uint8Array.from(rows, (i) => labels[i]);
  if (!hasBothClasses(sampleLabels)) return null;
  let best: { index: number; auc: number } | null = null;
  columns.forEach((column, index) => {
    const values = Float64Array.from(rows, (i) => (Number.isNaN(column[i]) ? -Number.MAX_VALUE : column[i]));
    const auc = rocAuc(values, sampleLabels);
    const strength = Math.max(auc, 1 - auc);
    if (best === null || strength > best.auc) best = { index, auc: strength };
  });
  return best;
}

function hasBothClasses(labels: Uint8Array): boolean {
  let positives = 0;
  for (const label of labels) positives += label;
  return positives > 0 && positives < labels.length;
}

/** Every scored row's factors in probability points: the top few kept per row, the mean influence of each feature. */
async function explainScores(model: GbdtModel, columns: Float32Array[], probability: Float64Array, bucket: Uint8Array) {
  const numRows = probability.length;
  const numFeatures = columns.length;
  const shap = await explainRows(model, columns, { threads: 2 });
  const expectedRaw = expectedValue(model);
  const baseRate = calibratedProbability(model, expectedRaw);
  const slope = calibrationSlope(model, expectedRaw);
  const factorFeature = new Int16Array(numRows * TOP_FACTORS).fill(-1);
  const factorPoints = new Float64Array(numRows * TOP_FACTORS);
  const meanAbsPoints = new Float64Array(numFeatures);
  const meanPoints = new Float64Array(numFeatures);
  const bucketSize = new Float64Array(BUCKETS.length);
  for (const b of bucket) bucketSize[b]++;
  const bucketMeanAbsPoints = new Float64Array(BUCKETS.length * numFeatures);
  const bucketMeanPoints = new Float64Array(BUCKETS.length * numFeatures);
  const points = new Float64Array(numFeatures);
  for (let i = 0; i < numRows; i++) {
    contributionsToPoints(shap.values, i * numFeatures, numFeatures, baseRate, probability[i], slope, points);
    const offset = bucket[i] * numFeatures;
    const size = bucketSize[bucket[i]];
    for (let f = 0; f < numFeatures; f++) {
      meanAbsPoints[f] += Math.abs(points[f]) / numRows;
      meanPoints[f] += points[f] / numRows;
      bucketMeanAbsPoints[offset + f] += Math.abs(points[f]) / size;
      bucketMeanPoints[offset + f] += points[f] / size;
    }
    topFactorIndices(points, TOP_FACTORS).forEach((f, k) => {
      factorFeature[i * TOP_FACTORS + k] = f;
      factorPoints[i * TOP_FACTORS + k] = points[f];
    });
  }
  return { baseRate, factorFeature, factorPoints, meanAbsPoints, meanPoints, bucketMeanAbsPoints, bucketMeanPoints };
}
