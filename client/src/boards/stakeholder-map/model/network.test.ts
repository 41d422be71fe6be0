import { describe, expect, it } from 'vitest';
import {
  arrowEnds,
  edgeGeometry,
  edgeWidth,
  hasNetworkPosition,
  initialNetworkPositions,
  parallelEdgeOffsets,
  type CardCircle,
  type NetworkCard,
} from './network';
import { type Point } from '../../../lib/geometry';

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function unplaced(count: number): NetworkCard[] {
  return Array.from({ length: count }, (_, i) => ({ id: `id${i}`, name: `Card ${String(i).padStart(4, '0')}`, x: 0, y: 0 }));
}

describe('hasNetworkPosition', () => {
  it('treats the origin and non-finite coordinates as unplaced', () => {
    expect(hasNetworkPosition({ x: 0, y: 0 })).toBe(false);
    expect(hasNetworkPosition({ x: Number.NaN, y: 4 })).toBe(false);
    expect(hasNetworkPosition({ x: 0, y: 1 })).toBe(true);
  });
});

describe('initialNetworkPositions', () => {
  it('places only cards without a position, never on the origin', () => {
    const cards = [...unplaced(3), { id: 'fixed', name: 'Fixed', x: 500, y: 500 }];
    const positions = initialNetworkPositions(cards);
    expect([...positions.keys()].sort()).toEqual(['id0', 'id1', 'id2']);
    for (const p of positions.values()) expect(hasNetworkPosition(p)).toBe(true);
  });

  it('keeps every pair at least `spacing` apart, for large boards too', () => {
    const spacing = 100;
    const positions = [...initialNetworkPositions(unplaced(800), { spacing }).values()];
    expect(positions).toHaveLength(800);
    let min = Infinity;
    for (let a = 0; a < positions.length; a += 1) {
      for (let b = a + 1; b < positions.length; b += 1) min = Math.min(min, distance(positions[a]!, positions[b]!));
    }
    expect(min).toBeGreaterThanOrEqual(spacing);
    // Packed, not scattered: 800 cards fit within a disc not much larger than a hexagonal packing would need.
    const radius = Math.max(...positions.map((p) => Math.hypot(p.x, p.y)));
    expect(radius).toBeLessThan(spacing * Math.sqrt(800) * 0.75);
  });

  it('keeps clear of cards already on the network', () => {
    const existing = { id: 'e', name: 'E', x: 60, y: 10 };
    const positions = initialNetworkPositions([existing, ...unplaced(20)], { spacing: 100 });
    for (const p of positions.values()) expect(distance(p, existing)).toBeGreaterThanOrEqual(100);
  });

  it('is deterministic whatever the input order, and centred where asked', () => {
    const cards = unplaced(10);
    const a = initialNetworkPositions(cards, { centre: { x: 1000, y: -500 } });
    const b = initialNetworkPositions([...cards].reverse(), { centre: { x: 1000, y: -500 } });
    expect([...a].sort()).toEqual([...b].sort());
    const mean = [...a.values()].reduce((m, p) => ({ x: m.x + p.x / 10, y: m.y + p.y / 10 }), { x: 0, y: 0 });
    expect(distance(mean, { x: 1000, y: -500 })).toBeLessThan(120);
  });

  it('falls back to a default spacing and handles no cards', () => {
    expect(initialNetworkPositions([]).size).toBe(0);
    expect(initialNetworkPositions(unplaced(2), { spacing: -1 }).size).toBe(2);
  });
});

describe('edgeWidth and arrowEnds', () => {
  it('maps strength 1-5 linearly onto the stroke range, clamped', () => {
    expect([1, 2, 3, 4, 5].map((s) => edgeWidth(s))).toEqual([1, 2.25, 3.5, 4.75, 6]);
    expect(edgeWidth(0)).toBe(1);
    expect(edgeWidth(99)).toBe(6);
    expect(edgeWidth(Number.NaN)).toBe(3.5);
    expect(edgeWidth(2.6, { min: 2, max: 10 })).toBe(6);
  });

  it('puts arrowheads where the direction says', () => {
    expect(arrowEnds('forward')).toEqual({ atStart: false, atEnd: true });
    expect(arrowEnds('backward')).toEqual({ atStart: true, atEnd: false });
    expect(arrowEnds('both')).toEqual({ atStart: true, atEnd: true });
    expect(arrowEnds('none')).toEqual({ atStart: false, atEnd: false });
    expect(arrowEnds('sideways')).toEqual({ atStart: false, atEnd: true });
  });
});

describe('edgeGeometry', () => {
  const a: CardCircle = { x: 0, y: 0, radius: 20 };
  const b: CardCircle = { x: 200, y: 0, radius: 30 };

  it('trims the edge to the card outlines plus the gap', () => {
    const edge = edgeGeometry(a, b, { direction: 'none', strength: 3 }, { gap: 5 })!;
    expect(edge.start).toEqual({ x: 25, y: 0 });
    expect(edge.end).toEqual({ x: 165, y: 0 });
    expect(edge.lineStart).toEqual(edge.start);
    expect(edge.lineEnd).toEqual(edge.end);
    expect(edge.arrowHeads).toEqual([]);
    expect(edge.width).toBe(3.5);
    expect(edge.label).toEqual({ x: 95, y: 0, angle: 0 });
  });

  it('draws a forward arrowhead touching the target and pulls the line back behind it', () => {
    const edge = edgeGeometry(a, b, { direction: 'forward', strength: 1 }, { gap: 0 })!;
    const [tip, left, right] = edge.arrowHeads[0]!;
    expect(edge.arrowHeads).toHaveLength(1);
    expect(tip).toEqual({ x: 170, y: 0 });
    expect(left!.x).toBeCloseTo(162, 9);
    expect(right!.x).toBeCloseTo(162, 9);
    expect(Math.abs(left!.y - right!.y)).toBeCloseTo(8, 9);
    expect(edge.lineEnd.x).toBeCloseTo(162, 9);
    expect(edge.lineStart).toEqual(edge.start);
  });

  it('draws arrowheads at both ends, and at the start for backward', () => {
    expect(edgeGeometry(a, b, { direction: 'both', strength: 3 })!.arrowHeads).toHaveLength(2);
    const back = edgeGeometry(a, b, { direction: 'backward', strength: 3 }, { gap: 0 })!;
    expect(back.arrowHeads[0]![0]).toEqual({ x: 20, y: 0 });
    expect(back.lineStart.x).toBeGreaterThan(20);
  });

  it('keeps labels upright whichever way the edge runs', () => {
    expect(edgeGeometry(b, a, { direction: 'none', strength: 3 })!.label.angle).toBeCloseTo(0, 9);
    const down = edgeGeometry({ x: 0, y: 0, radius: 1 }, { x: 0, y: 100, radius: 1 }, { direction: 'none', strength: 3 })!;
    const up = edgeGeometry({ x: 0, y: 100, radius: 1 }, { x: 0, y: 0, radius: 1 }, { direction: 'none', strength: 3 })!;
    expect(down.label.angle).toBeCloseTo(Math.PI / 2, 9);
    expect(up.label.angle).toBeCloseTo(Math.PI / 2, 9);
  });

  it('shifts parallel edges sideways and still ends on the card outlines', () => {
    const edge = edgeGeometry(a, b, { direction: 'none', strength: 3 }, { offset: 12, gap: 0 })!;
    expect(edge.start.y).toBeCloseTo(-12, 9);
    expect(distance(edge.start, a)).toBeCloseTo(20, 9);
    expect(distance(edge.end, b)).toBeCloseTo(30, 9);
  });

  it('returns null when the cards overlap or coincide', () => {
    expect(edgeGeometry(a, { x: 40, y: 0, radius: 25 }, { direction: 'forward', strength: 3 })).toBeNull();
    expect(edgeGeometry(a, a, { direction: 'forward', strength: 3 })).toBeNull();
    expect(edgeGeometry(a, { x: Number.NaN, y: 0, radius: 5 }, { direction: 'forward', strength: 3 })).toBeNull();
  });

  it('keeps arrowheads short on very short edges', () => {
    const edge = edgeGeometry(a, { x: 60, y: 0, radius: 20 }, { direction: 'both', strength: 5 }, { gap: 0 })!;
    expect(edge.lineStart.x).toBeLessThanOrEqual(edge.lineEnd.x);
  });
});

describe('parallelEdgeOffsets', () => {
  it('gives a lone edge no offset and spreads parallel ones symmetrically', () => {
    const offsets = parallelEdgeOffsets(
      [
        { id: 'r1', from: 'a', to: 'b' },
        { id: 'r2', from: 'b', to: 'a' },
        { id: 'r3', from: 'a', to: 'c' },
        { id: 'loop', from: 'a', to: 'a' },
      ],
      10,
    );
    expect(offsets.get('r3')).toBe(0);
    expect(offsets.get('r1')).toBe(-5);
    // r2 runs b -> a, so its offset is negated to land on the other side from r1.
    expect(offsets.get('r2')).toBe(-5);
    expect(offsets.has('loop')).toBe(false);
  });

  it('places reversed parallel edges on opposite sides in space', () => {
    const cards: Record<string, CardCircle> = { a: { x: 0, y: 0, radius: 10 }, b: { x: 200, y: 0, radius: 10 } };
    const rels = [
      { id: 'r1', from: 'a', to: 'b', direction: 'forward' as const, strength: 3 },
      { id: 'r2', from: 'b', to: 'a', direction: 'forward' as const, strength: 3 },
    ];
    const offsets = parallelEdgeOffsets(rels, 10);
    const [g1, g2] = rels.map((r) => edgeGeometry(cards[r.from]!, cards[r.to]!, r, { offset: offsets.get(r.id)! })!);
    expect(g1!.label.y).toBeCloseTo(-g2!.label.y, 9);
    expect(Math.abs(g1!.label.y - g2!.label.y)).toBeCloseTo(10, 9);
  });
});
