import type { Rect } from '../lib/geometry';

export const GRID_SPACING = 24;
/** Below this on-screen distance dots turn to noise, so the grid coarsens by powers of two. */
export const MIN_SCREEN_SPACING = 14;

export interface DotGrid {
  /** World distance between dots. */
  spacing: number;
  /** First dot, world coordinates, aligned to the spacing. */
  startX: number;
  startY: number;
  columns: number;
  rows: number;
  /** Dot radius in world units, so dots look the same size at every zoom. */
  radius: number;
}

/** Which dots to draw for the visible world rectangle: only those, so the cost is bounded by the screen. */
export function dotGridFor(visible: Rect, zoom: number, baseSpacing = GRID_SPACING): DotGrid {
  let spacing = baseSpacing;
  while (spacing * zoom < MIN_SCREEN_SPACING) spacing *= 2;
  const startX = Math.floor(visible.x / spacing) * spacing;
  const startY = Math.floor(visible.y / spacing) * spacing;
  const columns = Math.max(0, Math.ceil((visible.x + visible.width - startX) / spacing) + 1);
  const rows = Math.max(0, Math.ceil((visible.y + visible.height - startY) / spacing) + 1);
  return { spacing, startX, startY, columns, rows, radius: 1.1 / zoom };
}
