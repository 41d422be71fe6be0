/**
 * The three layouts of one set of stakeholder records, in world coordinates:
 * where each placed card is drawn, what a drop at a point means for the record,
 * and the bounds zoom-to-fit should frame. Grid and onion positions are DERIVED
 * from power/interest and ring, so everyone's screen agrees without storing any
 * position; only the network layout stores x/y.
 */
import type { Stakeholder } from '@pc/shared';
import { cardRadius, type SizeField } from './encodings';
import { gridCardPositions, levelsAt, type GridLayout } from './grid';
import { ringOrUnassessed, onionPositions, ringAt, type OnionLayout } from './onion';
import { hasNetworkPosition, initialNetworkPositions } from './network';
import { type Point } from '../../../lib/geometry';
import { circleBounds, type Rect } from '../../../lib/geometry';

export type MapLayout = 'grid' | 'onion' | 'network';
export const MAP_LAYOUTS: readonly MapLayout[] = ['grid', 'onion', 'network'];
export const MAP_LAYOUT_LABELS: Readonly<Record<MapLayout, string>> = {
  grid: 'Power / interest',
  onion: 'Onion',
  network: 'Network',
};

/** The grid is a fixed 5 x 5 of 200-unit cells: quadrants stay put however many cards move. */
export const GRID_WORLD: GridLayout = { x: 0, y: 0, width: 1000, height: 1000 };
export const ONION_WORLD: OnionLayout = { cx: 500, cy: 500, radius: 500 };
/** Square footprint of one card (circle plus its name underneath) when cards share a cell or ring. */
export const CARD_SLOT = 84;
/** Room round the grid for axis titles and level numbers. */
export const GRID_MARGIN = 84;
/** Minimum distance between cards the network layout hands out. */
export const NETWORK_SPACING = 110;

export interface CardPlacement extends Point {
  radius: number;
  /** Below 1 when a crowded grid cell shrinks its cards; the name label shrinks with them. */
  scale: number;
}

type PlaceableStakeholder = Pick<Stakeholder, 'id' | 'name' | 'power' | 'interest' | 'ring' | 'x' | 'y'>;

/** World position and radius of every card in the layout (callers pass placed stakeholders only). */
export function cardPlacements(stakeholders: readonly PlaceableStakeholder[], layout: MapLayout, sizeBy: SizeField): Map<string, CardPlacement> {
  const result = new Map<string, CardPlacement>();
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  const radiusOf = (id: string) => {
    const s = byId.get(id);
    return s ? cardRadius(s, sizeBy) : cardRadius({ power: 2, interest: 2 }, 'none');
  };
  if (layout === 'grid') {
    for (const [id, placed] of gridCardPositions(stakeholders, GRID_WORLD, CARD_SLOT)) {
      result.set(id, { x: placed.x, y: placed.y, scale: placed.scale, radius: radiusOf(id) * placed.scale });
    }
  } else if (layout === 'onion') {
    const cards = stakeholders.map((s) => ({ id: s.id, name: s.name, ring: ringOrUnassessed(s.ring) }));
    for (const [id, point] of onionPositions(cards, ONION_WORLD, CARD_SLOT)) {
      result.set(id, { ...point, scale: 1, radius: radiusOf(id) });
    }
  } else {
    const fresh = initialNetworkPositions(stakeholders, { spacing: NETWORK_SPACING });
    for (const s of stakeholders) {
      const point = hasNetworkPosition(s) ? { x: s.x, y: s.y } : fresh.get(s.id);
      if (point) result.set(s.id, { ...point, scale: 1, radius: radiusOf(s.id) });
    }
  }
  return result;
}

export type DropPatch = Partial<Pick<Stakeholder, 'power' | 'interest' | 'ring' | 'x' | 'y'>>;

/**
 * What dropping a card at a world point writes: snapped levels on the grid, a ring
 * on the onion, a rounded position on the network. The network never writes the
 * exact origin, which the schema reads as "never placed".
 */
export function dropPatch(layout: MapLayout, point: Point): DropPatch {
  if (layout === 'grid') return levelsAt(point, GRID_WORLD);
  if (layout === 'onion') return { ring: ringAt(point, ONION_WORLD) };
  const x = Number.isFinite(point.x) ? Math.round(point.x) : 1;
  const y = Number.isFinite(point.y) ? Math.round(point.y) : 0;
  return x === 0 && y === 0 ? { x: 1, y: 0 } : { x, y };
}

/** True when applying the patch would change the record (so a drag writes only on real moves). */
export function patchChanges(stakeholder: DropPatch, patch: DropPatch): boolean {
  return (Object.keys(patch) as (keyof DropPatch)[]).some((key) => stakeholder[key] !== patch[key]);
}

/** The world rectangle a layout occupies, for zoom-to-fit; the network's is its cards' (null when empty). */
export function layoutBounds(layout: MapLayout, placements: ReadonlyMap<string, CardPlacement>): Rect | null {
  if (layout === 'grid') {
    // The toolbars floating over the canvas are the tab's `insetTop`: only a small margin here.
    return { x: GRID_WORLD.x - GRID_MARGIN, y: GRID_WORLD.y - 16, width: GRID_WORLD.width + GRID_MARGIN + 16, height: GRID_WORLD.height + GRID_MARGIN + 16 };
  }
  if (layout === 'onion') {
    const { cx, cy, radius } = ONION_WORLD;
    return { x: cx - radius - 24, y: cy - radius - 64, width: 2 * radius + 48, height: 2 * radius + 88 };
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const card of placements.values()) {
    const box = circleBounds(card, card.radius + 24);
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y);
    maxX = Math.max(maxX, box.x + box.width);
    maxY = Math.max(maxY, box.y + box.height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * Where a card is drawn right now: its circle at its layout place, or under the
 * pointer while it is dragged on the map (a tray drag not yet over the canvas is
 * not drawn on it). Null when the card is not placed in this layout.
 */
export function cardRectNow(
  id: string,
  placements: ReadonlyMap<string, CardPlacement>,
  drag: { id: string; x: number; y: number; overCanvas: boolean } | null,
): Rect | null {
  const placement = placements.get(id);
  const dragged = drag && drag.id === id && drag.overCanvas ? drag : null;
  if (!placement) return dragged ? circleBounds(dragged, CARD_SLOT / 2) : null;
  return circleBounds(dragged ?? placement, placement.radius);
}

/** The placed card nearest to a point whose circle (plus slack) contains it. */
export function cardAt(point: Point, candidates: Iterable<[string, CardPlacement]>, slack = 6): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const [id, card] of candidates) {
    const distance = Math.hypot(card.x - point.x, card.y - point.y);
    if (distance <= card.radius + slack && distance < bestDistance) {
      best = id;
      bestDistance = distance;
    }
  }
  return best;
}
