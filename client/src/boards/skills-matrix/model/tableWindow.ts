/**
 * Which rows the accessible table renders. A 300 x 50 table is 15,000 cells: laying
 * it out costs ~35 ms per edit and ~1 s to create, so, like any large ARIA grid, it
 * renders a window (around the keyboard cursor, and around the scroll position when
 * the table is shown) and says how big it really is with aria-rowcount and
 * aria-rowindex. Headers of categories and groups are always rendered, so the
 * structure stays navigable; skipped rows become one spacer of their height.
 */

/** Rows rendered on each side of the cursor. */
export const WINDOW_ROWS = 40;
/** Windows move in blocks, so scrolling re-renders the table every 20 rows, not every row. */
export const WINDOW_BLOCK = 20;

export interface RowWindow {
  ranges: { start: number; end: number }[];
}

function blockRange(centre: number, radius: number, rowCount: number) {
  const block = Math.floor(Math.max(0, centre) / WINDOW_BLOCK) * WINDOW_BLOCK;
  return { start: Math.max(0, block - radius), end: Math.min(rowCount, block + WINDOW_BLOCK + radius) };
}

/**
 * The visible-row indices to render: around the cursor row, and the scrolled-to rows
 * when the table is on screen. Small tables are rendered whole.
 */
export function tableRowWindow(rowCount: number, cursorRow: number | null, scrolledRow: number | null, screenRows = 30): RowWindow {
  if (rowCount <= 2 * WINDOW_ROWS + WINDOW_BLOCK) return { ranges: [{ start: 0, end: rowCount }] };
  const ranges = [blockRange(cursorRow ?? 0, WINDOW_ROWS, rowCount)];
  if (scrolledRow !== null) {
    const scrolled = blockRange(scrolledRow, WINDOW_BLOCK, rowCount);
    ranges.push({ start: scrolled.start, end: Math.min(rowCount, scrolled.end + screenRows) });
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return { ranges: merged };
}

export function inWindow(window: RowWindow, row: number): boolean {
  return window.ranges.some((r) => row >= r.start && row < r.end);
}
