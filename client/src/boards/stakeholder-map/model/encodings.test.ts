import { describe, expect, it } from 'vitest';
import { partnerSchema, stakeholderSchema, type Partner, type Stakeholder } from '@pc/shared';
import { STAKEHOLDER_FIELDS } from './fields';
import {
  cardRadius,
  cardScale,
  colourBy,
  engagementGap,
  NO_VALUE_COLOUR,
  ownerColourKey,
  ownerColours,
  radiusForLevel,
  SHARED_OWNER_COLOUR,
} from './encodings';

function stakeholder(id: string, patch: Partial<Stakeholder> = {}): Stakeholder {
  return { ...stakeholderSchema.parse({ id, name: `Name ${id}` }), ...patch };
}

const partners: Partner[] = [
  partnerSchema.parse({ id: 'p1', name: 'Council', colour: '#aa0000' }),
  partnerSchema.parse({ id: 'p2', name: 'Charity', colour: '#00aa00' }),
];

const HEX = /^#[0-9a-fA-F]{6}$/;

describe('colourBy', () => {
  it('gives every stakeholder a colour and a full legend for every field', () => {
    const list = [stakeholder('a'), stakeholder('b', { sector: 'private', attitude: 2, ownerPartnerIds: ['p1'] })];
    for (const field of STAKEHOLDER_FIELDS) {
      const { colourOf, legend } = colourBy(list, field, partners);
      expect(colourOf.size).toBe(2);
      for (const colour of colourOf.values()) expect(colour).toMatch(HEX);
      for (const entry of legend) expect(entry.colour).toMatch(HEX);
      expect(legend.reduce((sum, e) => sum + e.count, 0)).toBe(2);
      // Within a field, distinct values are told apart by colour (except the grey "no value").
      const colours = legend.filter((e) => e.colour !== NO_VALUE_COLOUR).map((e) => e.colour);
      expect(new Set(colours).size).toBe(colours.length);
    }
  });

  it('colours by sector with counts in the legend', () => {
    const list = [stakeholder('a', { sector: 'public' }), stakeholder('b', { sector: 'public' }), stakeholder('c', { sector: 'academic' }), stakeholder('d')];
    const { colourOf, legend } = colourBy(list, 'sector');
    expect(legend.map((e) => [e.value, e.label, e.count])).toEqual([
      ['public', 'Public', 2],
      ['third', 'Third', 0],
      ['private', 'Private', 0],
      ['community', 'Community', 0],
      ['academic', 'Academic', 1],
      ['none', 'Not assessed', 1],
    ]);
    expect(colourOf.get('d')).toBe(NO_VALUE_COLOUR);
    expect(colourOf.get('a')).toBe(colourOf.get('b'));
    expect(colourOf.get('a')).not.toBe(colourOf.get('c'));
  });

  it('colours by owning partner using partner colours, grey for none, a neutral for several', () => {
    const list = [
      stakeholder('solo', { ownerPartnerIds: ['p2'] }),
      stakeholder('both', { ownerPartnerIds: ['p1', 'p2'] }),
      stakeholder('nobody'),
      stakeholder('gone', { ownerPartnerIds: ['deleted'] }),
      stakeholder('oneLeft', { ownerPartnerIds: ['deleted', 'p1'] }),
    ];
    const { colourOf, legend } = colourBy(list, 'owner', partners);
    expect(colourOf.get('solo')).toBe('#00aa00');
    expect(colourOf.get('both')).toBe(SHARED_OWNER_COLOUR);
    expect(colourOf.get('nobody')).toBe(NO_VALUE_COLOUR);
    expect(colourOf.get('gone')).toBe(NO_VALUE_COLOUR);
    expect(colourOf.get('oneLeft')).toBe('#aa0000');
    expect(legend.map((e) => [e.label, e.count])).toEqual([
      ['Council', 1],
      ['Charity', 1],
      ['Several partners', 1],
      ['No owner', 2],
    ]);
  });

  it('colours the engagement gap by bucket', () => {
    const list = [
      stakeholder('far', { engagementCurrent: 'unaware', engagementTarget: 'leading' }),
      stakeholder('done', { engagementCurrent: 'supportive', engagementTarget: 'supportive' }),
    ];
    const { colourOf, legend } = colourBy(list, 'engagementGap');
    expect(colourOf.get('far')).toBe(legend.find((e) => e.value === 'gap3plus')!.colour);
    expect(colourOf.get('done')).toBe(legend.find((e) => e.value === 'onTarget')!.colour);
  });

  it('handles an empty board', () => {
    const { colourOf, legend } = colourBy([], 'quadrant');
    expect(colourOf.size).toBe(0);
    expect(legend.map((e) => e.label)).toEqual(['Manage closely', 'Keep satisfied', 'Keep informed', 'Monitor']);
  });
});

describe('owner helpers', () => {
  it('lists all known owner colours in the stakeholder’s order', () => {
    expect(ownerColours(stakeholder('x', { ownerPartnerIds: ['p2', 'zz', 'p1'] }), partners)).toEqual(['#00aa00', '#aa0000']);
    expect(ownerColourKey(stakeholder('x', { ownerPartnerIds: ['p2', 'p2'] }), partners)).toBe('p2');
  });
});

describe('engagementGap re-export', () => {
  it('is available from encodings', () => {
    expect(engagementGap({ engagementCurrent: 'resistant', engagementTarget: 'supportive' })).toBe(2);
  });
});

describe('size encoding', () => {
  it('grows area linearly with the level between min and max radius', () => {
    const range = { min: 10, max: 30 };
    expect(radiusForLevel(0, range)).toBe(10);
    expect(radiusForLevel(4, range)).toBe(30);
    const areas = [0, 1, 2, 3, 4].map((level) => radiusForLevel(level, range) ** 2);
    const steps = areas.slice(1).map((a, i) => a - areas[i]!);
    for (const step of steps) expect(step).toBeCloseTo(200, 9);
  });

  it('clamps levels and tolerates a reversed range', () => {
    expect(radiusForLevel(12, { min: 10, max: 30 })).toBe(30);
    expect(radiusForLevel(-1, { min: 10, max: 30 })).toBe(10);
    expect(radiusForLevel(4, { min: 30, max: 10 })).toBe(30);
  });

  it('sizes a card by power, interest or nothing', () => {
    const s = { power: 4, interest: 0 };
    const range = { min: 10, max: 30 };
    expect(cardRadius(s, 'power', range)).toBe(30);
    expect(cardRadius(s, 'interest', range)).toBe(10);
    expect(cardRadius(s, 'none', range)).toBeCloseTo(Math.sqrt(500), 9);
    expect(cardScale(s, 'power', 15, range)).toBe(2);
    expect(cardScale(s, 'power', 0, range)).toBe(1);
  });
});
