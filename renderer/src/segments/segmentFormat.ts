import type { RunSummary } from '../../../shared/contract/runs';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** An amount in the user's own currency (none is assumed): 1234.5 → "1,234.50", −20 → "−20.00". */
export function formatMoney(value: number): string {
  const text = money.format(Math.abs(value));
  return value < 0 && text !== '0.00' ? `−${text}` : text;
}

/** Expected customers, a sum of probabilities: 123.456 → "123.5". */
export function formatExpected(value: number): string {
  return oneDecimal.format(value);
}

/** A probability to three decimals: 0.12345 → "0.123". */
export function formatProbability(value: number): string {
  return value.toFixed(3);
}

/** What the run predicts, in the words its figures use. */
export function outcomeWords(propensity: RunSummary['propensity']): { expected: string; value: string } {
  return propensity === 'churn'
    ? { expected: 'Expected churners', value: 'Value per churner reached' }
    : { expected: 'Expected conversions', value: 'Value per conversion' };
}
