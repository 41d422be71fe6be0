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
