import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../renderer/src/format';

describe('formatNumber', () => {
  it('reads small measured values to four significant digits', () => {
    expect(formatNumber(0.0321182229130406)).toBe('0.03212');
    expect(formatNumber(0.6897602830733731)).toBe('0.6898');
    expect(formatNumber(-4.25)).toBe('-4.25');
  });
  it('keeps whole numbers whole and groups large ones without decimals', () => {
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(6779.17)).toBe('6,779');
    expect(formatNumber(1_234_567.8)).toBe('1,234,568');
  });
});
