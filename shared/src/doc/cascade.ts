import * as Y from 'yjs';
import { matrixCellKey } from '../schema/matrixCell';
import { createRecord, getCollection } from './records';

/**
 * Deletes that must take dependent records with them, each in one transaction so
 * every client sees a consistent board (never a link to a card that is gone).
 */

export function deletePartner(doc: Y.Doc, partnerId: string, origin: unknown = null): void {
  doc.transact(() => {
    const cells = getCollection(doc, 'matrixCells');
    for (const [key, cell] of [...cells.entries()]) {
      if (cell.get('partnerId') === partnerId) cells.delete(key);
    }
    getCollection(doc, 'logicNodes').forEach((node) => {
      if (node.get('leadPartnerId') === partnerId) node.set('leadPartnerId', null);
      const supporting = node.get('supportingPartnerIds');
      if (Array.isArray(supporting) && supporting.includes(partnerId)) {
        node.set('supportingPartnerIds', supporting.filter((id) => id !== partnerId));
      }
    });
    getCollection(doc, 'stakeholders').forEach((stakeholder) => {
      const owners = stakeholder.get('ownerPartnerIds');
      if (Array.isArray(owners) && owners.includes(partnerId)) {
        stakeholder.set('ownerPartnerIds', owners.filter((id) => id !== partnerId));
      }
      if (stakeholder.get('partnerId') === partnerId) stakeholder.set('partnerId', null);
    });
    getCollection(doc, 'partners').delete(partnerId);
  }, origin);
}

export function deleteMatrixRow(doc: Y.Doc, rowId: string, origin: unknown = null): void {
  doc.transact(() => {
    const cells = getCollection(doc, 'matrixCells');
    for (const [key, cell] of [...cells.entries()]) {
      if (cell.get('rowId') === rowId) cells.delete(key);
    }
    getCollection(doc, 'logicNodes').forEach((node) => {
      const rows = node.get('matrixRowIds');
      if (Array.isArray(rows) && rows.includes(rowId)) {
        node.set('matrixRowIds', rows.filter((id) => id !== rowId));
      }
    });
    getCollection(doc, 'matrixRows').delete(rowId);
  }, origin);
}

export function deleteLogicNode(doc: Y.Doc, nodeId: string, origin: unknown = null): void {
  doc.transact(() => {
    const links = getCollection(doc, 'logicLinks');
    for (const [key, link] of [...links.entries()]) {
      if (link.get('from') === nodeId || link.get('to') === nodeId) links.delete(key);
    }
    getCollection(doc, 'logicNodes').delete(nodeId);
  }, origin);
}

export function deleteStakeholder(doc: Y.Doc, stakeholderId: string, origin: unknown = null): void {
  doc.transact(() => {
    const relationships = getCollection(doc, 'relationships');
    for (const [key, rel] of [...relationships.entries()]) {
      if (rel.get('from') === stakeholderId || rel.get('to') === stakeholderId) relationships.delete(key);
    }
    getCollection(doc, 'stakeholders').delete(stakeholderId);
  }, origin);
}

/**
 * Create the empty cells (level 0, no flags) of the given rows for every
 * partner, or of the given partners for every row. Called in the transaction
 * that adds a row or a partner: then two people making the first edit of one
 * cell at the same instant both edit the same Y.Map, and both fields survive.
 * (Creating the cell on first write would let one person's new map replace the
 * other's.) Cells that exist are left alone.
 */
export function createMissingCells(
  doc: Y.Doc,
  scope: { rowIds?: readonly string[]; partnerIds?: readonly string[] },
  origin: unknown = null,
): number {
  const rows = scope.rowIds ?? [...getCollection(doc, 'matrixRows').keys()];
  const partners = scope.partnerIds ?? [...getCollection(doc, 'partners').keys()];
  const cells = getCollection(doc, 'matrixCells');
  let created = 0;
  doc.transact(() => {
    for (const rowId of rows) {
      for (const partnerId of partners) {
        const id = matrixCellKey(rowId, partnerId);
        if (cells.has(id)) continue;
        createRecord(doc, 'matrixCells', { id, rowId, partnerId, level: 0, gives: false, receives: false }, origin);
        created++;
      }
    }
  }, origin);
  return created;
}
