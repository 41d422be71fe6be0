/**
 * Geometry of one stakeholder card (circle, owner rings, partner mark, name
 * label, relationship handle), shared by the painter that draws ordinary cards
 * straight onto the canvas, the node-tree card on the drag layer and pointer
 * hit-testing, plus the rule for when the map is painted from one bitmap.
 */
import { CARD_SLOT } from './mapLayout';
import { type Point } from '../../../lib/geometry';
import { type Rect } from '../../../lib/geometry';
import { textReadable } from '../../../lib/theme';

export const LABEL_FONT_SIZE = 14;
export const LABEL_LINE_HEIGHT = 1.2;
export const LABEL_LINES = 2;
/** Room under each circle for its name, in the spatial index. */
export const LABEL_ROOM = 34;
/** The relationship handle sits this far right of the circle's edge. */
export const HANDLE_GAP = 14;
export const HANDLE_RADIUS = 9;
/** Pointer slack round a circle: its stroke, as the node tree's hit region had it. */
export const HIT_SLACK = 1;

export function labelFontSize(scale: number): number {
  return LABEL_FONT_SIZE * Math.max(0.7, scale);
}

export function labelWidth(scale: number): number {
  return Math.max(72, CARD_SLOT * scale + 24);
}

/** Top of the label box below the centre: clear of the owner ring when there is one. */
export function labelOffsetY(radius: number, owners: number): number {
  return radius + (owners > 0 ? 8 : 5);
}

export function labelShown(zoom: number, scale: number): boolean {
  return textReadable(labelFontSize(scale), zoom);
}

/** What the spatial index holds for a card: circle, rings and the label underneath. */
export function cardBounds(card: Point & { radius: number }): Rect {
  const r = card.radius + LABEL_ROOM;
  return { x: card.x - r, y: card.y + LABEL_ROOM / 2 - r, width: 2 * r, height: 2 * r };
}

export function handleCentre(card: Point & { radius: number }): Point {
  return { x: card.x + card.radius + HANDLE_GAP, y: card.y };
}

export function onHandle(card: Point & { radius: number }, point: Point): boolean {
  const c = handleCentre(card);
  return Math.hypot(point.x - c.x, point.y - c.y) <= HANDLE_RADIUS + HIT_SLACK;
}

/** Largest bitmap side, in device pixels (a 4096² canvas is 64 MB). */
export const MAX_BITMAP_PX = 4096;
/** From this many cards on screen one bitmap beats drawing each card every frame. */
export const BITMAP_FROM_CARDS = 800;
/** During a zoom gesture the bitmap is stretched, not redrawn, within this factor of its own zoom. */
export const BITMAP_STRETCH = 2;
/** Closer than this to the bitmap's zoom it counts as sharp: no redraw once the gesture rests. */
export const BITMAP_SHARP = 0.02;

export type PaintPlan = 'live' | 'reuse' | 'rebuild';

export interface PaintInput {
  /** Ordinary cards intersecting the viewport (asked only when needed: it costs a query). */
  onScreen: () => number;
  /** World rectangle holding every card (with labels); null when there are none. */
  content: Rect | null;
  zoom: number;
  pixelRatio: number;
  /** The bitmap there is, if any: drawn at `zoom` from the cards of `version`. */
  bitmap: { zoom: number; version: number } | null;
  version: number;
  /** The zoom is not changing (no gesture): a new bitmap may be made now. */
  resting: boolean;
}

/**
 * How to paint the ordinary cards this frame: each one live (few on screen, or
 * the whole map does not fit in a bitmap at this zoom), the bitmap as it is
 * (same cards, close enough zoom: a pan never redraws it, since it holds the
 * whole map), or a new bitmap first.
 */
export function paintPlan(input: PaintInput): PaintPlan {
  const { onScreen, content, zoom, pixelRatio, bitmap, version, resting } = input;
  if (!content) return 'live';
  // A pan at the bitmap's own zoom: the bitmap, whatever is on screen.
  if (bitmap && bitmap.version === version && Math.abs(zoom / bitmap.zoom - 1) <= BITMAP_SHARP) return 'reuse';
  if (onScreen() < BITMAP_FROM_CARDS) return 'live';
  if (bitmap && bitmap.version === version) {
    const ratio = zoom / bitmap.zoom;
    if (!resting && ratio <= BITMAP_STRETCH && ratio >= 1 / (BITMAP_STRETCH * 1.5)) return 'reuse';
  }
  const fits = Math.max(content.width, content.height) * zoom * pixelRatio <= MAX_BITMAP_PX;
  // Mid-gesture, a new bitmap of the whole map would cost one long frame for
  // thousands of cards off screen: draw those on screen until the camera rests.
  return fits && resting ? 'rebuild' : 'live';
}
