import type { RunEvaluation } from '../../../shared/contract/runs';
import type { Evaluation } from '../model/metrics/evaluate';

type EvaluationFigures = Pick<Evaluation, 'count' | 'positives' | 'rocAuc' | 'prAuc' | 'logLoss' | 'brier' | 'deciles' | 'roc' | 'calibration'>;

/** The model core's evaluation as the contract carries it: empty calibration bins (NaN means) left out. */
export function toRunEvaluation(evaluation: EvaluationFigures): RunEvaluation {
  return {
    count: evaluation.count,
    positives: evaluation.positives,
    auc: evaluation.rocAuc,
    prAuc: evaluation.prAuc,
    logLoss: evaluation.logLoss,
    brier: evaluation.brier,
    deciles: evaluation.deciles,
    // The curve starts above every score (threshold +Infinity), which JSON cannot carry.
    roc: evaluation.roc.map((point) => ({ ...point, threshold: Math.min(point.threshold, 1) })),
    calibration: evaluation.calibration.filter((bin) => bin.count > 0),
  };
}
