import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  boxBetween,
  clearSelection,
  idsInBox,
  keepExisting,
  selectMany,
  selectOnly,
  selectedIn,
  toggleSelected,
} from './selection';

const ids = (s: ReadonlySet<string>) => [...s].sort();

describe('selection per tab', () => {
  it('a click selects one thing, replacing what was selected on that tab only', () => {
    let s = selectMany(EMPTY_SELECTION, 'map', ['a', 'b']);
    s = selectMany(s, 'matrix', ['x']);
    s = selectOnly(s, 'map', 'c');
    expect(ids(selectedIn(s, 'map'))).toEqual(['c']);
    expect(ids(selectedIn(s, 'matrix'))).toEqual(['x']);
  });

  it('shift-click toggles', () => {
    let s = selectOnly(EMPTY_SELECTION, 'map', 'a');
    s = toggleSelected(s, 'map', 'b');
    expect(ids(selectedIn(s, 'map'))).toEqual(['a', 'b']);
    s = toggleSelected(s, 'map', 'a');
    expect(ids(selectedIn(s, 'map'))).toEqual(['b']);
  });

  it('escape clears the tab, and an unchanged selection keeps its identity', () => {
    const s = selectMany(EMPTY_SELECTION, 'map', ['a', 'b']);
    expect(selectMany(s, 'map', ['b', 'a'])).toBe(s);
    expect(selectedIn(clearSelection(s, 'map'), 'map').size).toBe(0);
    expect(clearSelection(EMPTY_SELECTION, 'map')).toBe(EMPTY_SELECTION);
  });

  it('a box with shift adds to the selection', () => {
    const s = selectMany(selectOnly(EMPTY_SELECTION, 'map', 'a'), 'map', ['b'], true);
    expect(ids(selectedIn(s, 'map'))).toEqual(['a', 'b']);
  });

  it('deleted ids leave the selection', () => {
    const s = keepExisting(selectMany(EMPTY_SELECTION, 'map', ['a', 'b']), 'map', (id) => id !== 'a');
    expect(ids(selectedIn(s, 'map'))).toEqual(['b']);
  });
});

describe('box select', () => {
  const candidates = [
    { id: 'inside', rect: { x: 10, y: 10, width: 10, height: 10 } },
    { id: 'overlapping', rect: { x: 90, y: 90, width: 50, height: 50 } },
    { id: 'touching-edge', rect: { x: 100, y: 0, width: 10, height: 10 } },
    { id: 'outside', rect: { x: 200, y: 200, width: 10, height: 10 } },
  ];

  it('selects what the box touches, not what only shares an edge', () => {
    expect(idsInBox({ x: 0, y: 0, width: 100, height: 100 }, candidates)).toEqual(['inside', 'overlapping']);
  });

  it('an empty box selects nothing', () => {
    expect(idsInBox({ x: 15, y: 15, width: 0, height: 0 }, candidates)).toEqual([]);
  });

  it('a box dragged up and left is the same box', () => {
    expect(boxBetween({ x: 100, y: 80 }, { x: 20, y: 10 })).toEqual({ x: 20, y: 10, width: 80, height: 70 });
  });
});
