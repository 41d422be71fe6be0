import { describe, expect, it } from 'vitest';
import { matchesWords, queryWords, topMatches } from './topMatches';

describe('top matches', () => {
  const byNumber = (a: number, b: number) => a - b;

  it('keeps the best few in order and counts every match', () => {
    const items = [9, 3, 7, 1, 8, 2, 6];
    expect(topMatches(items, () => true, byNumber, 3)).toEqual({ shown: [1, 2, 3], total: 7 });
    expect(topMatches(items, (n) => n % 2 === 0, byNumber, 10)).toEqual({ shown: [2, 6, 8], total: 3 });
    expect(topMatches(items, () => false, byNumber, 3)).toEqual({ shown: [], total: 0 });
  });

  it('keeps the items order between equals', () => {
    const items = [{ k: 1, id: 'a' }, { k: 0, id: 'b' }, { k: 1, id: 'c' }, { k: 0, id: 'd' }];
    expect(topMatches(items, () => true, (a, b) => a.k - b.k, 3).shown.map((x) => x.id)).toEqual(['b', 'd', 'a']);
  });

  it('agrees with a full sort on a large list', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_007);
    const { shown, total } = topMatches(items, (n) => n % 3 === 0, byNumber, 8);
    expect(total).toBe(items.filter((n) => n % 3 === 0).length);
    expect(shown).toEqual(items.filter((n) => n % 3 === 0).sort(byNumber).slice(0, 8));
  });

  it('matches every word of a query, ignoring case', () => {
    expect(queryWords('  Home  VISITS ')).toEqual(['home', 'visits']);
    expect(queryWords('')).toEqual([]);
    expect(matchesWords('Outputs: Home visits made', queryWords('visits home'))).toBe(true);
    expect(matchesWords('Outputs: Home visits made', queryWords('visits away'))).toBe(false);
    expect(matchesWords('anything', [])).toBe(true);
  });
});
