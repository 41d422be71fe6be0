import { expandRect, rectsIntersect, type Rect } from './geometry';

export interface Boxed {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Only items that intersect the (slightly enlarged) viewport are handed to Konva:
 * drawing 10,000 nodes per frame is what makes big boards slow, testing 10,000
 * rectangles is not. The margin keeps items that are about to scroll in ready.
 */
export function cullToViewport<T extends Boxed>(items: readonly T[], viewport: Rect, margin = 0): T[] {
  const area = margin > 0 ? expandRect(viewport, margin) : viewport;
  const out: T[] = [];
  for (const item of items) if (rectsIntersect(item, area)) out.push(item);
  return out;
}

/** The world area whose items are mounted, and the zoom it was chosen at. */
export interface CullRegion {
  rect: Rect;
  zoom: number;
}

/**
 * The region to mount items for: the viewport plus `marginRatio` of a viewport
 * on every side, kept as long as the viewport stays inside it and the zoom
 * stays within `zoomSlack` of the region's. So a pan re-culls (and re-renders)
 * only when it leaves the region; in between, only the stage moves.
 */
export function nextCullRegion(previous: CullRegion | null, visible: Rect, zoom: number, marginRatio = 0.3, zoomSlack = 1.3): CullRegion {
  if (previous && contains(previous.rect, visible) && zoom / previous.zoom < zoomSlack && previous.zoom / zoom < zoomSlack) return previous;
  return { rect: expandRect(visible, Math.max(visible.width, visible.height) * marginRatio), zoom };
}

function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}
