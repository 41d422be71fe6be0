import { describe, expect, it } from 'vitest';
import { partnerSchema, stakeholderSchema, type Stakeholder } from '@pc/shared';
import {
  attitudeKey,
  engagementGap,
  engagementGapBucket,
  engagementIndex,
  fieldOptions,
  fieldValues,
  FIELD_LABELS,
  NONE_VALUE,
  STAKEHOLDER_FIELDS,
} from './fields';

function stakeholder(patch: Partial<Stakeholder> = {}): Stakeholder {
  return { ...stakeholderSchema.parse({ id: 's1', name: 'Someone' }), ...patch };
}

describe('engagement gap', () => {
  it('orders the scale unaware < resistant < neutral < supportive < leading', () => {
    expect(['unaware', 'resistant', 'neutral', 'supportive', 'leading'].map(engagementIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(engagementIndex('bogus')).toBe(0);
  });

  it('is target minus current', () => {
    expect(engagementGap({ engagementCurrent: 'unaware', engagementTarget: 'leading' })).toBe(4);
    expect(engagementGap({ engagementCurrent: 'supportive', engagementTarget: 'supportive' })).toBe(0);
    expect(engagementGap({ engagementCurrent: 'leading', engagementTarget: 'neutral' })).toBe(-2);
  });

  it('buckets gaps for legends and filters', () => {
    expect([-4, -1, 0, 1, 2, 3, 4, Number.NaN].map(engagementGapBucket)).toEqual([
      'beyond',
      'beyond',
      'onTarget',
      'gap1',
      'gap2',
      'gap3plus',
      'gap3plus',
      'onTarget',
    ]);
  });
});

describe('fieldValues', () => {
  it('gives one key per field, from the record', () => {
    const s = stakeholder({
      sector: 'public',
      attitude: -1,
      kind: 'person',
      ring: 'direct',
      power: 4,
      interest: 1,
      frequency: 'monthly',
      saliencePower: true,
      salienceUrgency: true,
      engagementCurrent: 'neutral',
      engagementTarget: 'leading',
    });
    expect(fieldValues(s, 'sector')).toEqual(['public']);
    expect(fieldValues(s, 'attitude')).toEqual(['-1']);
    expect(fieldValues(s, 'kind')).toEqual(['person']);
    expect(fieldValues(s, 'ring')).toEqual(['direct']);
    expect(fieldValues(s, 'quadrant')).toEqual(['keepSatisfied']);
    expect(fieldValues(s, 'power')).toEqual(['4']);
    expect(fieldValues(s, 'interest')).toEqual(['1']);
    expect(fieldValues(s, 'frequency')).toEqual(['monthly']);
    expect(fieldValues(s, 'salience')).toEqual(['dangerous']);
    expect(fieldValues(s, 'engagementGap')).toEqual(['gap2']);
    expect(fieldValues(s, 'engagementCurrent')).toEqual(['neutral']);
    expect(fieldValues(s, 'engagementTarget')).toEqual(['leading']);
  });

  it('gives one owner key per distinct owning partner, or none', () => {
    expect(fieldValues(stakeholder({ ownerPartnerIds: ['p2', 'p1', 'p2'] }), 'owner')).toEqual(['p2', 'p1']);
    expect(fieldValues(stakeholder(), 'owner')).toEqual(['none']);
    expect(fieldValues(stakeholder(), 'frequency')).toEqual(['none']);
  });

  it('clamps odd numbers', () => {
    expect(attitudeKey(-7)).toBe('-2');
    expect(attitudeKey(0.4)).toBe('0');
    expect(attitudeKey(-0.4)).toBe('0');
    expect(attitudeKey(Number.NaN)).toBe('0');
    expect(fieldValues(stakeholder({ power: 9 }), 'power')).toEqual(['4']);
  });

  it('only produces keys that fieldOptions lists', () => {
    const partners = [partnerSchema.parse({ id: 'p1', name: 'Council', colour: '#112233' })];
    const samples = [
      stakeholder(),
      stakeholder({ ownerPartnerIds: ['p1'], attitude: 2, power: 0, interest: 4, ring: 'core', frequency: 'as needed' }),
      stakeholder({ engagementCurrent: 'leading', engagementTarget: 'unaware', salienceLegitimacy: true }),
    ];
    for (const field of STAKEHOLDER_FIELDS) {
      const options = fieldOptions(field, partners).map((o) => o.value);
      expect(new Set(options).size).toBe(options.length);
      for (const s of samples) for (const value of fieldValues(s, field)) expect(options).toContain(value);
      expect(FIELD_LABELS[field]).toBeTruthy();
    }
  });
});

describe('fieldOptions', () => {
  it('lists partners then "No owner" for the owner field', () => {
    const partners = [partnerSchema.parse({ id: 'p1', name: 'Council', colour: '#112233' })];
    expect(fieldOptions('owner', partners)).toEqual([
      { value: 'p1', label: 'Council' },
      { value: 'none', label: 'No owner' },
    ]);
  });

  it('orders attitudes from champion to blocker and puts "No frequency" last', () => {
    expect(fieldOptions('attitude').map((o) => o.label)).toEqual(['Champion', 'Supporter', 'Neutral', 'Sceptic', 'Blocker', 'Not assessed']);
    expect(fieldOptions('frequency').at(-1)).toEqual({ value: 'none', label: 'No frequency' });
  });
});

describe('not assessed', () => {
  it('a new stakeholder is not assessed for sector, attitude and ring; its salience follows power and interest', () => {
    const fresh = stakeholderSchema.parse({ id: 'n', name: 'Riverside Council', power: 4, interest: 4 });
    expect(fieldValues(fresh, 'sector')).toEqual([NONE_VALUE]);
    expect(fieldValues(fresh, 'attitude')).toEqual([NONE_VALUE]);
    expect(fieldValues(fresh, 'ring')).toEqual([NONE_VALUE]);
    expect(fieldValues(fresh, 'salience')).toEqual(['dominant']);
    expect(fieldOptions('ring').at(-1)).toEqual({ value: NONE_VALUE, label: 'Not assessed' });
    expect(fieldValues({ ...fresh, attitude: 0, ring: 'core', sector: 'public' }, 'attitude')).toEqual(['0']);
  });
});
