import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, clampCursor, reduceMatrixKey, type Cursor, type GridSize } from './keyboard';

const size: GridSize = { rowCount: 30, colCount: 5, pageSize: 8 };
const at = (row: number, col: number): Cursor => ({ row, col });
const press = (cursor: Cursor, key: string, extra: Partial<GridSize> = {}, mods = {}) =>
  reduceMatrixKey(cursor, { key, ...mods }, { ...size, ...extra });

describe('clampCursor', () => {
  it('keeps a cursor inside the grid', () => {
    expect(clampCursor(at(40, 9), size)).toEqual(at(29, 4));
    expect(clampCursor(at(-3, -1), size)).toEqual(at(0, 0));
    expect(clampCursor(at(2.7, 1.2), size)).toEqual(at(2, 1));
    expect(clampCursor(at(Number.NaN, Infinity), size)).toEqual(at(0, 0));
  });

  it('puts the cursor at 0,0 in an empty grid', () => {
    expect(clampCursor(at(5, 5), { rowCount: 0, colCount: 3 })).toEqual(at(0, 0));
  });
});

describe('arrow keys', () => {
  it('move one cell', () => {
    expect(press(at(5, 2), 'ArrowUp')).toEqual({ cursor: at(4, 2), handled: true });
    expect(press(at(5, 2), 'ArrowDown').cursor).toEqual(at(6, 2));
    expect(press(at(5, 2), 'ArrowLeft').cursor).toEqual(at(5, 1));
    expect(press(at(5, 2), 'ArrowRight').cursor).toEqual(at(5, 3));
  });

  it('clamp at the edges without wrapping, still handled', () => {
    expect(press(at(0, 0), 'ArrowUp')).toEqual({ cursor: at(0, 0), handled: true });
    expect(press(at(0, 0), 'ArrowLeft').cursor).toEqual(at(0, 0));
    expect(press(at(29, 4), 'ArrowDown').cursor).toEqual(at(29, 4));
    expect(press(at(29, 4), 'ArrowRight').cursor).toEqual(at(29, 4));
  });

  it('jump to the edge with Ctrl or Cmd', () => {
    expect(press(at(5, 2), 'ArrowDown', {}, { ctrlKey: true }).cursor).toEqual(at(29, 2));
    expect(press(at(5, 2), 'ArrowUp', {}, { metaKey: true }).cursor).toEqual(at(0, 2));
    expect(press(at(5, 2), 'ArrowLeft', {}, { ctrlKey: true }).cursor).toEqual(at(5, 0));
    expect(press(at(5, 2), 'ArrowRight', {}, { ctrlKey: true }).cursor).toEqual(at(5, 4));
  });

  it('first bring a stale cursor back into the grid', () => {
    // Rows shrank from 30 to 3 after collapsing a group.
    expect(press(at(20, 1), 'ArrowUp', { rowCount: 3 }).cursor).toEqual(at(1, 1));
  });

  it('ignore Shift', () => {
    expect(press(at(5, 2), 'ArrowUp', {}, { shiftKey: true }).cursor).toEqual(at(4, 2));
  });
});

describe('Home, End, PageUp, PageDown', () => {
  it('Home and End go along the row', () => {
    expect(press(at(5, 2), 'Home').cursor).toEqual(at(5, 0));
    expect(press(at(5, 2), 'End').cursor).toEqual(at(5, 4));
  });

  it('Ctrl+Home and Ctrl+End go to the grid corners', () => {
    expect(press(at(5, 2), 'Home', {}, { ctrlKey: true }).cursor).toEqual(at(0, 0));
    expect(press(at(5, 2), 'End', {}, { metaKey: true }).cursor).toEqual(at(29, 4));
  });

  it('page by pageSize, clamped', () => {
    expect(press(at(10, 1), 'PageDown').cursor).toEqual(at(18, 1));
    expect(press(at(10, 1), 'PageUp').cursor).toEqual(at(2, 1));
    expect(press(at(3, 1), 'PageUp').cursor).toEqual(at(0, 1));
    expect(press(at(25, 1), 'PageDown').cursor).toEqual(at(29, 1));
  });

  it('use a default page and never a page below one row', () => {
    expect(reduceMatrixKey(at(0, 0), { key: 'PageDown' }, { rowCount: 100, colCount: 1 }).cursor.row).toBe(
      DEFAULT_PAGE_SIZE,
    );
    expect(press(at(5, 0), 'PageDown', { pageSize: 0 }).cursor.row).toBe(6);
    expect(press(at(5, 0), 'PageDown', { pageSize: 2.9 }).cursor.row).toBe(7);
    expect(press(at(5, 0), 'PageDown', { pageSize: Number.NaN }).cursor.row).toBe(6);
  });
});

describe('editing keys', () => {
  it('digits 0-4 set the level of the cell under the cursor', () => {
    for (const level of [0, 1, 2, 3, 4] as const) {
      expect(press(at(3, 1), String(level))).toEqual({
        cursor: at(3, 1),
        action: { type: 'setLevel', level, at: at(3, 1) },
        handled: true,
      });
    }
  });

  it('other digits do nothing', () => {
    for (const key of ['5', '9']) expect(press(at(3, 1), key)).toEqual({ cursor: at(3, 1), handled: false });
  });

  it('accept Shift, for layouts that need it to type digits', () => {
    expect(press(at(3, 1), '2', {}, { shiftKey: true }).action).toMatchObject({ type: 'setLevel', level: 2 });
  });

  it('g and r toggle the flags, in either case', () => {
    expect(press(at(3, 1), 'g').action).toEqual({ type: 'toggleGives', at: at(3, 1) });
    expect(press(at(3, 1), 'G').action?.type).toBe('toggleGives');
    expect(press(at(3, 1), 'r').action).toEqual({ type: 'toggleReceives', at: at(3, 1) });
    expect(press(at(3, 1), 'R').action?.type).toBe('toggleReceives');
  });

  it('Enter opens the note', () => {
    expect(press(at(3, 1), 'Enter')).toEqual({ cursor: at(3, 1), action: { type: 'openNote', at: at(3, 1) }, handled: true });
  });

  it('leave browser shortcuts alone', () => {
    for (const mods of [{ ctrlKey: true }, { metaKey: true }, { altKey: true }]) {
      for (const key of ['r', '1', 'g', 'Enter']) {
        expect(press(at(3, 1), key, {}, mods)).toEqual({ cursor: at(3, 1), handled: false });
      }
    }
    expect(press(at(3, 1), 'ArrowDown', {}, { altKey: true }).handled).toBe(false);
  });

  it('act on the clamped cursor', () => {
    expect(press(at(99, 99), '3').action).toEqual({ type: 'setLevel', level: 3, at: at(29, 4) });
  });

  it('read-only boards allow moving and notes but no edits', () => {
    expect(press(at(3, 1), '3', { readOnly: true })).toEqual({ cursor: at(3, 1), handled: false });
    expect(press(at(3, 1), 'g', { readOnly: true }).action).toBeUndefined();
    expect(press(at(3, 1), 'Enter', { readOnly: true }).action?.type).toBe('openNote');
    expect(press(at(3, 1), 'ArrowDown', { readOnly: true }).cursor).toEqual(at(4, 1));
  });

  it('ignore unrelated keys', () => {
    for (const key of ['Tab', 'Escape', 'x', ' ', 'Delete']) expect(press(at(3, 1), key).handled).toBe(false);
  });
});

describe('empty grid', () => {
  it('handles nothing and emits no action', () => {
    for (const grid of [
      { rowCount: 0, colCount: 4 },
      { rowCount: 4, colCount: 0 },
    ]) {
      for (const key of ['ArrowDown', '2', 'g', 'Enter', 'End']) {
        expect(reduceMatrixKey(at(2, 2), { key }, grid)).toEqual({ cursor: at(0, 0), handled: false });
      }
    }
  });

  it('works on a single cell', () => {
    const one = { rowCount: 1, colCount: 1 };
    expect(reduceMatrixKey(at(0, 0), { key: 'PageDown' }, one)).toEqual({ cursor: at(0, 0), handled: true });
    expect(reduceMatrixKey(at(0, 0), { key: '4' }, one).action).toMatchObject({ level: 4 });
  });
});
