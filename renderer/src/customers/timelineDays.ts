const DAY_MS = 86_400_000;

/** Every day from `from` to `to` (dates as YYYY-MM-DD), both included. */
export function daysBetween(from: string, to: string): string[] {
  const first = Date.parse(`${from}T00:00:00Z`);
  const last = Date.parse(`${to}T00:00:00Z`);
  const days: string[] = [];
  for (let time = first; time <= last && days.length < 1000; time += DAY_MS) days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}
