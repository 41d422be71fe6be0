import { row } from '@pc/shared/testing';
import { describe, expect, it } from 'vitest';
import type { MatrixRow } from '@pc/shared';
import { sortMatrixRows } from './rowOrder';
import { moveRowOrderKey, newRowOrderKey } from './rowMoves';

function apply(rows: MatrixRow[], id: string, order: string | null): MatrixRow[] {
  if (order === null) return rows;
  return rows.map((r) => (r.id === id ? { ...r, order } : r));
}

const names = (rows: MatrixRow[]) => sortMatrixRows(rows).map((r) => r.id);

describe('moveRowOrderKey', () => {
  const rows = [
    row('a', { order: 'a0' }),
    row('b', { order: 'a1' }),
    row('c', { order: 'a2' }),
    row('k', { order: 'a0', category: 'knowledge' }),
    row('g1', { order: 'a3', group: 'Training' }),
  ];

  it('moves a row up and down inside its group', () => {
    expect(names(apply(rows, 'c', moveRowOrderKey(rows, 'c', -1)))).toEqual(['a', 'c', 'b', 'g1', 'k']);
    expect(names(apply(rows, 'a', moveRowOrderKey(rows, 'a', 1)))).toEqual(['b', 'a', 'c', 'g1', 'k']);
    expect(names(apply(rows, 'b', moveRowOrderKey(rows, 'b', -1)))).toEqual(['b', 'a', 'c', 'g1', 'k']);
  });

  it('returns null at the edge of the group, never crossing into another group or category', () => {
    expect(moveRowOrderKey(rows, 'a', -1)).toBeNull();
    expect(moveRowOrderKey(rows, 'c', 1)).toBeNull();
    expect(moveRowOrderKey(rows, 'g1', -1)).toBeNull();
    expect(moveRowOrderKey(rows, 'k', 1)).toBeNull();
    expect(moveRowOrderKey(rows, 'missing', 1)).toBeNull();
  });

  it('still moves past a neighbour that shares its key', () => {
    const tied = [row('x', { order: 'a1' }), row('y', { order: 'a1' }), row('z', { order: 'a2' })];
    expect(names(apply(tied, 'y', moveRowOrderKey(tied, 'y', -1)))).toEqual(['y', 'x', 'z']);
    expect(names(apply(tied, 'x', moveRowOrderKey(tied, 'x', 1)))[0]).toBe('y');
  });
});

describe('newRowOrderKey', () => {
  it('sorts after every existing row', () => {
    const key = newRowOrderKey([{ order: 'a0' }, { order: 'a5' }]);
    expect(key > 'a5').toBe(true);
  });
});
