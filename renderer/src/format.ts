const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return integer.format(value);
}

/** "2025-01-01T00:03:12" → "2025-01-01 00:03". */
export function formatTimestamp(value: string | null): string {
  if (!value) return '—';
  return value.replace('T', ' ').slice(0, 16);
}

export function formatSpanDays(from: string | null, to: string | null): string {
  if (!from || !to) return '';
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return `${formatCount(days)} days`;
}
