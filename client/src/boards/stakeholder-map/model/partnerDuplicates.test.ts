import { describe, expect, it } from 'vitest';
import { duplicatePartnerFor, partnerNameKey } from './partnerDuplicates';

const partners = [
  { id: 'p1', name: 'Riverside Council', stakeholderId: null },
  { id: 'p2', name: 'Youth Forum', stakeholderId: 's9' },
];

describe('duplicatePartnerFor', () => {
  it('matches a partner by name ignoring case and spaces', () => {
    expect(duplicatePartnerFor({ id: 's1', name: '  riverside   COUNCIL ', organisation: '' }, partners)?.id).toBe('p1');
    expect(duplicatePartnerFor({ id: 's1', name: 'RiversideCouncil', organisation: '' }, partners)?.id).toBe('p1');
  });

  it('matches on the organisation, which is the name a promoted partner takes', () => {
    expect(duplicatePartnerFor({ id: 's1', name: 'Jo Bloggs', organisation: 'Riverside council' }, partners)?.id).toBe('p1');
  });

  it('finds nothing for a different name, an empty name, or the stakeholder’s own partner', () => {
    expect(duplicatePartnerFor({ id: 's1', name: 'Riverside Trust', organisation: '' }, partners)).toBeUndefined();
    expect(duplicatePartnerFor({ id: 's1', name: '', organisation: '' }, [{ id: 'p3', name: '  ', stakeholderId: null }])).toBeUndefined();
    expect(duplicatePartnerFor({ id: 's9', name: 'Youth Forum', organisation: '' }, partners)).toBeUndefined();
  });

  it('folds accents too', () => {
    expect(partnerNameKey('Café Nord')).toBe(partnerNameKey('cafe nord'));
  });
});
