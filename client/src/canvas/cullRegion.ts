import { expandRect, rectContains, type Rect } from '../lib/geometry';

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
  if (previous && rectContains(previous.rect, visible) && zoom / previous.zoom < zoomSlack && previous.zoom / zoom < zoomSlack) return previous;
  return { rect: expandRect(visible, Math.max(visible.width, visible.height) * marginRatio), zoom };
}
