import { describe, expect, it } from 'vitest';
import { EMPTY_CELL, cellValue, indexCells, uniquePartners } from './cellIndex';
import { cell, partner } from '../fixtures.testutil';

describe('indexCells / cellValue', () => {
  it('reads a stored cell', () => {
    const index = indexCells([cell('r1', 'p1', { level: 3, gives: true, note: 'two trainers' })]);
    expect(cellValue(index, 'r1', 'p1')).toEqual({
      level: 3,
      gives: true,
      receives: false,
      note: 'two trainers',
      exists: true,
    });
  });

  it('treats a missing cell as level 0 with no flags', () => {
    const index = indexCells([cell('r1', 'p1', { level: 3 })]);
    expect(cellValue(index, 'r1', 'p2')).toEqual(EMPTY_CELL);
    expect(cellValue(index, 'r2', 'p1').exists).toBe(false);
  });

  it('keys by rowId and partnerId even when the stored id is stale', () => {
    const stale = { ...cell('r1', 'p1', { level: 2 }), id: 'old:id' };
    expect(cellValue(indexCells([stale]), 'r1', 'p1').level).toBe(2);
  });

  it('lets the later of two records for one cell win', () => {
    const index = indexCells([cell('r1', 'p1', { level: 1 }), cell('r1', 'p1', { level: 4 })]);
    expect(cellValue(index, 'r1', 'p1').level).toBe(4);
  });

  it('clamps out-of-range levels from unvalidated data', () => {
    const bad = { ...cell('r1', 'p1'), level: 7 };
    expect(cellValue(indexCells([bad]), 'r1', 'p1').level).toBe(4);
  });

  it('accepts any iterable, such as a Map of records', () => {
    const records = new Map([['x', cell('r1', 'p1', { receives: true })]]);
    expect(cellValue(indexCells(records.values()), 'r1', 'p1').receives).toBe(true);
  });
});

describe('uniquePartners', () => {
  it('keeps order and drops repeated ids, first wins', () => {
    const result = uniquePartners([partner('a', 'A'), partner('b'), partner('a', 'A again'), partner('c')]);
    expect(result.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(result[0]?.name).toBe('A');
  });

  it('handles an empty list', () => {
    expect(uniquePartners([])).toEqual([]);
  });
});
