import { describe, expect, it } from 'vitest';
import { voteSchema } from '../../schema';
import { allocationProblem, ballotsFromVotes, dotsLeft, rankResults, tallyBallots, toggleDot, type RoundRules } from './tally';

const rules: RoundRules = { dotsPerPerson: 3, maxPerItem: 2, targetIds: ['a', 'b', 'c', 'd'] };

describe('a person\'s dots', () => {
  it('counts dots left', () => {
    expect(dotsLeft(rules, {})).toBe(3);
    expect(dotsLeft(rules, { a: 2, b: 1 })).toBe(0);
  });

  it('enforces dots per person, per item and the round\'s targets', () => {
    expect(allocationProblem(rules, { a: 2, b: 1 })).toBeNull();
    expect(allocationProblem(rules, { a: 2, b: 2 })).toBe('You have 3 dots in this vote');
    expect(allocationProblem(rules, { a: 3 })).toBe('At most 2 dots on one item');
    expect(allocationProblem(rules, { z: 1 })).toBe('That item is not part of this vote');
    expect(allocationProblem(rules, { a: -1 })).toMatch(/whole numbers/);
    expect(allocationProblem(rules, { a: 0.5 })).toMatch(/whole numbers/);
  });

  it('places and removes one dot at a time within the limits', () => {
    expect(toggleDot(rules, {}, 'a', 1)).toEqual({ a: 1 });
    expect(toggleDot(rules, { a: 2 }, 'a', 1)).toBeNull();
    expect(toggleDot(rules, { a: 1 }, 'a', -1)).toEqual({});
    expect(toggleDot(rules, {}, 'a', -1)).toBeNull();
    expect(toggleDot(rules, { a: 2, b: 1 }, 'c', 1)).toBeNull();
  });
});

describe('tallying', () => {
  it('sums dots and voters per target, every target listed, most first', () => {
    const { results, voterCount } = tallyBallots(rules, [
      { voterId: 'p1', dots: { a: 2, b: 1 } },
      { voterId: 'p2', dots: { b: 2, c: 1 } },
      { voterId: 'p3', dots: { b: 1 } },
    ]);
    expect(voterCount).toBe(3);
    expect(results).toEqual([
      { targetId: 'b', dots: 4, voters: 3 },
      { targetId: 'a', dots: 2, voters: 1 },
      { targetId: 'c', dots: 1, voters: 1 },
      { targetId: 'd', dots: 0, voters: 0 },
    ]);
  });

  it('ignores a ballot over the limits, a second ballot of one voter, and empty ballots', () => {
    const { results, voterCount } = tallyBallots(rules, [
      { voterId: 'p1', dots: { a: 2, b: 2 } },
      { voterId: 'p2', dots: { c: 1 } },
      { voterId: 'p2', dots: { d: 1 } },
      { voterId: 'p3', dots: {} },
    ]);
    expect(voterCount).toBe(1);
    expect(results.find((r) => r.targetId === 'c')!.dots).toBe(1);
    expect(results.reduce((sum, r) => sum + r.dots, 0)).toBe(1);
  });

  it('reads a named round from its vote records', () => {
    const votes = [
      voteSchema.parse({ id: 'v1', targetId: 'a', voter: 'Ann', voterId: 'x1', roundId: 'r1' }),
      voteSchema.parse({ id: 'v2', targetId: 'a', voter: 'Ann', voterId: 'x1', roundId: 'r1' }),
      voteSchema.parse({ id: 'v3', targetId: 'b', voter: 'Bo', voterId: 'x2', roundId: 'r1' }),
      voteSchema.parse({ id: 'v4', targetId: 'b', voter: 'Cy', voterId: 'x3', roundId: 'other' }),
    ];
    expect(ballotsFromVotes(votes, 'r1')).toEqual([
      { voterId: 'x1', dots: { a: 2 } },
      { voterId: 'x2', dots: { b: 1 } },
    ]);
  });
});

describe('ranking', () => {
  it('gives ties one rank and skips the next', () => {
    const ranked = rankResults([
      { targetId: 'a', dots: 5, voters: 3 },
      { targetId: 'b', dots: 3, voters: 2 },
      { targetId: 'c', dots: 3, voters: 3 },
      { targetId: 'd', dots: 1, voters: 1 },
    ]);
    expect(ranked.map((r) => [r.targetId, r.rank, r.tied])).toEqual([
      ['a', 1, false],
      ['b', 2, true],
      ['c', 2, true],
      ['d', 4, false],
    ]);
  });
});
