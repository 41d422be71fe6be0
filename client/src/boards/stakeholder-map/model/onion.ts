/**
 * Onion diagram geometry: four concentric rings, the partnership's core at the
 * centre, then those directly involved, indirectly involved, and the wider
 * environment. Rings are bands of equal width: the outer bands get more area,
 * which suits them because they usually hold the most stakeholders.
 */
import { ONION_RINGS } from '@pc/shared';
import { compareByNameThenId } from './text';
import { type Point } from '../../../lib/geometry';

export type OnionRing = (typeof ONION_RINGS)[number];
export { ONION_RINGS };

export const RING_LABELS: Readonly<Record<OnionRing, string>> = {
  core: 'Core',
  direct: 'Directly involved',
  indirect: 'Indirectly involved',
  wider: 'Wider environment',
};

/** Centre and outer radius of the whole diagram. */
export interface OnionLayout {
  cx: number;
  cy: number;
  radius: number;
}

export interface RingBand {
  ring: OnionRing;
  inner: number;
  outer: number;
}

/** The largest onion that fits a width x height area with `padding` around it. */
export function onionLayoutFor(width: number, height: number, padding = 0): OnionLayout {
  const radius = Math.max(0, Math.min(width, height) / 2 - Math.max(0, padding));
  return { cx: width / 2, cy: height / 2, radius: Number.isFinite(radius) ? radius : 0 };
}

/** Inner and outer radius of each ring, innermost first. */
export function ringRadii(radius: number): RingBand[] {
  const outer = Number.isFinite(radius) && radius > 0 ? radius : 0;
  const band = outer / ONION_RINGS.length;
  return ONION_RINGS.map((ring, i) => ({ ring, inner: i * band, outer: (i + 1) * band }));
}

/**
 * Ring under a drop point. Points beyond the outer circle count as the wider
 * environment (that ring has no outer limit in reality); a boundary belongs to the
 * outer of the two rings, and an unusable point or layout falls back to 'wider',
 * the schema default, rather than promoting anyone into the core.
 */
export function ringAt(point: Point, layout: OnionLayout): OnionRing {
  const distance = Math.hypot(point.x - layout.cx, point.y - layout.cy);
  if (Number.isNaN(distance) || !(layout.radius > 0) || !Number.isFinite(layout.radius)) return 'wider';
  const band = layout.radius / ONION_RINGS.length;
  const index = Math.min(ONION_RINGS.length - 1, Math.floor(distance / band));
  return ONION_RINGS[index] as OnionRing;
}

export interface OnionCard {
  id: string;
  name: string;
  /** null: not assessed, drawn just outside the onion. */
  ring: OnionRing | null;
}

/** Cards that fit on a circle of radius r without overlapping (at least one). */
function trackCapacity(radius: number, cardSize: number): number {
  return Math.max(1, Math.floor((2 * Math.PI * radius) / cardSize));
}

function trackRadii(band: RingBand, tracks: number): number[] {
  const width = band.outer - band.inner;
  return Array.from({ length: tracks }, (_, i) => band.inner + (width * (i + 0.5)) / tracks);
}

/**
 * The fewest circular tracks (as many as the band is wide allows) on which
 * `count` cards fit without overlap; when even the widest arrangement is full,
 * that one is used and cards overlap as little as the band allows.
 */
function tracksFor(count: number, band: RingBand, cardSize: number): number[] {
  const maxTracks = Math.max(1, Math.floor((band.outer - band.inner) / cardSize));
  for (let k = 1; k < maxTracks; k += 1) {
    const radii = trackRadii(band, k);
    if (radii.reduce((sum, r) => sum + trackCapacity(r, cardSize), 0) >= count) return radii;
  }
  return trackRadii(band, maxTracks);
}

/**
 * Split `count` cards across tracks in proportion to their capacity (largest
 * remainder, outer track first on ties): no track gets more than it holds while
 * the total fits.
 */
function shareByCapacity(count: number, capacities: readonly number[]): number[] {
  const total = capacities.reduce((a, b) => a + b, 0);
  const exact = capacities.map((c) => (count * c) / total);
  const shares = exact.map(Math.floor);
  let left = count - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || b.i - a.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] as number) + 1;
    left -= 1;
  }
  return shares;
}

/** A ring value from possibly bad document data: anything unknown is the wider environment. */
export function normaliseRing(value: unknown): OnionRing {
  return (ONION_RINGS as readonly unknown[]).includes(value) ? (value as OnionRing) : 'wider';
}

/** A stakeholder's ring, or null while it is not assessed (no value, or null). */
export function ringOrUnassessed(value: unknown): OnionRing | null {
  return value === null || value === undefined ? null : normaliseRing(value);
}

/** Where not-assessed cards wait on the onion: a band just outside the outer circle. */
export function unassessedBand(layout: OnionLayout): { inner: number; outer: number } {
  const width = layout.radius / ONION_RINGS.length;
  return { inner: layout.radius, outer: layout.radius + width };
}

/**
 * Positions for the cards of one ring: evenly spread by angle, starting at twelve
 * o'clock and going clockwise in the shared name-then-id order. A crowded ring
 * uses several staggered tracks within its band; a lone card in the core sits in
 * the centre. Cards of other rings are ignored.
 */
export function ringPositions(cards: readonly OnionCard[], ring: OnionRing | null, layout: OnionLayout, cardSize: number): Map<string, Point> {
  const inRing = cards.filter((card) => ringOrUnassessed(card.ring) === ring).sort(compareByNameThenId);
  const result = new Map<string, Point>();
  if (inRing.length === 0) return result;
  const band = ring === null ? { ring: 'wider' as const, ...unassessedBand(layout) } : (ringRadii(layout.radius).find((b) => b.ring === ring) as RingBand);
  if (ring === 'core' && inRing.length === 1) {
    result.set((inRing[0] as OnionCard).id, { x: layout.cx, y: layout.cy });
    return result;
  }
  const size = cardSize > 0 ? cardSize : 1;
  const radii = tracksFor(inRing.length, band, size);
  const shares = shareByCapacity(
    inRing.length,
    radii.map((r) => trackCapacity(r, size)),
  );
  let next = 0;
  radii.forEach((radius, track) => {
    const count = shares[track] as number;
    const step = (2 * Math.PI) / Math.max(1, count);
    // Odd tracks start half a step round so neighbouring tracks do not line up.
    const start = -Math.PI / 2 + (track % 2 === 1 ? step / 2 : 0);
    for (let i = 0; i < count; i += 1) {
      const card = inRing[next] as OnionCard;
      next += 1;
      const angle = start + i * step;
      result.set(card.id, { x: layout.cx + radius * Math.cos(angle), y: layout.cy + radius * Math.sin(angle) });
    }
  });
  return result;
}

/** Positions for every card, ring by ring. */
export function onionPositions(cards: readonly OnionCard[], layout: OnionLayout, cardSize: number): Map<string, Point> {
  const result = new Map<string, Point>();
  for (const ring of [...ONION_RINGS, null]) {
    for (const [id, point] of ringPositions(cards, ring, layout, cardSize)) result.set(id, point);
  }
  return result;
}
