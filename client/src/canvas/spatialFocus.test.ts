import { describe, expect, it } from 'vitest';
import { arrowDirection, nearestInDirection, readingOrder, scrollIntoView, stepInReadingOrder, type FocusRect } from './spatialFocus';

const box = (id: string, x: number, y: number, width = 20, height = 20): FocusRect => ({ id, rect: { x, y, width, height } });

// A 3x2 grid with one item off to the far right and a little lower.
//   a  b  c        far
//   d  e  f
const grid = [box('a', 0, 0), box('b', 100, 0), box('c', 200, 0), box('d', 0, 100), box('e', 100, 100), box('f', 200, 100), box('far', 600, 30)];

describe('arrow focus', () => {
  it('reads the four arrows and nothing else', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Enter'].map(arrowDirection)).toEqual(['left', 'right', 'up', 'down', null]);
  });

  it('goes to the nearest item in the direction of the arrow', () => {
    expect(nearestInDirection(grid, 'e', 'left')).toBe('d');
    expect(nearestInDirection(grid, 'e', 'right')).toBe('f');
    expect(nearestInDirection(grid, 'e', 'up')).toBe('b');
    expect(nearestInDirection(grid, 'b', 'down')).toBe('e');
    expect(nearestInDirection(grid, 'c', 'right')).toBe('far');
  });

  it('prefers the item straight ahead over a nearer one off to the side', () => {
    const items = [box('from', 0, 0), box('aside', 40, 45), box('ahead', 120, 0)];
    expect(nearestInDirection(items, 'from', 'right')).toBe('ahead');
  });

  it('falls back to anything ahead when the cone is empty, and gives null at the edge', () => {
    const items = [box('from', 0, 0), box('low', 30, 300)];
    expect(nearestInDirection(items, 'from', 'right')).toBe('low');
    expect(nearestInDirection(grid, 'a', 'left')).toBeNull();
    expect(nearestInDirection(grid, 'a', 'up')).toBeNull();
    expect(nearestInDirection(grid, 'missing', 'up')).toBeNull();
  });

  it('breaks ties by reading order', () => {
    const items = [box('from', 100, 100), box('left-up', 0, 0), box('right-up', 200, 0)];
    expect(nearestInDirection(items, 'from', 'up')).toBe('left-up');
  });
});

describe('reading order', () => {
  it('reads rows top to bottom, each left to right, with slightly uneven rows kept together', () => {
    const items = [box('f', 200, 104), box('b', 100, -3), box('e', 100, 100), box('a', 0, 2), box('d', 0, 98), box('c', 200, 0)];
    expect(readingOrder(items).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('steps forward and back, wrapping, and starts at the first (or last)', () => {
    const items = grid.slice(0, 3);
    expect(stepInReadingOrder(items, null)).toBe('a');
    expect(stepInReadingOrder(items, null, true)).toBe('c');
    expect(stepInReadingOrder(items, 'a')).toBe('b');
    expect(stepInReadingOrder(items, 'c')).toBe('a');
    expect(stepInReadingOrder(items, 'a', true)).toBe('c');
    expect(stepInReadingOrder([], null)).toBeNull();
  });
});

describe('scroll into view', () => {
  const view = { x: 0, y: 0, width: 400, height: 300 };
  it('leaves a visible item alone and moves just enough for one outside', () => {
    expect(scrollIntoView(view, { x: 50, y: 50, width: 20, height: 20 }, 10)).toBeNull();
    expect(scrollIntoView(view, { x: 500, y: 50, width: 20, height: 20 }, 10)).toEqual({ dx: 130, dy: 0 });
    expect(scrollIntoView(view, { x: 50, y: -100, width: 20, height: 20 }, 10)).toEqual({ dx: 0, dy: -110 });
  });
  it('centres an item bigger than the view', () => {
    expect(scrollIntoView(view, { x: 0, y: 50, width: 1000, height: 20 }, 10)).toEqual({ dx: 300, dy: 0 });
  });
});
