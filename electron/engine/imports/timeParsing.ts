import type { DuckDBValue } from '@duckdb/node-api';
import type { ImportMapping } from '../../../shared/contract/imports';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../sql/database';
import { SAMPLE_ROWS, type RelationColumn, type SourceRelation } from './sourceRelation';

/** How a source column becomes a TIMESTAMP (wall-clock time, no zone). */
export interface TimeParsing {
  /** SQL over the raw relation: a TIMESTAMP, NULL where the value is missing or unreadable. */
  expr: string;
  params: Record<string, DuckDBValue>;
  /** The format used, in words for the report: a strptime pattern, `ISO 8601`, `epoch seconds`… */
  description: string;
}

/** strptime patterns tried, in order, on text times that are not ISO 8601. */
const CANDIDATE_FORMATS = [
  '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y',
  '%m/%d/%y %H:%M', '%m/%d/%y', '%d/%m/%y %H:%M', '%d/%m/%y',
  '%d.%m.%Y %H:%M:%S', '%d.%m.%Y %H:%M', '%d.%m.%Y', '%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d',
  '%d-%m-%Y %H:%M:%S', '%d-%m-%Y %H:%M', '%d-%m-%Y', '%d-%b-%Y %H:%M:%S', '%d-%b-%Y', '%d %b %Y %H:%M', '%d %b %Y',
  '%b %d, %Y %H:%M', '%b %d, %Y', '%Y%m%d%H%M%S', '%Y%m%d',
];
const SAMPLE_SIZE = SAMPLE_ROWS;
const OFFSET_PATTERN = '([+-]\\d\\d(:?\\d\\d)?|Z)$';
/** The format name for times DuckDB reads by itself (`2025-01-31 10:00:00`, `2025-01-31T10:00:00.5`); a valid `timeFormat`. */
export const ISO = 'ISO 8601';

export interface TimeFormatDetection {
  /** The patterns that read the most sampled values (`ISO 8601` when plain casting does); more than one is an ambiguity. */
  formats: string[];
  sampled: number;
  /** How many sampled values the best pattern reads. */
  read: number;
  /** A sampled value the best pattern cannot read, if any. */
  unreadable: string | null;
}

/** Below this share of the sample, no pattern counts as the column's format: the column is probably not a time. */
const MIN_SHARE_READ = 0.5;

/**
 * Which formats read the most of a sample of the column's values. Values none of them read are rejected at import
 * (`unparsable_time`); two patterns reading the same values differently (day-first vs month-first) need the user.
 */
export async function detectTimeFormats(db: Database, relation: SourceRelation, column: RelationColumn): Promise<TimeFormatDetection> {
  const none: TimeFormatDetection = { formats: [], sampled: 0, read: 0, unreadable: null };
  if (column.kind !== 'text') return none;
  const sample = `SELECT CAST(${column.expr} AS VARCHAR) AS value FROM ${relation.from} WHERE ${column.expr} IS NOT NULL AND trim(CAST(${column.expr} AS VARCHAR)) <> '' LIMIT ${SAMPLE_SIZE}`;
  const patterns = [ISO, ...CANDIDATE_FORMATS];
  const reads = (index: number) => (index === 0 ? 'TRY_CAST(value AS TIMESTAMP)' : `try_strptime(value, $format_${index})`);
  const counts = patterns.map((_, index) => `count(${reads(index)}) AS f${index}`).join(', ');
  const params: Record<string, DuckDBValue> = { ...relation.params };
  patterns.forEach((format, index) => index > 0 && (params[`format_${index}`] = format));
  const row = await db.one(`SELECT count(*) AS sampled, ${counts} FROM (${sample})`, params);
  const sampled = Number(row?.['sampled'] ?? 0);
  const read = Math.max(0, ...patterns.map((_, index) => Number(row?.[`f${index}`] ?? 0)));
  if (sampled === 0 || read < sampled * MIN_SHARE_READ) return { ...none, sampled, read, unreadable: await firstUnread(db, sample, params, null) };
  const best = patterns.map((format, index) => ({ format, index })).filter(({ index }) => Number(row?.[`f${index}`]) === read);
  const formats = best.some(({ format }) => format === ISO) ? [ISO] : preferLongest(best.map(({ format }) => format));
  const chosen = best.find(({ format }) => format === formats[0]);
  const unreadable = read < sampled && chosen ? await firstUnread(db, sample, params, reads(chosen.index)) : null;
  return { formats, sampled, read, unreadable };
}

/** A sampled value the pattern does not read (or the first value, when no pattern is given). */
async function firstUnread(db: Database, sample: string, params: Record<string, DuckDBValue>, reads: string | null): Promise<string | null> {
  const row = await db.one(`SELECT value FROM (${sample}) ${reads === null ? '' : `WHERE ${reads} IS NULL`} LIMIT 1`, params);
  return row ? String(row['value']) : null;
}

/** Settles how to read the mapped time column, or says precisely why it cannot be read. */
export async function planTimeParsing(db: Database, relation: SourceRelation, column: RelationColumn, mapping: ImportMapping): Promise<TimeParsing> {
  const zone = mapping.timeZone ?? 'UTC';
  const raw = column.expr;
  if (column.kind === 'time') {
    if (column.type.includes('WITH TIME ZONE')) return { expr: `timezone($time_zone, ${raw})`, params: { time_zone: zone }, description: `with offsets, shown in ${zone}` };
    return { expr: `CAST(${raw} AS TIMESTAMP)`, params: {}, description: column.type };
  }
  if (column.kind === 'number') return planEpoch(db, relation, column, column.expr);
  if (column.kind !== 'text') {
    throw new WorkbenchError('invalid_input', `Column "${column.name}" holds ${column.type} values, which cannot be read as times.`, 'mapping.timeColumn');
  }
  const text = `CAST(${raw} AS VARCHAR)`;
  if (mapping.timeFormat === ISO) return { expr: `TRY_CAST(${text} AS TIMESTAMP)`, params: {}, description: ISO };
  if (mapping.timeFormat !== null) {
    const zoned = /%z|%Z/.test(mapping.timeFormat);
    const parsed = `try_strptime(${text}, $time_format)`;
    return {
      expr: zoned ? `timezone($time_zone, ${parsed})` : parsed,
      params: zoned ? { time_format: mapping.timeFormat, time_zone: zone } : { time_format: mapping.timeFormat },
      description: mapping.timeFormat,
    };
  }
  const withOffsets = await db.one(
    `SELECT count(*) FILTER (regexp_matches(trim(value), $offset_pattern)) AS zoned, count(*) FILTER (regexp_full_match(trim(value), $number_pattern)) AS numbers,
            count(*) AS sampled
     FROM (SELECT CAST(${raw} AS VARCHAR) AS value FROM ${relation.from} WHERE ${raw} IS NOT NULL LIMIT ${SAMPLE_SIZE})`,
    { ...relation.params, offset_pattern: OFFSET_PATTERN, number_pattern: '-?\\d+(\\.\\d+)?' },
  );
  if (Number(withOffsets?.['numbers']) > 0 && Number(withOffsets?.['numbers']) === Number(withOffsets?.['sampled'])) {
    return planEpoch(db, relation, column, `TRY_CAST(trim(${text}) AS DOUBLE)`);
  }
  if (Number(withOffsets?.['zoned']) > 0 && Number(withOffsets?.['zoned']) === Number(withOffsets?.['sampled'])) {
    return { expr: `timezone($time_zone, TRY_CAST(${text} AS TIMESTAMPTZ))`, params: { time_zone: zone }, description: `${ISO} with offsets, shown in ${zone}` };
  }
  const { formats, sampled, unreadable } = await detectTimeFormats(db, relation, column);
  if (sampled === 0) throw new WorkbenchError('invalid_input', `Column "${column.name}" has no values, so it cannot be the time column.`, 'mapping.timeColumn');
  if (formats.length === 0) {
    throw new WorkbenchError(
      'invalid_input',
      `The values of "${column.name}" could not be read as times (for example "${unreadable ?? ''}"). Give their format, such as %d/%m/%Y %H:%M (Time format; --time-format on the command line).`,
      'mapping.timeFormat',
    );
  }
  if (formats.length > 1) {
    throw new WorkbenchError(
      'invalid_input',
      `The times in "${column.name}" could be read more than one way (${formats.join(' or ')}): is the day or the month first? Choose the format (Time format; --time-format on the command line).`,
      'mapping.timeFormat',
    );
  }
  const format = formats[0] as string;
  if (format === ISO) return { expr: `TRY_CAST(${text} AS TIMESTAMP)`, params: {}, description: ISO };
  return { expr: `try_strptime(${text}, $time_format)`, params: { time_format: format }, description: format };
}

/** Whole numbers as Unix time: seconds, milliseconds or microseconds, judged from their size. */
async function planEpoch(db: Database, relation: SourceRelation, column: RelationColumn, number: string): Promise<TimeParsing> {
  const row = await db.one(`SELECT max(abs(${number})) AS largest FROM (SELECT ${column.expr} FROM ${relation.from} LIMIT ${SAMPLE_SIZE})`, relation.params);
  const largest = Number(row?.['largest'] ?? 0);
  const units = largest < 1e11 ? { factor: 1_000_000, name: 'seconds' } : largest < 1e14 ? { factor: 1000, name: 'milliseconds' } : { factor: 1, name: 'microseconds' };
  if (largest < 1e8) {
    throw new WorkbenchError('invalid_input', `Column "${column.name}" holds small numbers (largest ${largest}), not times. Choose another time column.`, 'mapping.timeColumn');
  }
  return { expr: `make_timestamp(CAST(round(${number} * ${units.factor}) AS BIGINT))`, params: {}, description: `Unix time in ${units.name}` };
}

/**
 * Patterns that read the same values the same way are one answer, not an ambiguity: of `%m/%d/%Y %H:%M` and `%m/%d/%Y`
 * keep the fuller one; of `%d/%m/%Y` and `%d/%m/%y` reading two-digit years, keep `%y`.
 */
function preferLongest(formats: string[]): string[] {
  return formats.filter(
    (format) =>
      !formats.some((other) => other !== format && other.startsWith(format)) &&
      !(format.includes('%Y') && formats.includes(format.replace('%Y', '%y'))),
  );
}

/** A time zone DuckDB does not know, or a format that is not a strptime pattern, is refused before any reading. */
export async function checkTimeSettings(db: Database, mapping: ImportMapping): Promise<void> {
  if (mapping.timeZone !== null) {
    const row = await db.one('SELECT count(*) AS n FROM pg_timezone_names() WHERE name = $zone', { zone: mapping.timeZone });
    if (Number(row?.['n'] ?? 0) === 0) {
      throw new WorkbenchError('invalid_input', `"${mapping.timeZone}" is not a time zone this app knows; use a name such as UTC, Europe/Berlin or America/New_York.`, 'mapping.timeZone');
    }
  }
  const format = mapping.timeFormat;
  if (format === null || format === ISO) return;
  const refuse = (why: string) =>
    new WorkbenchError('invalid_input', `The time format "${format}" ${why}; write it with strptime codes, such as %d/%m/%Y %H:%M.`, 'mapping.timeFormat');
  if (!/%[a-zA-Z]/.test(format)) throw refuse('has no format codes');
  try {
    await db.one('SELECT try_strptime($value, $format) AS parsed', { value: '', format });
  } catch {
    throw refuse('uses a code that is not a strptime code');
  }
}
