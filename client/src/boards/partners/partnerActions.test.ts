import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, listRecords, readRecord } from '@pc/shared';
import { PARTNER_PALETTE, addPartner, nextPartnerColour, promoteStakeholder, removePartner } from './partnerActions';

const origin = { kind: 'test' };

describe('partner actions', () => {
  it('gives each new partner an unused colour', () => {
    const doc = new Y.Doc();
    const a = addPartner({ doc, localOrigin: origin }, { name: 'Council' });
    const b = addPartner({ doc, localOrigin: origin }, { name: 'Food bank' });
    expect(a.colour).toBe(PARTNER_PALETTE[0]);
    expect(b.colour).toBe(PARTNER_PALETTE[1]);
    expect(nextPartnerColour([...PARTNER_PALETTE])).toBe(PARTNER_PALETTE[0]);
  });

  it('promotes a stakeholder once, keeping its identity and links', () => {
    const doc = new Y.Doc();
    const s = createRecord(doc, 'stakeholders', { name: 'Jo Bloggs', organisation: 'Youth Trust', sector: 'third' });
    const t = createRecord(doc, 'stakeholders', { name: 'Police' });
    createRecord(doc, 'relationships', { from: s.id, to: t.id, type: 'informal' });
    const partner = promoteStakeholder({ doc, localOrigin: origin }, s.id);
    expect(partner).toMatchObject({ name: 'Youth Trust', stakeholderId: s.id, sector: 'third' });
    expect(readRecord(doc, 'stakeholders', s.id)?.record).toMatchObject({ partnerId: partner.id, ring: 'core', name: 'Jo Bloggs' });
    expect(listRecords(doc, 'relationships')).toHaveLength(1);
    expect(promoteStakeholder({ doc, localOrigin: origin }, s.id).id).toBe(partner.id);
    expect(listRecords(doc, 'partners')).toHaveLength(1);
  });

  it('refuses to promote a stakeholder that is gone', () => {
    expect(() => promoteStakeholder({ doc: new Y.Doc(), localOrigin: origin }, 'missing')).toThrow(/no longer on the board/);
  });

  it('removing a promoted partner clears the stakeholder link', () => {
    const doc = new Y.Doc();
    const s = createRecord(doc, 'stakeholders', { name: 'Library' });
    const partner = promoteStakeholder({ doc, localOrigin: origin }, s.id);
    removePartner({ doc, localOrigin: origin }, partner.id);
    expect(readRecord(doc, 'stakeholders', s.id)?.record.partnerId).toBeNull();
    expect(listRecords(doc, 'partners')).toHaveLength(0);
  });
});
