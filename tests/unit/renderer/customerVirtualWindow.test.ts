import { describe, expect, it } from 'vitest';
import { contentOffset, MAX_SCROLL_HEIGHT, maxScrollTop, rowTop, rowsPerPage, scrollHeight, scrollRatio, scrollTopToReveal, visibleRows, type VirtualLayout } from '../../../renderer/src/customers/virtualWindow';

const layout = (rowCount: number, viewportHeight = 500, maxHeight = MAX_SCROLL_HEIGHT): VirtualLayout => ({ rowCount, rowHeight: 36, viewportHeight, maxHeight });

describe('virtual window of a fixed-height list', () => {
  it('lays out a short list at its full height, rows at their own positions, with overscan clamped to the ends', () => {
    const small = layout(3000);
    expect(scrollHeight(small)).toBe(108_000);
    expect(scrollRatio(small)).toBe(1);
    expect(visibleRows(0, small, 5)).toEqual({ start: 0, end: Math.ceil(500 / 36) + 5 });
    expect(visibleRows(36 * 100, small, 5)).toEqual({ start: 95, end: 100 + Math.ceil(500 / 36) + 5 });
    expect(visibleRows(maxScrollTop(small), small, 5).end).toBe(3000);
    expect(rowTop(1234, 9999, small)).toBe(1234 * 36);
  });

  it('renders nothing for an empty list and never more rows than there are', () => {
    expect(visibleRows(0, layout(0), 5)).toEqual({ start: 0, end: 0 });
    expect(visibleRows(0, layout(4), 5)).toEqual({ start: 0, end: 4 });
    expect(maxScrollTop(layout(4))).toBe(0);
  });

  it('scales a million rows into a scroll area under the browsers’ height cap, first row at the top, last at the bottom', () => {
    const big = layout(1_000_000);
    expect(scrollHeight(big)).toBe(MAX_SCROLL_HEIGHT);
    expect(scrollHeight(big)).toBeLessThan(33_000_000);
    const ratio = scrollRatio(big);
    expect(ratio).toBeCloseTo((36_000_000 - 500) / (MAX_SCROLL_HEIGHT - 500), 9);

    expect(visibleRows(0, big, 0).start).toBe(0);
    expect(rowTop(0, 0, big)).toBe(0);

    const bottom = maxScrollTop(big);
    const { start, end } = visibleRows(bottom, big, 0);
    expect(end).toBe(1_000_000);
    expect(start).toBe(1_000_000 - Math.ceil(500 / 36));
    // The last row ends exactly where the scroll area does.
    expect(rowTop(999_999, bottom, big) + 36).toBeCloseTo(scrollHeight(big), 6);
    // Scrolling past the end is read as the end.
    expect(visibleRows(bottom + 1000, big, 0)).toEqual({ start, end });
  });

  it('keeps scaled rows contiguous and in view: consecutive rows one row height apart, the first visible row at the viewport top', () => {
    const big = layout(1_000_000);
    const scrollTop = 7_654_321;
    const { start } = visibleRows(scrollTop, big, 0);
    const offset = contentOffset(scrollTop, big);
    expect(start).toBe(Math.floor(offset / 36));
    const first = rowTop(start, scrollTop, big);
    expect(first).toBeLessThanOrEqual(scrollTop);
    expect(first + 36).toBeGreaterThan(scrollTop);
    expect(rowTop(start + 1, scrollTop, big) - first).toBeCloseTo(36, 6);
  });

  it('moves the scroll position just enough to reveal a row, up or down, and not at all when it is in view', () => {
    const small = layout(3000);
    expect(scrollTopToReveal(3, 0, small)).toBeNull();
    expect(scrollTopToReveal(20, 0, small)).toBe(21 * 36 - 500);
    expect(scrollTopToReveal(5, 36 * 10, small)).toBe(5 * 36);

    const big = layout(1_000_000);
    for (const index of [0, 1, 123_456, 500_000, 999_998, 999_999]) {
      const top = scrollTopToReveal(index, index < 500_000 ? maxScrollTop(big) : 0, big);
      expect(top).not.toBeNull();
      const { start, end } = visibleRows(top ?? 0, big, 0);
      expect(index).toBeGreaterThanOrEqual(start);
      expect(index).toBeLessThan(end);
      const rowStart = rowTop(index, top ?? 0, big);
      expect(rowStart).toBeGreaterThanOrEqual((top ?? 0) - 1e-6);
      expect(rowStart + 36).toBeLessThanOrEqual((top ?? 0) + 500 + 1e-6);
    }
  });

  it('pages by the rows that fit in the viewport', () => {
    expect(rowsPerPage(layout(100, 500))).toBe(13);
    expect(rowsPerPage(layout(100, 10))).toBe(1);
  });
});
