import { describe, expect, it } from 'vitest';
import { holdAnchors, holdAt, keepInPlaceShift, NOTHING_HELD, type AnchorSource, type LayoutAnchor } from './layoutAnchor';

/** A toy board: rows stacked top-down (holding y) and columns side by side (holding x), or free cards (both). */
interface Toy {
  rows: { id: string; y: number; height: number }[];
  columns: { id: string; x: number; width: number }[];
  cards: { id: string; x: number; y: number; width: number; height: number }[];
}

const toy: AnchorSource<Toy> = {
  at(layout, p) {
    const out: LayoutAnchor[] = [];
    for (const c of layout.cards) if (p.x >= c.x && p.x < c.x + c.width && p.y >= c.y && p.y < c.y + c.height) out.push({ key: `card:${c.id}`, rect: c, axes: 'xy' });
    for (const r of layout.rows) if (p.y >= r.y && p.y < r.y + r.height) out.push({ key: `row:${r.id}`, rect: { x: 0, y: r.y, width: 1000, height: r.height }, axes: 'y' });
    for (const c of layout.columns) if (p.x >= c.x && p.x < c.x + c.width) out.push({ key: `col:${c.id}`, rect: { x: c.x, y: 0, width: c.width, height: 1000 }, axes: 'x' });
    return out;
  },
  find(layout, key) {
    const [kind, id] = key.split(':');
    if (kind === 'row') {
      const r = layout.rows.find((row) => row.id === id);
      return r ? { x: 0, y: r.y, width: 1000, height: r.height } : null;
    }
    if (kind === 'col') {
      const c = layout.columns.find((column) => column.id === id);
      return c ? { x: c.x, y: 0, width: c.width, height: 1000 } : null;
    }
    return layout.cards.find((c) => c.id === id) ?? null;
  },
};

const grid = (rowIds: string[], columnIds: string[]): Toy => ({
  rows: rowIds.map((id, i) => ({ id, y: 100 + i * 32, height: 32 })),
  columns: columnIds.map((id, i) => ({ id, x: 240 + i * 56, width: 56 })),
  cards: [],
});

describe('holdAnchors', () => {
  it('keeps the first anchor for each axis', () => {
    const card: LayoutAnchor = { key: 'card:a', rect: { x: 0, y: 0, width: 10, height: 10 }, axes: 'xy' };
    const row: LayoutAnchor = { key: 'row:r', rect: { x: 0, y: 0, width: 10, height: 10 }, axes: 'y' };
    const column: LayoutAnchor = { key: 'col:c', rect: { x: 0, y: 0, width: 10, height: 10 }, axes: 'x' };
    expect(holdAnchors([card, row, column])).toEqual({ x: card, y: card });
    expect(holdAnchors([row, column])).toEqual({ x: column, y: row });
    expect(holdAnchors([])).toEqual(NOTHING_HELD);
  });
});

describe('keepInPlaceShift', () => {
  it('moves the camera up by the rows added above the cell under the pointer, times the zoom', () => {
    const before = grid(['r1', 'r2', 'r3'], ['p1', 'p2']);
    const after = grid(['n1', 'n2', 'r1', 'r2', 'r3'], ['p1', 'p2']);
    const held = holdAt(toy, before, { x: 300, y: 170 });
    expect(held.y?.key).toBe('row:r3');
    expect(held.x?.key).toBe('col:p2');
    expect(keepInPlaceShift(held, toy, after, 1.5)).toEqual({ dx: 0, dy: -64 * 1.5 });
  });

  it('moves the camera right when a column to the left of the pointer goes', () => {
    const before = grid(['r1'], ['p1', 'p2', 'p3']);
    const after = grid(['r1'], ['p2', 'p3']);
    const held = holdAt(toy, before, { x: 240 + 2 * 56 + 10, y: 110 });
    expect(held.x?.key).toBe('col:p3');
    expect(keepInPlaceShift(held, toy, after, 2)).toEqual({ dx: 112, dy: 0 });
  });

  it('moves nothing when nothing moved, nothing was held, or the held thing is gone', () => {
    const before = grid(['r1', 'r2'], ['p1']);
    expect(keepInPlaceShift(holdAt(toy, before, { x: 250, y: 140 }), toy, before, 1)).toEqual({ dx: 0, dy: 0 });
    expect(keepInPlaceShift(holdAt(toy, before, { x: -50, y: -50 }), toy, grid(['x', 'r1', 'r2'], ['p1']), 1)).toEqual({ dx: 0, dy: 0 });
    const held = holdAt(toy, before, { x: 250, y: 140 });
    expect(keepInPlaceShift(held, toy, grid(['r1'], []), 1)).toEqual({ dx: 0, dy: 0 });
  });

  it('holds a card on both axes in preference to the row and column around it', () => {
    const before: Toy = { ...grid(['r1'], ['p1']), cards: [{ id: 'a', x: 240, y: 100, width: 56, height: 32 }] };
    const after: Toy = { ...grid(['r0', 'r1'], ['p0', 'p1']), cards: [{ id: 'a', x: 400, y: 300, width: 56, height: 80 }] };
    const held = holdAt(toy, before, { x: 250, y: 110 });
    expect(held).toMatchObject({ x: { key: 'card:a' }, y: { key: 'card:a' } });
    expect(keepInPlaceShift(held, toy, after, 1)).toEqual({ dx: -160, dy: -200 });
  });
});
