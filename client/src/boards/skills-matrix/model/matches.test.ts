import { cell, partner, row } from '@pc/shared/testing';
import { indexCells } from '@pc/shared';
import { describe, expect, it } from 'vitest';
import { canGiveTo, matchSentence, matchesByRow, matchesForPartner, rowMatches, suggestMatches } from './matches';

const A = partner('a', 'Alba Trust');
const B = partner('b', 'Bridge Council');
const C = partner('c', 'Castle Youth');
const partners = [A, B, C];
const safeguarding = row('safe', { name: 'safeguarding training' });

describe('canGiveTo', () => {
  it('needs the giver to have it and to be at least at the receiver level', () => {
    expect(canGiveTo(3, 1)).toBe(true);
    expect(canGiveTo(2, 2)).toBe(true);
    expect(canGiveTo(1, 2)).toBe(false);
    expect(canGiveTo(0, 0)).toBe(false);
    expect(canGiveTo(1, 0)).toBe(true);
  });
});

describe('rowMatches', () => {
  it('pairs a giver with a receiver and says so in a sentence', () => {
    const index = indexCells([
      cell('safe', 'a', { level: 4, gives: true }),
      cell('safe', 'b', { level: 1, receives: true }),
    ]);
    expect(rowMatches(safeguarding, partners, index)).toEqual([
      {
        rowId: 'safe',
        giverId: 'a',
        receiverId: 'b',
        giverLevel: 4,
        receiverLevel: 1,
        sentence: 'Alba Trust can give Bridge Council: safeguarding training',
      },
    ]);
  });

  it('never pairs a partner with itself', () => {
    const index = indexCells([cell('safe', 'a', { level: 3, gives: true, receives: true })]);
    expect(rowMatches(safeguarding, partners, index)).toEqual([]);
  });

  it('lets a partner that gives and receives give to others', () => {
    const index = indexCells([
      cell('safe', 'a', { level: 3, gives: true, receives: true }),
      cell('safe', 'b', { level: 3, gives: true, receives: true }),
    ]);
    const pairs = rowMatches(safeguarding, partners, index).map((m) => `${m.giverId}>${m.receiverId}`);
    expect(pairs).toEqual(['a>b', 'b>a']);
  });

  it('skips givers below the receiver, and givers with nothing', () => {
    const index = indexCells([
      cell('safe', 'a', { level: 1, gives: true }),
      cell('safe', 'b', { level: 0, gives: true }),
      cell('safe', 'c', { level: 2, receives: true }),
    ]);
    expect(rowMatches(safeguarding, partners, index)).toEqual([]);
  });

  it('allows equal levels (peer sharing)', () => {
    const index = indexCells([
      cell('safe', 'a', { level: 2, gives: true }),
      cell('safe', 'b', { level: 2, receives: true }),
    ]);
    expect(rowMatches(safeguarding, partners, index)).toHaveLength(1);
  });

  it('treats a missing receiver cell as level 0, so it never receives', () => {
    // Without a cell there is no receives tick either: no suggestion.
    const index = indexCells([cell('safe', 'a', { level: 2, gives: true })]);
    expect(rowMatches(safeguarding, partners, index)).toEqual([]);
  });

  it('orders by giver level, then giver and receiver in partner order', () => {
    const index = indexCells([
      cell('safe', 'a', { level: 2, gives: true }),
      cell('safe', 'b', { level: 4, gives: true }),
      cell('safe', 'c', { level: 0, receives: true }),
      cell('safe', 'd', { level: 1, receives: true }),
    ]);
    const D = partner('d', 'Dunes CIC');
    const pairs = rowMatches(safeguarding, [A, B, C, D], index).map((m) => `${m.giverId}>${m.receiverId}`);
    expect(pairs).toEqual(['b>c', 'b>d', 'a>c', 'a>d']);
  });

  it('keeps partner order among givers at the same level whatever the input permutation', () => {
    const cells = [
      cell('safe', 'a', { level: 3, gives: true }),
      cell('safe', 'b', { level: 3, gives: true }),
      cell('safe', 'c', { level: 3, gives: true }),
      cell('safe', 'r', { level: 1, receives: true }),
    ];
    const R = partner('r', 'Riverside');
    const forward = rowMatches(safeguarding, [A, B, C, R], indexCells(cells)).map((m) => m.giverId);
    const reversed = rowMatches(safeguarding, [C, B, A, R], indexCells([...cells].reverse())).map((m) => m.giverId);
    expect(forward).toEqual(['a', 'b', 'c']);
    expect(reversed).toEqual(['c', 'b', 'a']);
  });

  it('uses the row name verbatim', () => {
    expect(matchSentence('A', 'B', 'GDPR & data protection')).toBe('A can give B: GDPR & data protection');
  });
});

describe('suggestMatches', () => {
  const rows = [row('venue', { name: 'venues', category: 'resource' }), safeguarding];
  const cells = [
    cell('safe', 'a', { level: 4, gives: true }),
    cell('safe', 'b', { receives: true }),
    cell('venue', 'c', { level: 3, gives: true }),
    cell('venue', 'a', { level: 0, receives: true }),
    cell('venue', 'ghost', { level: 0, receives: true }),
  ];

  it('lists matches in row order and ignores partners not on the board', () => {
    const matches = suggestMatches(rows, partners, cells);
    expect(matches.map((m) => m.sentence)).toEqual([
      'Castle Youth can give Alba Trust: venues',
      'Alba Trust can give Bridge Council: safeguarding training',
    ]);
  });

  it('does not duplicate pairs when a partner is listed twice', () => {
    expect(suggestMatches(rows, [A, B, C, A], cells)).toHaveLength(2);
  });

  it('returns nothing for an empty board', () => {
    expect(suggestMatches([], [], [])).toEqual([]);
    expect(suggestMatches(rows, [], cells)).toEqual([]);
  });

  it('groups by row and filters by partner', () => {
    const matches = suggestMatches(rows, partners, cells);
    const byRow = matchesByRow(matches);
    expect([...byRow.keys()]).toEqual(['venue', 'safe']);
    expect(byRow.get('safe')).toHaveLength(1);
    expect(matchesForPartner(matches, 'a')).toHaveLength(2);
    expect(matchesForPartner(matches, 'b').map((m) => m.rowId)).toEqual(['safe']);
    expect(matchesForPartner(matches, 'nobody')).toEqual([]);
  });
});
