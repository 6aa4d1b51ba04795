const DIRECTIVES: Record<string, string> = {
  Y: 'YYYY',
  y: 'YY',
  m: 'MM',
  '-m': 'M',
  d: 'DD',
  '-d': 'D',
  H: 'hh',
  '-H': 'h',
  I: 'hh',
  M: 'mm',
  S: 'ss',
  f: 'ffffff',
  g: 'fff',
  p: 'AM/PM',
  b: 'Mon',
  B: 'Month',
  a: 'Day',
  A: 'Weekday',
  z: '±hh:mm',
  Z: 'zone',
  j: 'day of year',
  '%': '%',
};

/** "%d/%m/%Y %H:%M" → "DD/MM/YYYY hh:mm", so day-first and month-first read differently at a glance. */
export function describeTimeFormat(format: string): string {
  return format.replace(/%(-?[a-zA-Z%])/g, (whole, directive: string) => DIRECTIVES[directive] ?? whole);
}
