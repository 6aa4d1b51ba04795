/** A probability as a percentage with one decimal, always: 0.73 → "73.0%", 0.48206 → "48.2%". */
export function formatProbability(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`;
}

/** Probability points as signed percentage points with one decimal: 0.0611 → "+6.1 pts", -0.0004 → "−0.0 pts". */
export function formatPoints(points: number): string {
  const value = Math.abs(points * 100).toFixed(1);
  return `${points < 0 ? '−' : '+'}${value} pts`;
}

/** A theme colour as Mantine names it ("teal.9") as a CSS value, for plain elements. */
export function cssColor(mantineColor: string): string {
  const [name, shade] = mantineColor.split('.');
  return shade === undefined ? `var(--mantine-color-${name})` : `var(--mantine-color-${name}-${shade})`;
}
