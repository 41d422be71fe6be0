import type { Rect } from '../lib/geometry';

/**
 * Keyboard focus over the things drawn on a canvas: which item an arrow key
 * goes to from the focused one, and the reading order Tab-like stepping
 * follows. Pure: the caller gives each item's world rectangle.
 */

export type FocusDirection = 'left' | 'right' | 'up' | 'down';

export interface FocusRect {
  id: string;
  rect: Rect;
}

/** The arrow key's direction, or null for any other key. */
export function arrowDirection(key: string): FocusDirection | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return null;
  }
}

/** Half the opening of the cone an arrow looks along (degrees): 50 means up to 50° either side of the arrow. */
export const FOCUS_CONE_DEGREES = 50;
/** How much a step sideways costs against a step along the arrow, so the item straight ahead wins over a nearer one off to the side. */
const SIDEWAYS_WEIGHT = 2;

const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** Distance along the arrow and sideways from it, from `from`'s centre to `to`'s. */
function offsets(from: Rect, to: Rect, direction: FocusDirection): { along: number; aside: number } {
  const a = centre(from);
  const b = centre(to);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  switch (direction) {
    case 'left':
      return { along: -dx, aside: Math.abs(dy) };
    case 'right':
      return { along: dx, aside: Math.abs(dy) };
    case 'up':
      return { along: -dy, aside: Math.abs(dx) };
    case 'down':
      return { along: dy, aside: Math.abs(dx) };
  }
}

/**
 * The item an arrow moves focus to: the nearest one whose centre lies within
 * the cone along the arrow (distance along plus twice the distance aside); when
 * the cone holds nothing, the nearest anywhere ahead of the focused item's
 * centre. Null when nothing lies that way. Ties go to reading order.
 */
export function nearestInDirection(items: readonly FocusRect[], fromId: string, direction: FocusDirection, coneDegrees = FOCUS_CONE_DEGREES): string | null {
  const from = items.find((item) => item.id === fromId);
  if (!from) return null;
  const slope = Math.tan((coneDegrees * Math.PI) / 180);
  let best: { id: string; inCone: boolean; score: number; rank: number } | null = null;
  const rank = readingRank(items);
  for (const item of items) {
    if (item.id === fromId) continue;
    const { along, aside } = offsets(from.rect, item.rect, direction);
    if (along <= 0.5) continue;
    const inCone = aside <= along * slope;
    const score = along + SIDEWAYS_WEIGHT * aside;
    const candidate = { id: item.id, inCone, score, rank: rank.get(item.id) ?? 0 };
    if (
      best === null ||
      (candidate.inCone && !best.inCone) ||
      (candidate.inCone === best.inCone && (candidate.score < best.score - 1e-9 || (Math.abs(candidate.score - best.score) <= 1e-9 && candidate.rank < best.rank)))
    )
      best = candidate;
  }
  return best?.id ?? null;
}

/**
 * Items in reading order: rows from top to bottom, an item joining the row
 * whose first item it overlaps vertically by half its own height, each row
 * left to right.
 */
export function readingOrder<T extends FocusRect>(items: readonly T[]): T[] {
  const byTop = [...items].sort((a, b) => centre(a.rect).y - centre(b.rect).y || a.rect.x - b.rect.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows: { top: number; bottom: number; items: T[] }[] = [];
  for (const item of byTop) {
    const row = rows[rows.length - 1];
    const mid = centre(item.rect).y;
    if (row && mid >= row.top && mid <= row.bottom) row.items.push(item);
    else rows.push({ top: item.rect.y, bottom: item.rect.y + item.rect.height, items: [item] });
  }
  return rows.flatMap((row) => row.items.sort((a, b) => a.rect.x - b.rect.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

function readingRank(items: readonly FocusRect[]): Map<string, number> {
  return new Map(readingOrder(items).map((item, index) => [item.id, index]));
}

/** The next (or, `backwards`, the previous) item in reading order, wrapping round; the first (last) when nothing is focused. */
export function stepInReadingOrder(items: readonly FocusRect[], fromId: string | null, backwards = false): string | null {
  const order = readingOrder(items);
  if (order.length === 0) return null;
  const at = fromId === null ? -1 : order.findIndex((item) => item.id === fromId);
  if (at === -1) return (backwards ? order[order.length - 1] : order[0])!.id;
  return order[(at + (backwards ? order.length - 1 : 1)) % order.length]!.id;
}

/** Where the camera should move so `rect` is in view with a margin, or null when it already is (world units, `view` the visible world rectangle). */
export function scrollIntoView(view: Rect, rect: Rect, margin: number): { dx: number; dy: number } | null {
  const axis = (viewStart: number, viewSize: number, start: number, size: number): number => {
    if (size + 2 * margin >= viewSize) return start + size / 2 - (viewStart + viewSize / 2);
    if (start - margin < viewStart) return start - margin - viewStart;
    if (start + size + margin > viewStart + viewSize) return start + size + margin - (viewStart + viewSize);
    return 0;
  };
  const dx = axis(view.x, view.width, rect.x, rect.width);
  const dy = axis(view.y, view.height, rect.y, rect.height);
  return dx === 0 && dy === 0 ? null : { dx, dy };
}
