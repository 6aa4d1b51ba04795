import { orderByScoreDescending } from './ranking';

export interface DecileRow {
  /** 1 = the tenth of rows with the highest scores. */
  decile: number;
  count: number;
  positives: number;
  /** Share of positives in this decile divided by the overall share. */
  lift: number;
  /** Share of all positives found in deciles 1..decile (cumulative gains). */
  cumulativeGain: number;
  /** Share of positives in deciles 1..decile divided by the overall share. */
  cumulativeLift: number;
}

/** Lift and cumulative gains by decile of decreasing score. */
export function liftByDecile(scores: ArrayLike<number>, labels: ArrayLike<number>, order = orderByScoreDescending(scores)): DecileRow[] {
  const n = order.length;
  let totalPositives = 0;
  for (let i = 0; i < labels.length; i++) totalPositives += labels[i];
  const baseRate = n > 0 ? totalPositives / n : 0;
  const rows: DecileRow[] = [];
  let cumulativeCount = 0;
  let cumulativePositives = 0;
  for (let d = 0; d < 10; d++) {
    const start = Math.floor((d * n) / 10);
    const end = Math.floor(((d + 1) * n) / 10);
    let positives = 0;
    for (let k = start; k < end; k++) positives += labels[order[k]];
    const count = end - start;
    cumulativeCount += count;
    cumulativePositives += positives;
    rows.push({
      decile: d + 1,
      count,
      positives,
      lift: count > 0 && baseRate > 0 ? positives / count / baseRate : NaN,
      cumulativeGain: totalPositives > 0 ? cumulativePositives / totalPositives : NaN,
      cumulativeLift: cumulativeCount > 0 && baseRate > 0 ? cumulativePositives / cumulativeCount / baseRate : NaN,
    });
  }
  return rows;
}
