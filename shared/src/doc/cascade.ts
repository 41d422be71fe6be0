import * as Y from 'yjs';
import { getCollection } from './records';

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
