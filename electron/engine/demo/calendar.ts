import { cumulative } from './random';

const SECONDS_PER_DAY = 86_400;
const MILLIS_PER_DAY = SECONDS_PER_DAY * 1000;

/** Monday first. Weekends carry more sessions. */
const WEEKDAY_ACTIVITY = [0.9, 0.9, 0.91, 0.93, 1.04, 1.32, 1.28];

/** Sessions by hour of day: quiet nights, a lunch bump, an evening peak. */
export const SESSION_HOUR_WEIGHTS = cumulative([
  0.8, 0.5, 0.3, 0.2, 0.2, 0.4, 1.0, 2.0, 3.0, 3.6, 4.0, 4.3, 5.0, 4.8, 4.3, 4.2, 4.4, 5.0, 5.9, 6.8, 7.2, 6.6, 4.6, 2.2,
]);

/**
 * The simulated span, one entry per day, with the seasonal multipliers precomputed. Days are
 * counted from `start` (day 0); times are seconds since the Unix epoch, timestamps being naive
 * store-local times.
 */
export class DemoCalendar {
  readonly dayCount: number;
  readonly startEpochDay: number;
  /** Multiplier on session frequency: weekday times time of year. */
  readonly activity: Float64Array;
  /** Multiplier on the will to buy: gift season and sales. */
  readonly buyingMood: Float64Array;
  /** Days a marketing email goes out. */
  readonly campaignDay: Uint8Array;

  constructor(start: string, end: string) {
    this.startEpochDay = epochDayOf(start);
    this.dayCount = epochDayOf(end) - this.startEpochDay + 1;
    if (this.dayCount < 1) throw new Error(`The demo span must end on or after its start (${start} to ${end}).`);
    this.activity = new Float64Array(this.dayCount);
    this.buyingMood = new Float64Array(this.dayCount);
    this.campaignDay = new Uint8Array(this.dayCount);
    for (let day = 0; day < this.dayCount; day++) {
      const date = new Date((this.startEpochDay + day) * MILLIS_PER_DAY);
      const weekday = (date.getUTCDay() + 6) % 7;
      const month = date.getUTCMonth() + 1;
      const dayOfMonth = date.getUTCDate();
      const season = seasonOf(month, dayOfMonth);
      this.activity[day] = WEEKDAY_ACTIVITY[weekday] * season.activity;
      this.buyingMood[day] = season.buyingMood;
      const holidayPush = season.holidayPush && (weekday === 2 || weekday === 6);
      this.campaignDay[day] = weekday === 1 || weekday === 4 || holidayPush ? 1 : 0;
    }
  }

  dayStartSeconds(day: number): number {
    return (this.startEpochDay + day) * SECONDS_PER_DAY;
  }

  /** The last second of the span: no event may be later. */
  get endSeconds(): number {
    return this.dayStartSeconds(this.dayCount) - 1;
  }
}

/** January to December; November and December are overridden by the holiday season. */
const MONTH_ACTIVITY = [0.85, 0.88, 0.95, 0.97, 1.0, 0.95, 0.92, 0.95, 0.98, 1.02, 1.22, 1.05];

interface Season {
  activity: number;
  buyingMood: number;
  holidayPush: boolean;
}

function seasonOf(month: number, dayOfMonth: number): Season {
  if (month === 11 && dayOfMonth >= 24) return { activity: 1.75, buyingMood: 1.6, holidayPush: true }; // Black Friday week
  if (month === 12 && dayOfMonth <= 2) return { activity: 1.75, buyingMood: 1.6, holidayPush: true }; // Cyber Monday
  if (month === 12 && dayOfMonth <= 20) return { activity: 1.5, buyingMood: 1.45, holidayPush: true };
  if (month === 12) return { activity: 1.05, buyingMood: 1.0, holidayPush: false };
  if (month === 11) return { activity: 1.22, buyingMood: 1.2, holidayPush: dayOfMonth >= 15 };
  return { activity: MONTH_ACTIVITY[month - 1], buyingMood: month === 1 ? 0.9 : 1, holidayPush: false };
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function epochDayOf(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Expected a date as YYYY-MM-DD, got '${isoDate}'.`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const millis = Date.UTC(year, month - 1, day);
  const roundTrip = new Date(millis);
  if (roundTrip.getUTCFullYear() !== year || roundTrip.getUTCMonth() !== month - 1 || roundTrip.getUTCDate() !== day) {
    throw new Error(`'${isoDate}' is not a calendar date.`);
  }
  return millis / MILLIS_PER_DAY;
}
