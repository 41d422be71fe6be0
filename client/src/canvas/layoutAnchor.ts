import type { Point, Rect } from '../lib/geometry';

/**
 * What keeps the thing under a still pointer in place when a board's layout
 * changes under it (someone adds rows above, a category closes, a column comes
 * in, a card above grows): the camera shift that puts that thing back under
 * the pointer. Pure; the hook `useKeepInPlace` applies it.
 *
 * A board names what can be held at a point, innermost first: a card holds
 * both axes; a matrix row holds only y and a partner column only x, so a cell
 * is held by its row and its column together. Each axis keeps the first thing
 * that holds it; found again in the new layout, the camera moves by how far
 * it moved, in screen pixels. Something gone from the new layout holds nothing
 * (that axis stays), and so does a pointer over nothing.
 */

export type AnchorAxes = 'x' | 'y' | 'xy';

export interface LayoutAnchor {
  /** Stable across layouts: the record, row, column or category it stands for ("row:<id>", "card:<id>"). */
  readonly key: string;
  readonly rect: Rect;
  readonly axes: AnchorAxes;
}

/** How a board finds its anchors in one of its layouts. */
export interface AnchorSource<Layout> {
  /** Anchors at a world point, innermost first (a card before its column). */
  at(layout: Layout, point: Point): readonly LayoutAnchor[];
  /** Where an anchor is in this layout, or null when it is not drawn. */
  find(layout: Layout, key: string): Rect | null;
}

export interface HeldAnchors {
  x: LayoutAnchor | null;
  y: LayoutAnchor | null;
}

export const NOTHING_HELD: HeldAnchors = { x: null, y: null };

/** For each axis, the first anchor holding it. */
export function holdAnchors(anchors: readonly LayoutAnchor[]): HeldAnchors {
  let x: LayoutAnchor | null = null;
  let y: LayoutAnchor | null = null;
  for (const anchor of anchors) {
    if (!x && anchor.axes !== 'y') x = anchor;
    if (!y && anchor.axes !== 'x') y = anchor;
    if (x && y) break;
  }
  return { x, y };
}

/** What the pointer at a world point holds in a layout. */
export function holdAt<Layout>(source: AnchorSource<Layout>, layout: Layout, point: Point): HeldAnchors {
  return holdAnchors(source.at(layout, point));
}

/**
 * The camera shift, in screen pixels, that keeps what was held where it was on
 * screen in the new layout: add it to the camera's x and y. Zero when nothing
 * moved or nothing was held.
 */
export function keepInPlaceShift<Layout>(held: HeldAnchors, source: AnchorSource<Layout>, next: Layout, zoom: number): { dx: number; dy: number } {
  const axis = (anchor: LayoutAnchor | null, pick: 'x' | 'y'): number => {
    if (!anchor) return 0;
    const now = source.find(next, anchor.key);
    if (!now) return 0;
    const moved = now[pick] - anchor.rect[pick];
    return Number.isFinite(moved) && moved !== 0 ? -moved * zoom : 0;
  };
  return { dx: axis(held.x, 'x'), dy: axis(held.y, 'y') };
}
