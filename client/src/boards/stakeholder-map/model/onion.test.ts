import { describe, expect, it } from 'vitest';
import { normaliseRing, ringOrUnassessed, onionLayoutFor, onionPositions, ringAt, ringPositions, ringRadii, RING_LABELS, ONION_RINGS, type OnionCard, type OnionLayout } from './onion';
import { type Point } from '../../../lib/geometry';

const layout: OnionLayout = { cx: 500, cy: 400, radius: 400 };

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function cards(count: number, ring: OnionCard['ring']): OnionCard[] {
  return Array.from({ length: count }, (_, i) => ({ id: `id${String(i).padStart(3, '0')}`, name: `Card ${String(i).padStart(3, '0')}`, ring }));
}

describe('ring geometry', () => {
  it('has four rings with the brief’s labels', () => {
    expect(ONION_RINGS).toEqual(['core', 'direct', 'indirect', 'wider']);
    expect(RING_LABELS.direct).toBe('Directly involved');
    expect(RING_LABELS.indirect).toBe('Indirectly involved');
    expect(RING_LABELS.wider).toBe('Wider environment');
  });

  it('splits the radius into four equal bands, innermost first', () => {
    expect(ringRadii(400)).toEqual([
      { ring: 'core', inner: 0, outer: 100 },
      { ring: 'direct', inner: 100, outer: 200 },
      { ring: 'indirect', inner: 200, outer: 300 },
      { ring: 'wider', inner: 300, outer: 400 },
    ]);
    expect(ringRadii(-5).every((band) => band.outer === 0)).toBe(true);
    expect(ringRadii(Number.NaN).every((band) => band.outer === 0)).toBe(true);
  });

  it('fits the largest onion into an area', () => {
    expect(onionLayoutFor(1000, 800, 20)).toEqual({ cx: 500, cy: 400, radius: 380 });
    expect(onionLayoutFor(10, 10, 50).radius).toBe(0);
  });
});

describe('ringAt', () => {
  it('finds the ring under a point, boundaries belonging to the outer ring', () => {
    expect(ringAt({ x: 500, y: 400 }, layout)).toBe('core');
    expect(ringAt({ x: 599, y: 400 }, layout)).toBe('core');
    expect(ringAt({ x: 600, y: 400 }, layout)).toBe('direct');
    expect(ringAt({ x: 500, y: 150 }, layout)).toBe('indirect');
    expect(ringAt({ x: 500 + 350 * Math.cos(1), y: 400 + 350 * Math.sin(1) }, layout)).toBe('wider');
  });

  it('treats drops beyond the outer circle, or unusable input, as the wider environment', () => {
    expect(ringAt({ x: 5000, y: -3000 }, layout)).toBe('wider');
    expect(ringAt({ x: Infinity, y: 0 }, layout)).toBe('wider');
    expect(ringAt({ x: Number.NaN, y: 400 }, layout)).toBe('wider');
    expect(ringAt({ x: 500, y: 400 }, { cx: 500, cy: 400, radius: 0 })).toBe('wider');
  });

  it('normalises unknown ring values to wider', () => {
    expect(normaliseRing('direct')).toBe('direct');
    expect(normaliseRing('outer space')).toBe('wider');
    expect(normaliseRing(undefined)).toBe('wider');
  });
});

describe('ringPositions', () => {
  it('is empty for a ring with no cards', () => {
    expect(ringPositions(cards(3, 'direct'), 'core', layout, 30).size).toBe(0);
  });

  it('puts a lone core card in the centre', () => {
    expect(ringPositions(cards(1, 'core'), 'core', layout, 30).get('id000')).toEqual({ x: 500, y: 400 });
  });

  it('spreads cards evenly by angle on the middle of the band, from twelve o’clock clockwise, in name order', () => {
    const list = cards(4, 'direct').reverse();
    const positions = ringPositions(list, 'direct', layout, 30);
    const centre = { x: 500, y: 400 };
    const expected = [
      { x: 500, y: 250 },
      { x: 650, y: 400 },
      { x: 500, y: 550 },
      { x: 350, y: 400 },
    ];
    expected.forEach((point, i) => {
      const actual = positions.get(`id00${i}`)!;
      expect(actual.x).toBeCloseTo(point.x, 9);
      expect(actual.y).toBeCloseTo(point.y, 9);
      expect(distance(actual, centre)).toBeCloseTo(150, 9);
    });
  });

  it('gives the same result for any input order', () => {
    const list = cards(9, 'indirect');
    const shuffled = [list[4]!, list[8]!, list[0]!, list[7]!, list[1]!, list[6]!, list[2]!, list[5]!, list[3]!];
    expect([...ringPositions(shuffled, 'indirect', layout, 30)].sort()).toEqual([...ringPositions(list, 'indirect', layout, 30)].sort());
  });

  it('uses several tracks inside the band when one circle is full, without overlap', () => {
    const size = 30;
    const list = cards(60, 'direct');
    const positions = [...ringPositions(list, 'direct', layout, size).values()];
    expect(positions).toHaveLength(60);
    const radii = new Set(positions.map((p) => Math.round(distance(p, { x: 500, y: 400 }))));
    expect(radii.size).toBeGreaterThan(1);
    for (const p of positions) {
      const r = distance(p, { x: 500, y: 400 });
      expect(r).toBeGreaterThanOrEqual(100);
      expect(r).toBeLessThanOrEqual(200);
    }
    for (let a = 0; a < positions.length; a += 1) {
      for (let b = a + 1; b < positions.length; b += 1) expect(distance(positions[a]!, positions[b]!)).toBeGreaterThanOrEqual(size - 1e-6);
    }
  });

  it('still places every card when the band cannot hold them all', () => {
    const positions = ringPositions(cards(500, 'core'), 'core', layout, 30);
    expect(positions.size).toBe(500);
    for (const p of positions.values()) expect(distance(p, { x: 500, y: 400 })).toBeLessThanOrEqual(100);
  });

  it('places cards with an unknown ring in the wider environment', () => {
    const odd = [{ id: 'x', name: 'X', ring: 'nowhere' as OnionCard['ring'] }];
    expect(ringPositions(odd, 'wider', layout, 30).has('x')).toBe(true);
  });
});

describe('onionPositions', () => {
  it('places every card in its own ring', () => {
    const all = [...cards(3, 'core'), ...cards(5, 'wider').map((c) => ({ ...c, id: `w${c.id}` }))];
    const positions = onionPositions(all, layout, 30);
    expect(positions.size).toBe(8);
    for (const card of all) expect(ringAt(positions.get(card.id)!, layout)).toBe(card.ring);
  });
});

describe('not-assessed cards on the onion', () => {
  it('wait in a band just outside the outer circle, never inside a ring', () => {
    const layout = { cx: 500, cy: 500, radius: 500 };
    const cards = [
      { id: 'a', name: 'A', ring: null },
      { id: 'b', name: 'B', ring: null },
      { id: 'c', name: 'C', ring: 'core' as const },
    ];
    const positions = onionPositions(cards, layout, 60);
    for (const id of ['a', 'b']) {
      const p = positions.get(id)!;
      const distance = Math.hypot(p.x - 500, p.y - 500);
      expect(distance).toBeGreaterThan(500);
      expect(distance).toBeLessThan(625);
    }
    expect(positions.get('c')).toEqual({ x: 500, y: 500 });
    expect(ringOrUnassessed(null)).toBeNull();
    expect(ringOrUnassessed('bogus')).toBe('wider');
  });
});
