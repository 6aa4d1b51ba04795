/**
 * Event times are wall-clock TIMESTAMPs without a zone; window arithmetic is done on them as if they were UTC,
 * so a day is always 24 hours and no daylight-saving shift moves a cutoff.
 */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` or `YYYY-MM-DD[T ]HH:MM[:SS]` as milliseconds on the wall-clock axis. */
export function wallClockMs(text: string): number {
  const normalized = text.length === 10 ? `${text}T00:00:00` : text.replace(' ', 'T');
  const ms = Date.parse(`${normalized.slice(0, 19)}Z`);
  if (Number.isNaN(ms)) throw new Error(`Not a wall-clock time: ${text}`);
  return ms;
}

/** Milliseconds on the wall-clock axis back to `YYYY-MM-DDTHH:MM:SS`. */
export function formatWallClock(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function shiftDays(text: string, days: number): string {
  return formatWallClock(wallClockMs(text) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return (wallClockMs(to) - wallClockMs(from)) / DAY_MS;
}

/** The windows of DESIGN §1: features before the cutoff, the label in [cutoff, cutoff + window) = [cutoff, as_of). */
export interface GoalWindows {
  asOf: string;
  trainCutoff: string;
}

export function goalWindows(asOf: string, windowDays: number): GoalWindows {
  const normalized = formatWallClock(wallClockMs(asOf));
  return { asOf: normalized, trainCutoff: shiftDays(normalized, -windowDays) };
}
