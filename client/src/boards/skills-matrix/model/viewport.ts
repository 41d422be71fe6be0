/**
 * What of the matrix a viewport shows, in matrix coordinates: which rows and partner
 * columns to draw (culling), where the frozen header and name column sit, and what is
 * under the pointer once they are frozen. The header stays at the top of the screen
 * and the names at its left while one scrolls through 300 rows and 50 partners, as
 * in a spreadsheet; both stop at the matrix's far edge.
 */
import type { Rect } from '../../../lib/geometry';
import { cellAt, type IndexRange, type MatrixColumn, type MatrixHit, type MatrixLayout } from './layout';

export interface FrozenPanes {
  /** Top of the column header (0 unless scrolled down). */
  headerY: number;
  /** Left of the name column (0 unless scrolled right). */
  nameX: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

export function frozenPanes(layout: MatrixLayout, view: Rect): FrozenPanes {
  const { headerHeight, rowHeight, nameColumnWidth } = layout.metrics;
  return {
    // Keep one row below the header, so the header never covers the last row entirely.
    headerY: clamp(view.y, 0, layout.height - headerHeight - rowHeight),
    nameX: clamp(view.x, 0, layout.width - nameColumnWidth - layout.metrics.coverageColumnWidth),
  };
}

/** Partner columns (indices into layout.partnerColumns) overlapping [left, right). */
export function visiblePartnerRange(layout: MatrixLayout, left: number, right: number): IndexRange {
  const columns = layout.partnerColumns;
  let start = 0;
  while (start < columns.length && (columns[start] as MatrixColumn).x + (columns[start] as MatrixColumn).width <= left) start++;
  let end = start;
  while (end < columns.length && (columns[end] as MatrixColumn).x < right) end++;
  return { start, end };
}

/**
 * Hit test with the panes frozen: the header band and the name column are where they
 * are drawn, not where the layout put them; everything else is layout.cellAt.
 */
export function hitTestMatrix(layout: MatrixLayout, point: { x: number; y: number }, panes: FrozenPanes): MatrixHit | null {
  const { headerHeight, nameColumnWidth } = layout.metrics;
  if (point.x < 0 || point.x >= layout.width || point.y < 0 || point.y >= layout.height) return null;
  const inHeader = point.y >= panes.headerY && point.y < panes.headerY + headerHeight;
  const inNames = point.x >= panes.nameX && point.x < panes.nameX + nameColumnWidth;
  const x = inNames ? 0 : point.x;
  if (inHeader) return cellAt(layout, { x, y: 0 });
  if (point.y < headerHeight) return null;
  return cellAt(layout, { x, y: point.y });
}

/**
 * How far to pan (in matrix units) so that `rect` is fully in view and not under the
 * frozen header or name column; 0, 0 when it already is. Used when the keyboard moves
 * the cursor off screen. A rect larger than the free space is aligned to its top-left.
 */
export function panToReveal(layout: MatrixLayout, view: Rect, rect: Rect): { dx: number; dy: number } {
  const { headerHeight, nameColumnWidth } = layout.metrics;
  // Frozen or at rest, the header and the names cover the view's top and left edges.
  const freeTop = Math.max(view.y, 0) + headerHeight;
  const freeLeft = Math.max(view.x, 0) + nameColumnWidth;
  const freeBottom = view.y + view.height;
  const freeRight = view.x + view.width;
  let dy = 0;
  if (rect.y < freeTop) dy = rect.y - freeTop;
  else if (rect.y + rect.height > freeBottom) dy = Math.min(rect.y + rect.height - freeBottom, rect.y - freeTop);
  let dx = 0;
  if (rect.x < freeLeft) dx = rect.x - freeLeft;
  else if (rect.x + rect.width > freeRight) dx = Math.min(rect.x + rect.width - freeRight, rect.x - freeLeft);
  return { dx, dy };
}

export interface CameraLike {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Where the camera goes when a matrix first appears: its top-left just below the
 * matrix toolbar, at a zoom where the text is still readable (never below 0.6: a
 * large matrix is scrolled, not shrunk to dots). Anchored top-left like a sheet, so
 * the matrix grows right and down as partners and rows arrive without moving.
 */
export function homeCamera(
  layout: Pick<MatrixLayout, 'width' | 'height'>,
  viewport: { width: number; height: number },
  insets: { top: number; side: number } = { top: 72, side: 24 },
): CameraLike {
  const freeWidth = Math.max(1, viewport.width - 2 * insets.side);
  const freeHeight = Math.max(1, viewport.height - insets.top - insets.side);
  const zoom = Math.min(1, Math.max(0.6, Math.min(freeWidth / Math.max(1, layout.width), freeHeight / Math.max(1, layout.height))));
  return { zoom, x: insets.side, y: insets.top };
}

/** The view with its top `insetPx` screen pixels taken by the toolbar, for the frozen panes. */
export function insetView(view: Rect, zoom: number, insetPx: number): Rect {
  const inset = insetPx / zoom;
  return { x: view.x, y: view.y + inset, width: view.width, height: Math.max(0, view.height - inset) };
}
