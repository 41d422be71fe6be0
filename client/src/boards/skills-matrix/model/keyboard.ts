import { type SkillLevel } from '@pc/shared';
/**
 * Keyboard use of the matrix grid as a pure reducer: the component passes the key
 * and the grid size, applies the returned cursor, performs the action, and calls
 * preventDefault only when `handled` is true (so Tab, browser shortcuts and screen
 * reader keys keep working). Movement follows the WAI-ARIA grid pattern.
 *
 * The cursor indexes visible rows (layout.rows) x partner columns
 * (layout.partnerColumns); layout.cellIdsAt turns it into ids.
 */

export interface Cursor {
  row: number;
  col: number;
}

export interface GridSize {
  rowCount: number;
  colCount: number;
  /** Rows moved by PageUp / PageDown: the number of rows that fit on screen. Default 10. */
  pageSize?: number;
  /** Viewers may move and read notes but not change levels or flags. */
  readOnly?: boolean;
}

/** The fields of a KeyboardEvent the reducer reads; a real event fits. */
export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

export type MatrixKeyAction =
  | { type: 'setLevel'; level: SkillLevel; at: Cursor }
  | { type: 'toggleGives'; at: Cursor }
  | { type: 'toggleReceives'; at: Cursor }
  | { type: 'openNote'; at: Cursor };

export interface KeyResult {
  cursor: Cursor;
  action?: MatrixKeyAction;
  /** True when the key meant something here; the caller then prevents the default. */
  handled: boolean;
}

export const DEFAULT_PAGE_SIZE = 10;

function clampIndex(value: number, count: number): number {
  if (count <= 0 || !Number.isFinite(value)) return 0;
  return Math.min(count - 1, Math.max(0, Math.trunc(value)));
}

/**
 * Keep a cursor inside the grid. Needed after every layout change: collapsing a group
 * or deleting a partner can leave the old cursor past the end. An empty grid has the
 * cursor at 0,0, pointing at nothing.
 */
export function clampCursor(cursor: Cursor, size: GridSize): Cursor {
  if (size.rowCount <= 0 || size.colCount <= 0) return { row: 0, col: 0 };
  return { row: clampIndex(cursor.row, size.rowCount), col: clampIndex(cursor.col, size.colCount) };
}

function pageSizeOf(size: GridSize): number {
  const page = size.pageSize ?? DEFAULT_PAGE_SIZE;
  return Number.isFinite(page) && page >= 1 ? Math.floor(page) : 1;
}

const LEVEL_KEYS: Readonly<Record<string, SkillLevel>> = { '0': 0, '1': 1, '2': 2, '3': 3, '4': 4 };

function moved(size: GridSize, row: number, col: number): KeyResult {
  return { cursor: clampCursor({ row, col }, size), handled: true };
}

/**
 * Navigation keys: arrows move one cell; Ctrl/Cmd+arrow jumps to that edge (as in a
 * spreadsheet); Home/End go to the first/last partner of the row; Ctrl/Cmd+Home/End
 * go to the first/last cell of the grid; PageUp/PageDown move a page of rows. All
 * clamp at the edges, none wrap: wrapping would hide where the grid ends from a
 * screen-reader user.
 *
 * Editing keys, without Ctrl, Cmd or Alt (those belong to the browser: Ctrl+R
 * reloads, Ctrl+1 switches tab): 0-4 set the level, g toggles "gives", r toggles
 * "wants to receive", Enter opens the note. Shift is ignored, because some layouts
 * (AZERTY) need it to type digits and Caps Lock turns g into G.
 */
export function reduceMatrixKey(current: Cursor, input: KeyInput, size: GridSize): KeyResult {
  const cursor = clampCursor(current, size);
  if (size.rowCount <= 0 || size.colCount <= 0) return { cursor, handled: false };
  if (input.altKey) return { cursor, handled: false };

  const jump = input.ctrlKey === true || input.metaKey === true;
  const lastRow = size.rowCount - 1;
  const lastCol = size.colCount - 1;
  const { row, col } = cursor;

  switch (input.key) {
    case 'ArrowUp':
      return moved(size, jump ? 0 : row - 1, col);
    case 'ArrowDown':
      return moved(size, jump ? lastRow : row + 1, col);
    case 'ArrowLeft':
      return moved(size, row, jump ? 0 : col - 1);
    case 'ArrowRight':
      return moved(size, row, jump ? lastCol : col + 1);
    case 'Home':
      return moved(size, jump ? 0 : row, 0);
    case 'End':
      return moved(size, jump ? lastRow : row, lastCol);
    case 'PageUp':
      return moved(size, row - pageSizeOf(size), col);
    case 'PageDown':
      return moved(size, row + pageSizeOf(size), col);
  }

  if (jump) return { cursor, handled: false };
  if (input.key === 'Enter') return { cursor, action: { type: 'openNote', at: cursor }, handled: true };
  if (size.readOnly) return { cursor, handled: false };

  const level = LEVEL_KEYS[input.key];
  if (level !== undefined) return { cursor, action: { type: 'setLevel', level, at: cursor }, handled: true };
  switch (input.key) {
    case 'g':
    case 'G':
      return { cursor, action: { type: 'toggleGives', at: cursor }, handled: true };
    case 'r':
    case 'R':
      return { cursor, action: { type: 'toggleReceives', at: cursor }, handled: true };
  }
  return { cursor, handled: false };
}
