/**
 * Every write the stakeholder map makes to the board document, through the shared
 * accessors and with the caller's origin (the session's localOrigin), so undo
 * stays per person. Plain functions over a Y.Doc: the integration tests drive the
 * very same writes from Node clients.
 */
import {
  createRecord,
  deleteRecord,
  deleteStakeholder,
  getCollection,
  listRecords,
  readRecord,
  updateRecord,
  type Relationship,
  type RecordPatch,
  type Stakeholder,
} from '@pc/shared';
import { parseFastEntry, type FastEntryResult } from './model/fastEntry';
import { dropPatch, patchChanges, type DropPatch, type MapLayout } from './model/mapLayout';
import { type Point } from '../../lib/geometry';
import type { DocTarget } from '../../lib/docTarget';

/**
 * Turn fast-entry text (one name per line) into unplaced stakeholders waiting in
 * the tray, all in one transaction so everyone sees the whole list arrive at once.
 */
export function addStakeholdersFromText({ doc, localOrigin: origin }: DocTarget, text: string): FastEntryResult {
  const existing = listRecords(doc, 'stakeholders').map(({ record }) => record);
  const result = parseFastEntry(text, { existing, trayStartIndex: existing.filter((s) => !s.placed).length });
  if (result.items.length > 0) {
    doc.transact(() => {
      for (const item of result.items) createRecord(doc, 'stakeholders', item.input, origin);
    }, origin);
  }
  return result;
}

export function updateStakeholder({ doc, localOrigin: origin }: DocTarget, id: string, patch: RecordPatch<'stakeholders'>): void {
  if (!getCollection(doc, 'stakeholders').has(id)) return; // removed by someone else meanwhile
  updateRecord(doc, 'stakeholders', id, patch, origin);
}

/**
 * Move (or place, from the tray) a stakeholder by dropping it at a world point of
 * the given layout. Writes only the fields that change, so a drag that stays in
 * one grid cell sends nothing, and two people dragging the same card converge on
 * one of the positions they chose (each write sets all its fields in one
 * transaction). Returns the patch written, or null when nothing changed.
 */
export function dropStakeholder({ doc, localOrigin: origin }: DocTarget, id: string, layout: MapLayout, point: Point): DropPatch | null {
  const read = readRecord(doc, 'stakeholders', id);
  if (!read) return null;
  const patch: DropPatch & { placed?: boolean } = dropPatch(layout, point);
  const changes = patchChanges(read.record, patch);
  if (!changes && read.record.placed) return null;
  updateRecord(doc, 'stakeholders', id, read.record.placed ? patch : { ...patch, placed: true }, origin);
  return patch;
}

/** Put a placed stakeholder back into the "to place" tray. */
export function returnToTray({ doc, localOrigin: origin }: DocTarget, id: string): void {
  updateStakeholder({ doc, localOrigin: origin }, id, { placed: false });
}

/** Remove a stakeholder with its relationships (one transaction). */
export function removeStakeholder({ doc, localOrigin: origin }: DocTarget, id: string): void {
  deleteStakeholder(doc, id, origin);
}

export function toggleOwner({ doc, localOrigin: origin }: DocTarget, stakeholder: Pick<Stakeholder, 'id' | 'ownerPartnerIds'>, partnerId: string): void {
  const owners = stakeholder.ownerPartnerIds.includes(partnerId)
    ? stakeholder.ownerPartnerIds.filter((id) => id !== partnerId)
    : [...stakeholder.ownerPartnerIds, partnerId];
  updateStakeholder({ doc, localOrigin: origin }, stakeholder.id, { ownerPartnerIds: owners });
}

export const RELATIONSHIP_TYPES = ['funds', 'reports to', 'governs', 'commissions', 'partners with', 'advises', 'informal'] as const;

/**
 * Draw a relationship between two stakeholders. A self-link, or a second link of
 * the same type between the same two in the same direction, is refused (null):
 * dragging twice by mistake should not stack identical edges.
 */
export function addRelationship(
  { doc, localOrigin: origin }: DocTarget,
  from: string,
  to: string,
  fields: Partial<Pick<Relationship, 'type' | 'strength' | 'direction'>> = {},
): Relationship | null {
  if (from === to) return null;
  const stakeholders = getCollection(doc, 'stakeholders');
  if (!stakeholders.has(from) || !stakeholders.has(to)) return null;
  const type = fields.type ?? 'informal';
  const duplicate = listRecords(doc, 'relationships').some(
    ({ record }) => record.from === from && record.to === to && record.type === type,
  );
  if (duplicate) return null;
  return createRecord(doc, 'relationships', { from, to, type, strength: fields.strength ?? 3, direction: fields.direction ?? 'forward' }, origin);
}

export function updateRelationship({ doc, localOrigin: origin }: DocTarget, id: string, patch: RecordPatch<'relationships'>): void {
  if (!getCollection(doc, 'relationships').has(id)) return;
  updateRecord(doc, 'relationships', id, patch, origin);
}

export function removeRelationship({ doc, localOrigin: origin }: DocTarget, id: string): void {
  deleteRecord(doc, 'relationships', id, origin);
}
