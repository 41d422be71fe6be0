import { describe, expect, it } from 'vitest';
import { stakeholderSchema, type Stakeholder } from '@pc/shared';
import { cardAt, cardPlacements, cardRectNow, dropPatch, GRID_WORLD, layoutBounds, ONION_WORLD, patchChanges } from './mapLayout';
import { levelsAt } from './grid';
import { ringAt } from './onion';

function stakeholder(fields: Partial<Stakeholder> & { id: string }): Stakeholder {
  return stakeholderSchema.parse({ name: fields.id, ...fields });
}

describe('cardPlacements', () => {
  const cards = [
    stakeholder({ id: 'a', power: 4, interest: 4, ring: 'core', x: 300, y: 40 }),
    stakeholder({ id: 'b', power: 0, interest: 0, ring: 'wider' }),
    stakeholder({ id: 'c', power: 0, interest: 0, ring: 'direct', x: -50, y: 20 }),
  ];

  it('puts each grid card in the cell of its power and interest, so a drop there reads back the same levels', () => {
    const placements = cardPlacements(cards, 'grid', 'none');
    for (const card of cards) {
      const placed = placements.get(card.id)!;
      expect(levelsAt(placed, GRID_WORLD)).toEqual({ power: card.power, interest: card.interest });
    }
  });

  it('puts each onion card in its own ring', () => {
    const placements = cardPlacements(cards, 'onion', 'none');
    for (const card of cards) expect(ringAt(placements.get(card.id)!, ONION_WORLD)).toBe(card.ring);
  });

  it('uses stored network positions and gives unplaced cards a deterministic free spot', () => {
    const first = cardPlacements(cards, 'network', 'none');
    expect(first.get('a')).toMatchObject({ x: 300, y: 40 });
    expect(first.get('c')).toMatchObject({ x: -50, y: 20 });
    const b = first.get('b')!;
    expect(b.x === 0 && b.y === 0).toBe(false);
    expect(cardPlacements(cards, 'network', 'none').get('b')).toEqual(b);
  });

  it('sizes cards by the chosen field', () => {
    const byPower = cardPlacements(cards, 'onion', 'power');
    expect(byPower.get('a')!.radius).toBeGreaterThan(byPower.get('b')!.radius);
    const none = cardPlacements(cards, 'onion', 'none');
    expect(none.get('a')!.radius).toBe(none.get('b')!.radius);
  });

  it('shrinks cards that crowd one grid cell instead of spilling into the next', () => {
    const crowd = Array.from({ length: 40 }, (_, i) => stakeholder({ id: `s${i}`, power: 1, interest: 3 }));
    const placements = cardPlacements(crowd, 'grid', 'none');
    for (const placed of placements.values()) {
      expect(placed.scale).toBeLessThan(1);
      expect(levelsAt(placed, GRID_WORLD)).toEqual({ power: 1, interest: 3 });
    }
  });
});

describe('dropPatch', () => {
  it('snaps grid drops to levels, onion drops to rings and rounds network drops', () => {
    expect(dropPatch('grid', { x: 990, y: 5 })).toEqual({ power: 4, interest: 4 });
    expect(dropPatch('grid', { x: -500, y: 5000 })).toEqual({ power: 0, interest: 0 });
    expect(dropPatch('onion', { x: 500, y: 500 })).toEqual({ ring: 'core' });
    expect(dropPatch('onion', { x: 5000, y: 500 })).toEqual({ ring: 'wider' });
    expect(dropPatch('network', { x: 10.4, y: -3.6 })).toEqual({ x: 10, y: -4 });
  });

  it('never writes the network origin, which reads as "never placed"', () => {
    expect(dropPatch('network', { x: 0.2, y: -0.3 })).toEqual({ x: 1, y: 0 });
    expect(dropPatch('network', { x: Number.NaN, y: 5 })).toEqual({ x: 1, y: 5 });
  });

  it('reports whether a patch changes anything', () => {
    expect(patchChanges({ power: 2, interest: 3 }, { power: 2, interest: 3 })).toBe(false);
    expect(patchChanges({ power: 2, interest: 3 }, { power: 2, interest: 4 })).toBe(true);
  });
});

describe('layoutBounds and cardAt', () => {
  it('frames the whole grid and onion, and the network cards only', () => {
    const grid = layoutBounds('grid', new Map())!;
    expect(grid.x).toBeLessThan(0);
    expect(grid.x + grid.width).toBeGreaterThan(GRID_WORLD.width);
    expect(layoutBounds('network', new Map())).toBeNull();
    const net = layoutBounds('network', new Map([['a', { x: 100, y: 100, radius: 20, scale: 1 }]]))!;
    expect(net.x).toBeLessThan(80);
    expect(net.x + net.width).toBeGreaterThan(120);
  });

  it('finds the nearest card under a point', () => {
    const cards: [string, { x: number; y: number; radius: number; scale: number }][] = [
      ['a', { x: 0, y: 0, radius: 20, scale: 1 }],
      ['b', { x: 30, y: 0, radius: 20, scale: 1 }],
    ];
    expect(cardAt({ x: 22, y: 0 }, cards)).toBe('b');
    expect(cardAt({ x: 5, y: 0 }, cards)).toBe('a');
    expect(cardAt({ x: 200, y: 0 }, cards)).toBeNull();
  });
});

describe('cardRectNow', () => {
  const placements = new Map([['a', { x: 100, y: 200, radius: 20, scale: 1 }]]);

  it('is the card circle at its layout place', () => {
    expect(cardRectNow('a', placements, null)).toEqual({ x: 80, y: 180, width: 40, height: 40 });
  });

  it('follows the pointer while the card is dragged over the canvas, not while it is off it', () => {
    expect(cardRectNow('a', placements, { id: 'a', x: 300, y: 300, overCanvas: true })).toEqual({ x: 280, y: 280, width: 40, height: 40 });
    expect(cardRectNow('a', placements, { id: 'a', x: 300, y: 300, overCanvas: false })).toEqual({ x: 80, y: 180, width: 40, height: 40 });
    expect(cardRectNow('a', placements, { id: 'b', x: 300, y: 300, overCanvas: true })).toEqual({ x: 80, y: 180, width: 40, height: 40 });
  });

  it('is null for a card not on the map', () => {
    expect(cardRectNow('b', placements, null)).toBeNull();
  });
});
