const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return integer.format(value);
}

/** "2025-01-01T00:03:12" → "2025-01-01 00:03". */
export function formatTimestamp(value: string | null): string {
  if (!value) return '—';
  return value.replace('T', ' ').slice(0, 16);
}

const localMinute = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** A moment with a zone ("2026-03-01T09:15:00.000Z") in this machine's local time: "2026-03-01 10:15". */
export function formatInstant(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : localMinute.format(date);
}

export function formatSpanDays(from: string | null, to: string | null): string {
  if (!from || !to) return '';
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return `${formatCount(days)} days`;
}

const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** A measured value for reading, not for copying: 0.0321182229 → "0.03212", 6779.17 → "6,779", 12 → "12". */
export function formatNumber(value: number): string {
  return Math.abs(value) >= 1000 ? formatCount(value) : significant.format(value);
}

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** 0.8731 → "87.3%". */
export function formatPercent(fraction: number): string {
  return percent.format(fraction);
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB" (powers of 1024, one decimal above bytes). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${formatCount(value)} bytes` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** 1530 → "1.5 s", 95000 → "1 min 35 s". */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** 0.76498 → "0.765": AUC, PR AUC, log loss and Brier score read to three decimals. */
export function formatMetric(value: number): string {
  return value.toFixed(3);
}

/** A UTC time written without its zone ("2026-11-29T04:51:12", as a run records when it was made) in this machine's local time. */
export function formatUtcTime(value: string): string {
  return formatInstant(/(?:Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`);
}
