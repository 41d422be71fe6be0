/**
 * Reordering rows with fractional order keys: moving a row writes one key (its own),
 * so two people reordering different rows at once both keep their change.
 */
import { orderKeyAfter, orderKeyBetween, type MatrixRow } from '@pc/shared';
import { groupMatrixRows } from './rowOrder';

export type MoveDirection = -1 | 1;

/** The rows sharing a row's category and group, in display order, and its position among them. */
export function siblingsOf(rows: readonly MatrixRow[], rowId: string): { siblings: MatrixRow[]; index: number } | null {
  for (const groups of groupMatrixRows(rows).values()) {
    for (const group of groups) {
      const index = group.rows.findIndex((row) => row.id === rowId);
      if (index >= 0) return { siblings: group.rows, index };
    }
  }
  return null;
}

/**
 * The order key that moves a row one place up (-1) or down (+1) inside its group, or
 * null when it is already at that edge (or gone). Moves never cross a group or a
 * category: changing those is an explicit edit of the row, not a reorder.
 */
export function moveRowOrderKey(rows: readonly MatrixRow[], rowId: string, direction: MoveDirection): string | null {
  const found = siblingsOf(rows, rowId);
  if (!found) return null;
  const { siblings, index } = found;
  const neighbour = siblings[index + direction];
  if (!neighbour) return null;
  const beyond = siblings[index + 2 * direction];
  const [before, after] =
    direction === -1 ? [beyond?.order ?? null, neighbour.order] : [neighbour.order, beyond?.order ?? null];
  // Two rows inserted at the same spot at once can share a key; there is no room
  // between equal keys, so step past the neighbour instead of failing.
  if (before !== null && after !== null && before >= after) {
    return direction === -1 ? orderKeyBetween(null, neighbour.order) : orderKeyBetween(neighbour.order, null);
  }
  return orderKeyBetween(before, after);
}

/** Order key for a new row: after every row, so it lands at the end of its group. */
export function newRowOrderKey(rows: readonly Pick<MatrixRow, 'order'>[]): string {
  return orderKeyAfter(rows.map((row) => row.order));
}
