import { createRecord, deleteLogicNode, deleteRecord, getCollection, orderKeyBetween, orderKeys, updateMeta, updateRecord, type LogicColumn, type LogicNode, type RecordPatch, type LogicTemplateId } from '@pc/shared';
import type { BoardSession } from '../../../collab/session';
import type { BoardLayout, DropTarget } from '../model/columnLayout';
import { tidyColumns } from '../model/tidy';

/**
 * Every write the logic-model board makes, through the shared accessors with the
 * session's local origin so undo stays per person.
 */

export function chooseTemplate(session: BoardSession, template: LogicTemplateId): void {
  session.stopCapturing();
  updateMeta(session.doc, { logicTemplate: template }, session.localOrigin);
  session.stopCapturing();
}

function orderOf(session: BoardSession, id: string | null): string | null {
  if (id === null) return null;
  return session.collection('logicNodes').get(id)?.order ?? null;
}

/** Order key for a card dropped between two neighbours (either may be missing). */
export function orderForDrop(session: BoardSession, target: Pick<DropTarget, 'previousNodeId' | 'nextNodeId'>): string {
  const before = orderOf(session, target.previousNodeId);
  const after = orderOf(session, target.nextNodeId);
  // Equal keys (two peers inserting at one spot offline) leave no room between: go after.
  return before !== null && after !== null && before >= after ? orderKeyBetween(before, null) : orderKeyBetween(before, after);
}

export function addCard(session: BoardSession, layout: BoardLayout, column: LogicColumn, target?: DropTarget | null): LogicNode {
  session.stopCapturing();
  const cards = layout.cardsByColumn.get(column) ?? [];
  const spot = target && target.column === column ? target : { previousNodeId: cards[cards.length - 1]?.nodeId ?? null, nextNodeId: null };
  const node = createRecord(session.doc, 'logicNodes', { column, text: '', order: orderForDrop(session, spot) }, session.localOrigin);
  session.stopCapturing();
  return node;
}

export function moveCard(session: BoardSession, layout: BoardLayout, id: string, target: DropTarget): boolean {
  const node = session.collection('logicNodes').get(id);
  if (!node) return false;
  // Dropped back between its own neighbours: nothing to write (and no undo step).
  const siblings = layout.cardsByColumn.get(node.column) ?? [];
  const at = siblings.findIndex((b) => b.nodeId === id);
  if (
    at >= 0 &&
    node.column === target.column &&
    (siblings[at - 1]?.nodeId ?? null) === target.previousNodeId &&
    (siblings[at + 1]?.nodeId ?? null) === target.nextNodeId
  ) {
    return false;
  }
  session.stopCapturing();
  updateRecord(session.doc, 'logicNodes', id, { column: target.column, order: orderForDrop(session, target) }, session.localOrigin);
  session.stopCapturing();
  return true;
}

export function updateCard(session: BoardSession, id: string, patch: RecordPatch<'logicNodes'>): void {
  if (!session.collection('logicNodes').get(id)) return;
  updateRecord(session.doc, 'logicNodes', id, patch, session.localOrigin);
}

export function removeCard(session: BoardSession, id: string): void {
  session.stopCapturing();
  deleteLogicNode(session.doc, id, session.localOrigin);
  session.stopCapturing();
}

export type LinkRefusal = 'self' | 'duplicate' | 'missing';

/** Create a causal link unless it is a self-link or repeats one (either way round counts as new). */
export function addLink(session: BoardSession, from: string, to: string): { ok: true; id: string } | { ok: false; reason: LinkRefusal } {
  if (from === to) return { ok: false, reason: 'self' };
  const nodes = session.collection('logicNodes');
  if (!nodes.get(from) || !nodes.get(to)) return { ok: false, reason: 'missing' };
  const exists = session.collection('logicLinks').getSnapshot().some((l) => l.from === from && l.to === to);
  if (exists) return { ok: false, reason: 'duplicate' };
  session.stopCapturing();
  const link = createRecord(session.doc, 'logicLinks', { from, to }, session.localOrigin);
  session.stopCapturing();
  return { ok: true, id: link.id };
}

export function setLinkRationale(session: BoardSession, id: string, rationale: string): void {
  if (!session.collection('logicLinks').get(id)) return;
  updateRecord(session.doc, 'logicLinks', id, { rationale }, session.localOrigin);
}

export function removeLink(session: BoardSession, id: string): void {
  session.stopCapturing();
  deleteRecord(session.doc, 'logicLinks', id, session.localOrigin);
  session.stopCapturing();
}

/**
 * Auto-tidy: reorder cards inside their columns to reduce crossings and write the
 * new order keys in one transaction (one undo step). Only columns whose order
 * changed are rewritten, so a tidy never overwrites a concurrent move elsewhere.
 */
export function tidy(session: BoardSession, columns: readonly LogicColumn[]): { crossingsBefore: number; crossingsAfter: number; moved: number } {
  const nodes = session.collection('logicNodes').getSnapshot();
  const links = session.collection('logicLinks').getSnapshot();
  const result = tidyColumns({ columns, nodes, links });
  let moved = 0;
  if (result.changedColumns.length > 0) {
    session.stopCapturing();
    session.doc.transact(() => {
      const map = getCollection(session.doc, 'logicNodes');
      for (const column of result.changedColumns) {
        const ids = result.orders.get(column) ?? [];
        const keys = orderKeys(ids.length);
        ids.forEach((id, i) => {
          const record = map.get(id);
          if (!record || record.get('order') === keys[i]) return;
          updateRecord(session.doc, 'logicNodes', id, { order: keys[i]! }, session.localOrigin);
          moved += 1;
        });
      }
    }, session.localOrigin);
    session.stopCapturing();
  }
  return { crossingsBefore: result.crossingsBefore, crossingsAfter: result.crossingsAfter, moved };
}
