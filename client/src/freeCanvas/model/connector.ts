import { rectsIntersect, type Point, type Rect } from '../../lib/geometry';

/** Space left between a connector's end and the edge of what it points at. */
export const CONNECTOR_GAP = 6;

export interface ConnectorRoute {
  from: Point;
  to: Point;
  /** Middle of the line, where its label sits. */
  mid: Point;
}

function centre(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/**
 * Where the ray from a rectangle's centre towards `toward` leaves the rectangle,
 * pushed `gap` further along the ray. The centre itself when `toward` is the centre.
 */
export function exitPoint(rect: Rect, toward: Point, gap = 0): Point {
  const c = centre(rect);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const halfW = rect.width / 2;
  const halfH = rect.height / 2;
  // Smallest scale at which the ray meets a vertical or horizontal edge.
  const tx = dx === 0 ? Infinity : halfW / Math.abs(dx);
  const ty = dy === 0 ? Infinity : halfH / Math.abs(dy);
  const t = Math.min(tx, ty);
  const length = Math.hypot(dx, dy);
  const extra = gap / length;
  return { x: c.x + dx * (t + extra), y: c.y + dy * (t + extra) };
}

/**
 * A straight connector between two rectangles, from edge to edge along the line
 * joining their centres, so it follows both ends wherever they move. Null when
 * either end is missing (the connector is then drawn dangling or not at all) or
 * when the two overlap (no line would show between them).
 */
export function routeConnector(from: Rect | null, to: Rect | null, gap = CONNECTOR_GAP): ConnectorRoute | null {
  if (!from || !to) return null;
  if (rectsIntersect(from, to)) return null;
  const a = exitPoint(from, centre(to), gap);
  const b = exitPoint(to, centre(from), gap);
  return { from: a, to: b, mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
}

/** A connector being drawn, from an item's edge to the pointer. */
export function routeToPoint(from: Rect, to: Point, gap = CONNECTOR_GAP): ConnectorRoute {
  const a = exitPoint(from, to, gap);
  return { from: a, to, mid: { x: (a.x + to.x) / 2, y: (a.y + to.y) / 2 } };
}

/** The three points of an arrow head at `tip`, pointing away from `tail`. */
export function arrowHead(tail: Point, tip: Point, length = 12, halfWidth = 6): [Point, Point, Point] {
  const dx = tip.x - tail.x;
  const dy = tip.y - tail.y;
  const d = Math.hypot(dx, dy) || 1;
  const ux = dx / d;
  const uy = dy / d;
  const base = { x: tip.x - ux * length, y: tip.y - uy * length };
  return [tip, { x: base.x - uy * halfWidth, y: base.y + ux * halfWidth }, { x: base.x + uy * halfWidth, y: base.y - ux * halfWidth }];
}
