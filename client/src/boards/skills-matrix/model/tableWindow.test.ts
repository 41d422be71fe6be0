import { describe, expect, it } from 'vitest';
import { inWindow, tableRowWindow } from './tableWindow';

describe('tableRowWindow', () => {
  it('renders a small table whole', () => {
    expect(tableRowWindow(6, null, null)).toEqual({ ranges: [{ start: 0, end: 6 }] });
    expect(tableRowWindow(100, 99, null)).toEqual({ ranges: [{ start: 0, end: 100 }] });
  });

  it('renders rows around the cursor, moving in blocks', () => {
    expect(tableRowWindow(300, 0, null)).toEqual({ ranges: [{ start: 0, end: 60 }] });
    expect(tableRowWindow(300, 150, null)).toEqual({ ranges: [{ start: 100, end: 200 }] });
    expect(tableRowWindow(300, 159, null)).toEqual(tableRowWindow(300, 140, null));
    expect(tableRowWindow(300, 299, null)).toEqual({ ranges: [{ start: 240, end: 300 }] });
  });

  it('adds the scrolled-to rows when the table is shown, merging overlaps', () => {
    const window = tableRowWindow(300, 0, 200, 25);
    expect(window.ranges).toEqual([
      { start: 0, end: 60 },
      { start: 180, end: 265 },
    ]);
    expect(inWindow(window, 59)).toBe(true);
    expect(inWindow(window, 60)).toBe(false);
    expect(inWindow(window, 200)).toBe(true);
    expect(tableRowWindow(300, 40, 50, 25).ranges).toHaveLength(1);
  });
});
