/**
 * Arithmetic of a virtual list with rows of one fixed height. Browsers cap an element's height (about 33 million
 * pixels in Chromium), so a list taller than `maxHeight` gets a scroll area of that height, and a scroll position
 * maps onto the full content by one ratio: the top of the scroll area shows the first row, its bottom the last.
 */
export interface VirtualLayout {
  rowCount: number;
  rowHeight: number;
  /** The visible height of the scroll area. */
  viewportHeight: number;
  /** The tallest scroll area to make; taller content is scaled into it. */
  maxHeight: number;
}

/** Well below every browser's cap on element heights. */
export const MAX_SCROLL_HEIGHT = 15_000_000;

/** The height of the content as if every row were laid out. */
export function contentHeight(layout: VirtualLayout): number {
  return Math.max(0, layout.rowCount) * layout.rowHeight;
}

/** The height of the scroll area's inner element. */
export function scrollHeight(layout: VirtualLayout): number {
  return Math.min(contentHeight(layout), layout.maxHeight);
}

/** The furthest the scroll area scrolls. */
export function maxScrollTop(layout: VirtualLayout): number {
  return Math.max(0, scrollHeight(layout) - layout.viewportHeight);
}

/** Content pixels per scrolled pixel: 1 unless the content is taller than the cap. */
export function scrollRatio(layout: VirtualLayout): number {
  const scrollable = maxScrollTop(layout);
  const content = Math.max(0, contentHeight(layout) - layout.viewportHeight);
  return scrollable > 0 && content > scrollable ? content / scrollable : 1;
}

function clampScroll(scrollTop: number, layout: VirtualLayout): number {
  return Math.min(Math.max(0, scrollTop), maxScrollTop(layout));
}

/** Where in the full content the top of the viewport is, at a scroll position. */
export function contentOffset(scrollTop: number, layout: VirtualLayout): number {
  return clampScroll(scrollTop, layout) * scrollRatio(layout);
}

/** The rows to render at a scroll position: those in view and `overscan` more on each side; `end` is exclusive. */
export function visibleRows(scrollTop: number, layout: VirtualLayout, overscan: number): { start: number; end: number } {
  if (layout.rowCount <= 0) return { start: 0, end: 0 };
  const offset = contentOffset(scrollTop, layout);
  const first = Math.floor(offset / layout.rowHeight);
  const last = Math.ceil((offset + layout.viewportHeight) / layout.rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(layout.rowCount, last + overscan) };
}

/** A row's top inside the scroll area's inner element, at a scroll position (rows follow the viewport when scaled). */
export function rowTop(index: number, scrollTop: number, layout: VirtualLayout): number {
  if (scrollRatio(layout) === 1) return index * layout.rowHeight;
  const clamped = clampScroll(scrollTop, layout);
  return clamped + index * layout.rowHeight - contentOffset(clamped, layout);
}

/** The scroll position that brings a row fully into view with the least movement, or null when it is in view already. */
export function scrollTopToReveal(index: number, scrollTop: number, layout: VirtualLayout): number | null {
  const offset = contentOffset(scrollTop, layout);
  const top = index * layout.rowHeight;
  const bottom = top + layout.rowHeight;
  const ratio = scrollRatio(layout);
  if (top < offset) return clampScroll(Math.floor(top / ratio), layout);
  if (bottom > offset + layout.viewportHeight) return clampScroll(Math.ceil((bottom - layout.viewportHeight) / ratio), layout);
  return null;
}

/** How many whole rows fit in the viewport (at least one): the step of Page Up and Page Down. */
export function rowsPerPage(layout: VirtualLayout): number {
  return Math.max(1, Math.floor(layout.viewportHeight / layout.rowHeight));
}
