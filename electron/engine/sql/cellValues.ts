/** A result cell as text, keeping SQL NULL as null. */
export function nullableString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A result cell as a number (BIGINT arrives as bigint), keeping SQL NULL as null. */
export function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
