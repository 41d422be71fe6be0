import { describe, expect, it } from 'vitest';
import { compareByOrderThenId, compareOrderKeys } from './ordering';

describe('compareOrderKeys', () => {
  it('compares by code unit, as fractional-indexing generates keys', () => {
    // 'Z' (0x5a) sorts before 'a' (0x61); localeCompare would say otherwise.
    expect(['a0', 'Zz', 'a1', 'a0V'].sort(compareOrderKeys)).toEqual(['Zz', 'a0', 'a0V', 'a1']);
    expect(compareOrderKeys('a0', 'a0')).toBe(0);
  });
});

describe('compareByOrderThenId', () => {
  it('breaks equal keys by id so all peers agree', () => {
    const cards = [
      { id: 'c', order: 'a1' },
      { id: 'b', order: 'a0' },
      { id: 'a', order: 'a1' },
    ];
    expect([...cards].sort(compareByOrderThenId).map((c) => c.id)).toEqual(['b', 'a', 'c']);
  });
});
