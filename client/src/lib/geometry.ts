/**
 * Plain 2D types shared by the camera, culling, layout maths and painters.
 * A point is in world space (where items live, shared by everyone) or in screen
 * space (pixels in the stage); the brands keep the two from being mixed up: only
 * the camera turns one into the other.
 */
export interface Point {
  x: number;
  y: number;
}

declare const space: unique symbol;
/** A point in world coordinates (what documents store). */
export type WorldPoint = Point & { readonly [space]: 'world' };
/** A point in screen pixels, relative to the stage's top-left corner. */
export type ScreenPoint = Point & { readonly [space]: 'screen' };

export const worldPoint = (x: number, y: number): WorldPoint => ({ x, y }) as WorldPoint;
export const screenPoint = (x: number, y: number): ScreenPoint => ({ x, y }) as ScreenPoint;

/** Where a pointer event is on `element`, in screen pixels relative to its top-left corner. */
export function pointerOn(element: Element, event: { clientX: number; clientY: number }): ScreenPoint {
  const box = element.getBoundingClientRect();
  return screenPoint(event.clientX - box.left, event.clientY - box.top);
}

export interface Size {
  width: number;
  height: number;
}

/** Axis-aligned rectangle in whichever space the caller names (world or screen). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Whether two rectangles overlap. Open edges: rectangles that only touch (share
 * an edge or a corner) do not intersect, so a note whose edge lies on the
 * viewport's edge is off screen, and a grid cell holds what starts on its line.
 * Every culling, spatial index and hit test in the app uses this one rule.
 */
export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `point` lies in `rect`: the left and top edges included, the right and bottom edges not. */
export function rectContainsPoint(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x < rect.x + rect.width && point.y >= rect.y && point.y < rect.y + rect.height;
}

/** Whether `inner` lies wholly inside `outer` (edges included). */
export function rectContains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** Grow a rectangle on every side, e.g. so items just off screen are ready before a pan reveals them. */
export function expandRect(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + 2 * margin, height: rect.height + 2 * margin };
}

/** A rectangle with non-negative size (negative sizes flip it), or null if any part is not finite. */
export function normaliseRect(rect: Rect): Rect | null {
  const { x, y, width, height } = rect;
  if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(width) && Number.isFinite(height))) return null;
  return {
    x: width < 0 ? x + width : x,
    y: height < 0 ? y + height : y,
    width: Math.abs(width),
    height: Math.abs(height),
  };
}

/** Bounding box of a circle. */
export function circleBounds(centre: Point, radius: number): Rect {
  const r = Math.abs(radius);
  return { x: centre.x - r, y: centre.y - r, width: 2 * r, height: 2 * r };
}

/** Does the segment a-b touch the rectangle (edges included)? Used for lines whose two ends are both off screen. */
export function segmentIntersectsRect(a: Point, b: Point, rect: Rect): boolean {
  const box = normaliseRect(rect);
  if (!box || ![a.x, a.y, b.x, b.y].every(Number.isFinite)) return false;
  // Liang-Barsky clipping: shrink the parameter interval [t0, t1] against each side.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const sides: [number, number][] = [
    [-dx, a.x - box.x],
    [dx, box.x + box.width - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.height - a.y],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Smallest rectangle holding every given rectangle; null for none. */
export function unionRects(rects: Iterable<Rect>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  if (minX === Infinity) return null;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
