import * as Y from 'yjs';
import {
  createMissingCells,
  createRecord,
  deletePartner,
  getCollection,
  readRecord,
  updateRecord,
  type Partner,
  type Sector,
} from '@pc/shared';
import type { DocTarget } from '../../lib/docTarget';

/**
 * Partner colours: distinct, readable with white text, and not relying on
 * red/green alone. A new partner takes the first colour nobody uses yet.
 */
export const PARTNER_PALETTE = [
  '#2563eb',
  '#d97706',
  '#7c3aed',
  '#0f766e',
  '#db2777',
  '#4d7c0f',
  '#b91c1c',
  '#0369a1',
  '#a16207',
  '#6d28d9',
  '#047857',
  '#be185d',
] as const;

export function nextPartnerColour(used: readonly string[]): string {
  const taken = new Set(used.map((colour) => colour.toLowerCase()));
  const free = PARTNER_PALETTE.find((colour) => !taken.has(colour));
  return free ?? PARTNER_PALETTE[used.length % PARTNER_PALETTE.length]!;
}

function usedColours(doc: Y.Doc): string[] {
  const colours: string[] = [];
  getCollection(doc, 'partners').forEach((partner) => {
    const colour = partner instanceof Y.Map ? partner.get('colour') : undefined;
    if (typeof colour === 'string') colours.push(colour);
  });
  return colours;
}

export function addPartner(
  { doc, localOrigin: origin }: DocTarget,
  input: { name: string; sector?: Sector; colour?: string; isLead?: boolean; contact?: string },
): Partner {
  let partner: Partner | undefined;
  doc.transact(() => {
    partner = createRecord(
      doc,
      'partners',
      {
        name: input.name,
        colour: input.colour ?? nextPartnerColour(usedColours(doc)),
        sector: input.sector ?? 'third',
        isLead: input.isLead ?? false,
        contact: input.contact ?? '',
      },
      origin,
    );
    // Its matrix column exists from the start, so concurrent first edits merge.
    createMissingCells(doc, { partnerIds: [partner.id] }, origin);
  }, origin);
  return partner!;
}

/**
 * Promote a stakeholder to a partner in one transaction: the stakeholder keeps
 * its id, fields and relationships and points at its partner record, which
 * points back, so the map, the matrix and the logic model agree on who it is.
 * Promoting twice returns the existing partner.
 */
export function promoteStakeholder({ doc, localOrigin: origin }: DocTarget, stakeholderId: string): Partner {
  const read = readRecord(doc, 'stakeholders', stakeholderId);
  if (!read) throw new Error('That stakeholder is no longer on the board.');
  const existing = read.record.partnerId ? readRecord(doc, 'partners', read.record.partnerId) : undefined;
  if (existing) return existing.record;
  let partner: Partner | undefined;
  doc.transact(() => {
    partner = createRecord(
      doc,
      'partners',
      {
        name: read.record.organisation.trim() || read.record.name,
        colour: nextPartnerColour(usedColours(doc)),
        sector: read.record.sector ?? 'third',
        stakeholderId,
      },
      origin,
    );
    updateRecord(doc, 'stakeholders', stakeholderId, { partnerId: partner.id, ring: 'core' }, origin);
    createMissingCells(doc, { partnerIds: [partner.id] }, origin);
  }, origin);
  return partner!;
}

/** Remove a partner with its matrix cells and its references from activities and stakeholders. */
export function removePartner({ doc, localOrigin: origin }: DocTarget, partnerId: string): void {
  deletePartner(doc, partnerId, origin);
}
