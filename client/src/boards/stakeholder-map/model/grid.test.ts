import { mendelowQuadrant } from '@pc/shared';
import { describe, expect, it } from 'vitest';
import {
  cellSpread,
  gridCardPositions,
  gridPositionFor,
  levelsAt,
  quadrantRects,
  type GridLayout,
} from './grid';

const layout: GridLayout = { x: 100, y: 50, width: 500, height: 500 };

describe('gridPositionFor', () => {
  it('puts interest on x and high power at the top', () => {
    expect(gridPositionFor(4, 0, layout)).toEqual({ x: 150, y: 100 });
    expect(gridPositionFor(0, 4, layout)).toEqual({ x: 550, y: 500 });
    expect(gridPositionFor(2, 2, layout)).toEqual({ x: 350, y: 300 });
  });

  it('clamps out-of-range and non-integer levels', () => {
    expect(gridPositionFor(7, -2, layout)).toEqual(gridPositionFor(4, 0, layout));
    expect(gridPositionFor(2.6, 0.4, layout)).toEqual(gridPositionFor(3, 0, layout));
  });

  it('handles non-square grids', () => {
    expect(gridPositionFor(0, 0, { x: 0, y: 0, width: 1000, height: 250 })).toEqual({ x: 100, y: 225 });
  });
});

describe('levelsAt', () => {
  it('inverts gridPositionFor for every cell', () => {
    for (let power = 0; power <= 4; power += 1) {
      for (let interest = 0; interest <= 4; interest += 1) {
        expect(levelsAt(gridPositionFor(power, interest, layout), layout)).toEqual({ power, interest });
      }
    }
  });

  it('snaps anywhere inside a cell, with a cell owning its top and left edges', () => {
    expect(levelsAt({ x: 100, y: 50 }, layout)).toEqual({ power: 4, interest: 0 });
    expect(levelsAt({ x: 199.9, y: 149.9 }, layout)).toEqual({ power: 4, interest: 0 });
    expect(levelsAt({ x: 200, y: 150 }, layout)).toEqual({ power: 3, interest: 1 });
  });

  it('clamps drops outside the grid to the nearest edge level', () => {
    expect(levelsAt({ x: -1000, y: 5000 }, layout)).toEqual({ power: 0, interest: 0 });
    expect(levelsAt({ x: 601, y: 49 }, layout)).toEqual({ power: 4, interest: 4 });
    expect(levelsAt({ x: Infinity, y: -Infinity }, layout)).toEqual({ power: 4, interest: 4 });
  });

  it('falls back to the middle level for unusable coordinates or an empty grid', () => {
    expect(levelsAt({ x: Number.NaN, y: 60 }, layout)).toEqual({ power: 4, interest: 2 });
    expect(levelsAt({ x: 150, y: 60 }, { x: 0, y: 0, width: 0, height: 0 })).toEqual({ power: 2, interest: 2 });
  });
});

describe('quadrantRects', () => {
  it('draws the dividing lines on cell edges, matching the classification', () => {
    const rects = quadrantRects(layout);
    expect(rects.manageClosely).toEqual({ x: 400, y: 50, width: 200, height: 200 });
    expect(rects.keepSatisfied).toEqual({ x: 100, y: 50, width: 300, height: 200 });
    expect(rects.keepInformed).toEqual({ x: 400, y: 250, width: 200, height: 300 });
    expect(rects.monitor).toEqual({ x: 100, y: 250, width: 300, height: 300 });
    for (let p = 0; p <= 4; p += 1) {
      for (let i = 0; i <= 4; i += 1) {
        const centre = gridPositionFor(p, i, layout);
        const r = rects[mendelowQuadrant(p, i)];
        expect(centre.x > r.x && centre.x < r.x + r.width && centre.y > r.y && centre.y < r.y + r.height).toBe(true);
      }
    }
  });
});

describe('cellSpread', () => {
  it('returns nothing for no cards and no offset for one', () => {
    expect(cellSpread(0, 100, 100, 20)).toEqual({ offsets: [], scale: 1 });
    expect(cellSpread(-3, 100, 100, 20)).toEqual({ offsets: [], scale: 1 });
    expect(cellSpread(1, 100, 100, 20)).toEqual({ offsets: [{ x: 0, y: 0 }], scale: 1 });
  });

  it('lays cards out in a centred block without overlap', () => {
    const { offsets, scale } = cellSpread(5, 100, 100, 20);
    expect(scale).toBe(1);
    expect(offsets).toEqual([
      { x: -20, y: -10 },
      { x: 0, y: -10 },
      { x: 20, y: -10 },
      { x: -10, y: 10 },
      { x: 10, y: 10 },
    ]);
  });

  it('shrinks cards that would not fit, keeping them inside the cell and apart', () => {
    const count = 30;
    const size = 40;
    const { offsets, scale } = cellSpread(count, 100, 80, size);
    expect(scale).toBeLessThan(1);
    const step = size * scale;
    for (const o of offsets) {
      expect(Math.abs(o.x) + step / 2).toBeLessThanOrEqual(50 + 1e-9);
      expect(Math.abs(o.y) + step / 2).toBeLessThanOrEqual(40 + 1e-9);
    }
    for (let a = 0; a < count; a += 1) {
      for (let b = a + 1; b < count; b += 1) {
        const pa = offsets[a]!;
        const pb = offsets[b]!;
        expect(Math.max(Math.abs(pa.x - pb.x), Math.abs(pa.y - pb.y))).toBeGreaterThanOrEqual(step - 1e-9);
      }
    }
  });
});

describe('gridCardPositions', () => {
  it('spreads cards sharing a cell in name-then-id order, regardless of input order', () => {
    const cards = [
      { id: '3', name: 'Carol', power: 4, interest: 4 },
      { id: '1', name: 'alice', power: 4, interest: 4 },
      { id: '2', name: 'Bob', power: 4.2, interest: 3.6 },
      { id: '4', name: 'Dan', power: 0, interest: 0 },
    ];
    const a = gridCardPositions(cards, layout, 20);
    const b = gridCardPositions([...cards].reverse(), layout, 20);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    expect(a.get('4')).toEqual({ ...gridPositionFor(0, 0, layout), scale: 1 });
    const centre = gridPositionFor(4, 4, layout);
    expect(a.get('1')).toEqual({ x: centre.x - 10, y: centre.y - 10, scale: 1 });
    expect(a.get('2')).toEqual({ x: centre.x + 10, y: centre.y - 10, scale: 1 });
    expect(a.get('3')).toEqual({ x: centre.x, y: centre.y + 10, scale: 1 });
  });

  it('returns an empty map for no cards', () => {
    expect(gridCardPositions([], layout, 20).size).toBe(0);
  });
});
