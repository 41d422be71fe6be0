/**
 * Free network layout: starting positions for cards that have never been placed,
 * and the geometry of relationship edges (trimmed to the cards, arrowheads from
 * the relationship's direction, width from its strength).
 */
import type { Relationship } from '@pc/shared';
import { compareByNameThenId, compareCodeUnits } from './text';
import { type Point } from '../../../lib/geometry';

export interface NetworkCard {
  id: string;
  name: string;
  x: number;
  y: number;
}

/**
 * A stakeholder has a network position unless it sits exactly on the origin, the
 * schema's default for "never placed", or holds a non-finite coordinate. Layouts
 * below never hand out the origin, so a placed card cannot be mistaken for unplaced.
 */
export function hasNetworkPosition(card: Pick<NetworkCard, 'x' | 'y'>): boolean {
  if (!Number.isFinite(card.x) || !Number.isFinite(card.y)) return false;
  return !(card.x === 0 && card.y === 0);
}

/** The golden angle: successive spiral points never line up, so the packing stays even. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** With r = c * sqrt(i) from i = 1, no two points of a Vogel spiral come closer than ~1.6c. */
const VOGEL_MIN_DISTANCE = 1.6;

export interface NetworkPackingOptions {
  centre?: Point;
  /** Minimum distance between card centres. */
  spacing?: number;
}

/**
 * Positions for every card without one, on a sunflower (Vogel) spiral round the
 * centre: slots are taken in the shared name-then-id order and a slot closer than
 * `spacing` to any card already on the network is skipped. Deterministic, so two
 * partners who compute it at once write the same positions.
 */
export function initialNetworkPositions(cards: readonly NetworkCard[], options: NetworkPackingOptions = {}): Map<string, Point> {
  const centre = options.centre ?? { x: 0, y: 0 };
  const spacing = options.spacing !== undefined && options.spacing > 0 && Number.isFinite(options.spacing) ? options.spacing : 120;
  const scale = spacing / VOGEL_MIN_DISTANCE;
  const occupied = new BucketGrid(spacing);
  for (const card of cards) if (hasNetworkPosition(card)) occupied.add(card);
  const waiting = cards.filter((card) => !hasNetworkPosition(card)).sort(compareByNameThenId);
  const result = new Map<string, Point>();
  let slot = 1;
  for (const card of waiting) {
    if (result.has(card.id)) continue; // a duplicated id gets one position
    for (;;) {
      const radius = scale * Math.sqrt(slot);
      const angle = slot * GOLDEN_ANGLE;
      slot += 1;
      const point = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
      if (!hasNetworkPosition(point) || occupied.hasWithin(point, spacing)) continue;
      occupied.add(point);
      result.set(card.id, point);
      break;
    }
  }
  return result;
}

/** Points bucketed by cell so "is anything within d?" looks at nine cells, not every card. */
class BucketGrid {
  private readonly cells = new Map<string, Point[]>();
  constructor(private readonly cellSize: number) {}

  private key(cx: number, cy: number): string {
    return `${cx},${cy}`;
  }

  add(point: Point): void {
    const key = this.key(Math.floor(point.x / this.cellSize), Math.floor(point.y / this.cellSize));
    const list = this.cells.get(key);
    if (list) list.push({ x: point.x, y: point.y });
    else this.cells.set(key, [{ x: point.x, y: point.y }]);
  }

  /** True when some point lies strictly closer than `distance` (<= cellSize). */
  hasWithin(point: Point, distance: number): boolean {
    const cx = Math.floor(point.x / this.cellSize);
    const cy = Math.floor(point.y / this.cellSize);
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const other of this.cells.get(this.key(cx + dx, cy + dy)) ?? []) {
          if (Math.hypot(other.x - point.x, other.y - point.y) < distance) return true;
        }
      }
    }
    return false;
  }
}

export interface StrokeRange {
  min: number;
  max: number;
}

export const DEFAULT_STROKE_RANGE: StrokeRange = { min: 1, max: 6 };

/** Edge width growing linearly with strength 1-5 (rounded and clamped; unusable values count as 3, the default). */
export function edgeWidth(strength: number, range: StrokeRange = DEFAULT_STROKE_RANGE): number {
  const level = Number.isNaN(strength) ? 3 : Math.min(5, Math.max(1, Math.round(strength)));
  return range.min + ((range.max - range.min) * (level - 1)) / 4;
}

/** Which ends carry an arrowhead; an unknown direction reads as the schema default, forward. */
export function arrowEnds(direction: string): { atStart: boolean; atEnd: boolean } {
  switch (direction) {
    case 'backward':
      return { atStart: true, atEnd: false };
    case 'both':
      return { atStart: true, atEnd: true };
    case 'none':
      return { atStart: false, atEnd: false };
    default:
      return { atStart: false, atEnd: true };
  }
}

export interface CardCircle extends Point {
  radius: number;
}

export interface EdgeGeometry {
  /** Where the edge meets each card's outline (plus the gap): arrow tips when there are arrowheads. */
  start: Point;
  end: Point;
  /** The stroked line, pulled back behind any arrowhead so a thick line never pokes past the tip. */
  lineStart: Point;
  lineEnd: Point;
  width: number;
  /** Each arrowhead as a triangle [tip, left, right]. */
  arrowHeads: Point[][];
  /** Midpoint for the type label, with an angle that keeps the text upright. */
  label: Point & { angle: number };
}

export interface EdgeOptions {
  /** Sideways shift, for parallel edges between the same two cards (see parallelEdgeOffsets). */
  offset?: number;
  /** Space left between the card outline and the edge. */
  gap?: number;
  strokeRange?: StrokeRange;
}

/**
 * Geometry of one relationship between two cards, or null when there is nothing to
 * draw: the cards overlap (no room between them) or their centres coincide.
 */
export function edgeGeometry(from: CardCircle, to: CardCircle, relationship: Pick<Relationship, 'direction' | 'strength'>, options: EdgeOptions = {}): EdgeGeometry | null {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (!(length > 0) || !Number.isFinite(length)) return null;
  const ux = dx / length;
  const uy = dy / length;
  // Perpendicular to the left of from -> to (screen coordinates, y down).
  const px = uy;
  const py = -ux;
  const offset = options.offset ?? 0;
  const gap = Math.max(0, options.gap ?? 2);
  // A line shifted sideways by `offset` crosses the circle sqrt(r^2 - offset^2) from its foot.
  const along = (radius: number) => Math.sqrt(Math.max(0, radius * radius - offset * offset)) + gap;
  const startAlong = along(Math.max(0, from.radius));
  const endAlong = length - along(Math.max(0, to.radius));
  if (endAlong - startAlong <= 0) return null;
  const at = (distance: number): Point => ({ x: from.x + ux * distance + px * offset, y: from.y + uy * distance + py * offset });
  const width = edgeWidth(relationship.strength, options.strokeRange);
  const ends = arrowEnds(relationship.direction);
  // Arrowheads grow with the line, but never eat more than a third of the visible edge each.
  const arrowLength = Math.min(6 + width * 2, (endAlong - startAlong) / 3);
  const arrowHalfWidth = arrowLength * 0.5;
  const arrowHeads: Point[][] = [];
  const head = (tip: Point, dirX: number, dirY: number): Point[] => {
    const base = { x: tip.x - dirX * arrowLength, y: tip.y - dirY * arrowLength };
    return [tip, { x: base.x - dirY * arrowHalfWidth, y: base.y + dirX * arrowHalfWidth }, { x: base.x + dirY * arrowHalfWidth, y: base.y - dirX * arrowHalfWidth }];
  };
  const start = at(startAlong);
  const end = at(endAlong);
  if (ends.atStart) arrowHeads.push(head(start, -ux, -uy));
  if (ends.atEnd) arrowHeads.push(head(end, ux, uy));
  const lineStart = ends.atStart ? at(startAlong + arrowLength) : start;
  const lineEnd = ends.atEnd ? at(endAlong - arrowLength) : end;
  let angle = Math.atan2(dy, dx);
  if (angle > Math.PI / 2) angle -= Math.PI;
  else if (angle <= -Math.PI / 2) angle += Math.PI;
  const mid = at((startAlong + endAlong) / 2);
  return { start, end, lineStart, lineEnd, width, arrowHeads, label: { ...mid, angle } };
}

/**
 * Sideways offsets that keep several relationships between the same two cards
 * apart ("A funds B" and "B reports to A"): spaced `gap` pixels, centred on the
 * straight line, ordered by id. Offsets are laid out in one frame per pair (lower
 * id to higher id) and negated for edges drawn the other way, because edgeGeometry
 * measures the offset to the left of from -> to. Self-relationships get no entry
 * (they have no straight-line geometry).
 */
export function parallelEdgeOffsets(relationships: readonly Pick<Relationship, 'id' | 'from' | 'to'>[], gap = 12): Map<string, number> {
  const groups = new Map<string, Pick<Relationship, 'id' | 'from' | 'to'>[]>();
  for (const rel of relationships) {
    if (rel.from === rel.to) continue;
    const [a, b] = compareCodeUnits(rel.from, rel.to) < 0 ? [rel.from, rel.to] : [rel.to, rel.from];
    const key = `${a}\u0000${b}`;
    const group = groups.get(key);
    if (group) group.push(rel);
    else groups.set(key, [rel]);
  }
  const result = new Map<string, number>();
  for (const group of groups.values()) {
    group.sort((x, y) => compareCodeUnits(x.id, y.id));
    group.forEach((rel, i) => {
      const canonical = (i - (group.length - 1) / 2) * gap;
      const forward = compareCodeUnits(rel.from, rel.to) < 0;
      result.set(rel.id, forward ? canonical : -canonical || 0);
    });
  }
  return result;
}
