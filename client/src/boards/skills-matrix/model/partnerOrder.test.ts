import { partner } from '@pc/shared/testing';
import { describe, expect, it } from 'vitest';
import { partnerColumns } from './partnerOrder';

describe('partnerColumns', () => {
  it('puts the lead partner first, then sorts by name with numbers read as numbers', () => {
    const order = partnerColumns([
      partner('p1', 'Zeta Trust'),
      partner('p2', 'Group 10'),
      partner('p3', 'Group 2'),
      partner('p4', 'Alba Council', { isLead: false }),
      partner('p5', 'Yarrow Housing', { isLead: true }),
    ]).map((p) => p.name);
    expect(order).toEqual(['Yarrow Housing', 'Alba Council', 'Group 2', 'Group 10', 'Zeta Trust']);
  });

  it('is the same whatever order the records arrive in, and breaks name ties by id', () => {
    const records = [partner('b', 'Same'), partner('a', 'same'), partner('c', 'Other')];
    const forward = partnerColumns(records).map((p) => p.id);
    const backward = partnerColumns([...records].reverse()).map((p) => p.id);
    expect(forward).toEqual(['c', 'a', 'b']);
    expect(backward).toEqual(forward);
  });

  it('drops repeated ids', () => {
    expect(partnerColumns([partner('a'), partner('a')])).toHaveLength(1);
  });
});
