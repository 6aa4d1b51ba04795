import { liftByDecile, type DecileRow } from './lift';
import { brierScore, calibrationCurve, expectedCalibrationError, logLoss, type CalibrationBin } from './probability';
import { averagePrecision, orderByScoreDescending, rocAuc, rocPoints, type RocPoint } from './ranking';

export interface Evaluation {
  count: number;
  positives: number;
  rocAuc: number;
  /** Average precision. */
  prAuc: number;
  logLoss: number;
  brier: number;
  deciles: DecileRow[];
  roc: RocPoint[];
  calibration: CalibrationBin[];
  expectedCalibrationError: number;
}

/** Every evaluation figure for predicted probabilities against 0/1 labels. */
export function evaluateProbabilities(probabilities: ArrayLike<number>, labels: ArrayLike<number>): Evaluation {
  if (probabilities.length !== labels.length) throw new RangeError(`${probabilities.length} predictions for ${labels.length} labels`);
  const order = orderByScoreDescending(probabilities);
  const calibration = calibrationCurve(probabilities, labels, 10);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  return {
    count: labels.length,
    positives,
    rocAuc: rocAuc(probabilities, labels, order),
    prAuc: averagePrecision(probabilities, labels, order),
    logLoss: logLoss(probabilities, labels),
    brier: brierScore(probabilities, labels),
    deciles: liftByDecile(probabilities, labels, order),
    roc: rocPoints(probabilities, labels, 200, order),
    calibration,
    expectedCalibrationError: expectedCalibrationError(calibration),
  };
}
