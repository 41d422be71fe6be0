import { describe, expect, it } from 'vitest';
import { stakeholderSchema, type Stakeholder } from '@pc/shared';
import {
  compileFilter,
  EMPTY_FILTER,
  filterStakeholders,
  highlightRanges,
  isFilterActive,
  matches,
  matchesSearch,
  searchHighlights,
  searchTerms,
  setFilterValues,
  toggleFilterValue,
  type StakeholderFilter,
} from './filters';

function stakeholder(id: string, patch: Partial<Stakeholder> = {}): Stakeholder {
  return { ...stakeholderSchema.parse({ id, name: `Name ${id}` }), ...patch };
}

const council = stakeholder('council', {
  name: 'Édinburgh Council',
  organisation: 'City of Edinburgh',
  sector: 'public',
  attitude: 1,
  ownerPartnerIds: ['p1', 'p2'],
  concerns: 'Budget pressure',
  offers: 'Venue hire',
});
const trust = stakeholder('trust', { name: 'Rivers Trust', sector: 'third', attitude: -2, notes: 'Met Ciarán at the café' });
const shop = stakeholder('shop', { name: 'Corner Shop', sector: 'private', attitude: 1 });
const all = [council, trust, shop];

function filter(clauses: StakeholderFilter['clauses'], search = ''): StakeholderFilter {
  return { clauses, search };
}

describe('matches', () => {
  it('lets everything through an empty filter', () => {
    expect(filterStakeholders(all, EMPTY_FILTER)).toEqual(all);
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
  });

  it('ORs values within a field', () => {
    const f = filter([{ field: 'sector', values: ['public', 'third'] }]);
    expect(filterStakeholders(all, f).map((s) => s.id)).toEqual(['council', 'trust']);
  });

  it('ANDs between fields', () => {
    const f = filter([
      { field: 'sector', values: ['public', 'private'] },
      { field: 'attitude', values: ['1'] },
    ]);
    expect(filterStakeholders(all, f).map((s) => s.id)).toEqual(['council', 'shop']);
    expect(matches(trust, f)).toBe(false);
  });

  it('matches a multi-valued field when any owner is wanted', () => {
    expect(matches(council, filter([{ field: 'owner', values: ['p2'] }]))).toBe(true);
    expect(filterStakeholders(all, filter([{ field: 'owner', values: ['none'] }])).map((s) => s.id)).toEqual(['trust', 'shop']);
  });

  it('ignores empty clauses and merges repeated fields as alternatives', () => {
    expect(isFilterActive(filter([{ field: 'sector', values: [] }]))).toBe(false);
    const f = filter([
      { field: 'sector', values: ['public'] },
      { field: 'sector', values: ['private'] },
    ]);
    expect(filterStakeholders(all, f).map((s) => s.id)).toEqual(['council', 'shop']);
  });

  it('matches derived fields such as quadrant and salience', () => {
    const big = stakeholder('big', { power: 4, interest: 4, saliencePower: true, salienceLegitimacy: true });
    expect(matches(big, filter([{ field: 'quadrant', values: ['manageClosely'] }, { field: 'salience', values: ['dominant'] }]))).toBe(true);
    expect(matches(big, filter([{ field: 'quadrant', values: ['monitor'] }]))).toBe(false);
  });

  it('combines clauses with search', () => {
    const f = filter([{ field: 'attitude', values: ['1'] }], 'shop');
    expect(filterStakeholders(all, f).map((s) => s.id)).toEqual(['shop']);
    expect(compileFilter(f)(council)).toBe(false);
  });
});

describe('search', () => {
  it('is case- and accent-insensitive in both directions', () => {
    expect(matchesSearch(council, 'edinburgh council')).toBe(true);
    expect(matchesSearch(council, 'ÉDINBURGH')).toBe(true);
    expect(matchesSearch(trust, 'ciaran cafe')).toBe(true);
    expect(matchesSearch(trust, 'CIARÁN')).toBe(true);
  });

  it('looks in name, organisation, notes, concerns and offers', () => {
    expect(matchesSearch(council, 'city')).toBe(true);
    expect(matchesSearch(council, 'budget')).toBe(true);
    expect(matchesSearch(council, 'venue')).toBe(true);
    expect(matchesSearch(trust, 'met')).toBe(true);
    expect(matchesSearch(council, 'public')).toBe(false);
  });

  it('requires every term, in any field', () => {
    expect(matchesSearch(council, 'venue edinburgh')).toBe(true);
    expect(matchesSearch(council, 'venue rivers')).toBe(false);
  });

  it('treats a blank query as no search', () => {
    expect(searchTerms('   \t ')).toEqual([]);
    expect(matchesSearch(shop, '  ')).toBe(true);
  });

  it('does not match across field boundaries', () => {
    const s = stakeholder('x', { name: 'ab', organisation: 'cd' });
    expect(matchesSearch(s, 'bc')).toBe(false);
  });
});

describe('toggleFilterValue / setFilterValues', () => {
  it('adds and removes values without mutating the filter', () => {
    const once = toggleFilterValue(EMPTY_FILTER, 'sector', 'public');
    expect(once.clauses).toEqual([{ field: 'sector', values: ['public'] }]);
    const twice = toggleFilterValue(once, 'sector', 'third');
    expect(twice.clauses).toEqual([{ field: 'sector', values: ['public', 'third'] }]);
    expect(toggleFilterValue(twice, 'sector', 'public').clauses).toEqual([{ field: 'sector', values: ['third'] }]);
    expect(toggleFilterValue(once, 'sector', 'public').clauses).toEqual([]);
    expect(EMPTY_FILTER.clauses).toEqual([]);
  });

  it('keeps the position of a replaced clause and the search text', () => {
    const f = filter(
      [
        { field: 'sector', values: ['public'] },
        { field: 'kind', values: ['person'] },
      ],
      'x',
    );
    const next = setFilterValues(f, 'sector', ['third', 'third']);
    expect(next).toEqual(
      filter(
        [
          { field: 'sector', values: ['third'] },
          { field: 'kind', values: ['person'] },
        ],
        'x',
      ),
    );
  });
});

describe('highlightRanges', () => {
  it('returns ranges in the original text', () => {
    expect(highlightRanges('Rivers Trust', 'trust')).toEqual([{ start: 7, end: 12 }]);
    expect(highlightRanges('Met Ciarán at the café', 'ciaran cafe')).toEqual([
      { start: 4, end: 10 },
      { start: 18, end: 22 },
    ]);
  });

  it('finds every occurrence and merges overlaps', () => {
    expect(highlightRanges('aaaa', 'aa')).toEqual([{ start: 0, end: 4 }]);
    expect(highlightRanges('ab ab', 'ab')).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ]);
    expect(highlightRanges('abcd', 'ab bc')).toEqual([{ start: 0, end: 3 }]);
  });

  it('maps through expansions and keeps decomposed accents with their letter', () => {
    expect(highlightRanges('Straße', 'strasse')).toEqual([{ start: 0, end: 6 }]);
    expect(highlightRanges('Straße', 'ss')).toEqual([{ start: 4, end: 5 }]);
    expect(highlightRanges('cafe\u0301 bar', 'cafe')).toEqual([{ start: 0, end: 5 }]);
  });

  it('is empty for no query or no text', () => {
    expect(highlightRanges('anything', '')).toEqual([]);
    expect(highlightRanges('', 'x')).toEqual([]);
  });
});

describe('searchHighlights', () => {
  it('reports each field with a hit', () => {
    expect(searchHighlights(council, 'edinburgh venue')).toEqual([
      { field: 'name', ranges: [{ start: 0, end: 9 }] },
      { field: 'organisation', ranges: [{ start: 8, end: 17 }] },
      { field: 'offers', ranges: [{ start: 0, end: 5 }] },
    ]);
    expect(searchHighlights(council, '')).toEqual([]);
  });
});
