import { describe, expect, it } from 'vitest';
import { partnerSchema, stakeholderSchema, type Partner, type Stakeholder } from '../../schema';
import { contactStatus, deriveCommsPlan, isIsoDate, localIsoDate, nextDueDate, sortCommsPlan, type CommsPlanRow } from './commsPlan';

function stakeholder(id: string, patch: Partial<Stakeholder> = {}): Stakeholder {
  return { ...stakeholderSchema.parse({ id, name: `Name ${id}` }), ...patch };
}

const partners: Partner[] = [
  partnerSchema.parse({ id: 'p1', name: 'Council', colour: '#aa0000' }),
  partnerSchema.parse({ id: 'p2', name: 'Charity', colour: '#00aa00' }),
];
const TODAY = '2026-03-15';

describe('nextDueDate', () => {
  it('adds the cadence in days or calendar months', () => {
    expect(nextDueDate('2026-03-15', 'weekly')).toBe('2026-03-22');
    expect(nextDueDate('2026-03-25', 'fortnightly')).toBe('2026-04-08');
    expect(nextDueDate('2026-03-15', 'monthly')).toBe('2026-04-15');
    expect(nextDueDate('2026-11-30', 'quarterly')).toBe('2027-02-28');
    expect(nextDueDate('2026-03-15', 'yearly')).toBe('2027-03-15');
  });

  it('clamps to the end of shorter months and handles leap years', () => {
    expect(nextDueDate('2026-01-31', 'monthly')).toBe('2026-02-28');
    expect(nextDueDate('2028-01-31', 'monthly')).toBe('2028-02-29');
    expect(nextDueDate('2028-02-29', 'yearly')).toBe('2029-02-28');
    expect(nextDueDate('2026-12-31', 'monthly')).toBe('2027-01-31');
    expect(nextDueDate('2028-02-26', 'weekly')).toBe('2028-03-04');
  });

  it('is null without a cadence or a real date', () => {
    expect(nextDueDate('2026-03-15', '')).toBeNull();
    expect(nextDueDate('2026-03-15', 'as needed')).toBeNull();
    expect(nextDueDate('2026-03-15', 'hourly')).toBeNull();
    expect(nextDueDate('', 'weekly')).toBeNull();
    expect(nextDueDate('2026-02-30', 'monthly')).toBeNull();
    expect(nextDueDate('15/03/2026', 'weekly')).toBeNull();
  });
});

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('formats a Date as the local calendar date', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('contactStatus', () => {
  it('classifies by next contact against today', () => {
    expect(contactStatus('2026-03-14', 'monthly', TODAY)).toBe('overdue');
    expect(contactStatus('2026-03-15', '', TODAY)).toBe('dueToday');
    expect(contactStatus('2026-03-16', 'as needed', TODAY)).toBe('scheduled');
  });

  it('flags a regular frequency with no date as not scheduled, but not "as needed"', () => {
    expect(contactStatus('', 'weekly', TODAY)).toBe('notScheduled');
    expect(contactStatus('2026-02-31', 'weekly', TODAY)).toBe('notScheduled');
    expect(contactStatus('', 'as needed', TODAY)).toBe('noPlan');
    expect(contactStatus('', '', TODAY)).toBe('noPlan');
  });

  it('rejects an invalid today', () => {
    expect(() => contactStatus('', '', '2026-3-5')).toThrow(RangeError);
    expect(() => deriveCommsPlan([], [], 'today')).toThrow(/calendar date/);
  });
});

describe('deriveCommsPlan', () => {
  const list = [
    stakeholder('b', { name: 'Bravo', ownerPartnerIds: ['p2', 'gone', 'p1'], channel: 'Email', frequency: 'monthly', nextContact: '2026-03-01' }),
    stakeholder('a', { name: 'alpha', frequency: 'weekly' }),
    stakeholder('c', { name: 'Charlie', nextContact: '2026-04-14', organisation: 'Org' }),
  ];

  it('derives one row per stakeholder in name order', () => {
    const rows = deriveCommsPlan(list, partners, TODAY);
    expect(rows.map((r) => r.stakeholderId)).toEqual(['a', 'b', 'c']);
    expect(rows[1]).toEqual<CommsPlanRow>({
      stakeholderId: 'b',
      name: 'Bravo',
      organisation: '',
      ownerIds: ['p2', 'p1'],
      ownerNames: ['Charity', 'Council'],
      channel: 'Email',
      frequency: 'monthly',
      nextContact: '2026-03-01',
      status: 'overdue',
      overdue: true,
      daysUntil: -14,
    });
    expect(rows[0]).toMatchObject({ status: 'notScheduled', overdue: false, daysUntil: null, nextContact: '' });
    expect(rows[2]).toMatchObject({ status: 'scheduled', overdue: false, daysUntil: 30, ownerNames: [] });
  });

  it('is empty for no stakeholders', () => {
    expect(deriveCommsPlan([], partners, TODAY)).toEqual([]);
  });
});

describe('sortCommsPlan', () => {
  const rows = deriveCommsPlan(
    [
      stakeholder('1', { name: 'Dee', frequency: 'yearly', nextContact: '2026-05-01', ownerPartnerIds: ['p1'] }),
      stakeholder('2', { name: 'Cee', frequency: '', nextContact: '' }),
      stakeholder('3', { name: 'Bee', frequency: 'weekly', nextContact: '2026-01-01', ownerPartnerIds: ['p2'] }),
      stakeholder('4', { name: 'Ay', frequency: 'weekly', nextContact: '2026-03-15', channel: 'Phone' }),
    ],
    partners,
    TODAY,
  );
  const ids = (sorted: CommsPlanRow[]) => sorted.map((r) => r.stakeholderId);

  it('sorts text columns both ways', () => {
    expect(ids(sortCommsPlan(rows, 'name'))).toEqual(['4', '3', '2', '1']);
    expect(ids(sortCommsPlan(rows, 'name', 'desc'))).toEqual(['1', '2', '3', '4']);
  });

  it('puts empty cells last in both directions', () => {
    expect(ids(sortCommsPlan(rows, 'nextContact'))).toEqual(['3', '4', '1', '2']);
    expect(ids(sortCommsPlan(rows, 'nextContact', 'desc'))).toEqual(['1', '4', '3', '2']);
    expect(ids(sortCommsPlan(rows, 'owners', 'desc'))).toEqual(['1', '3', '4', '2']);
    expect(ids(sortCommsPlan(rows, 'channel'))).toEqual(['4', '3', '2', '1']);
  });

  it('sorts frequency by cadence and status by urgency, stably', () => {
    // Ties (the two weekly rows) keep their input order (name order), in both directions.
    expect(ids(sortCommsPlan(rows, 'frequency'))).toEqual(['4', '3', '1', '2']);
    expect(ids(sortCommsPlan(rows, 'frequency', 'desc'))).toEqual(['1', '4', '3', '2']);
    expect(ids(sortCommsPlan(rows, 'status'))).toEqual(['3', '4', '1', '2']);
  });

  it('does not mutate its input and handles no rows', () => {
    const before = ids(rows);
    sortCommsPlan(rows, 'status', 'desc');
    expect(ids(rows)).toEqual(before);
    expect(sortCommsPlan([], 'name')).toEqual([]);
  });
});
