import type * as Y from 'yjs';
import { getCollection } from '@pc/shared';

/** Transaction origin of automatic repairs: not a person's edit, so never on anyone's undo stack. */
export const REPAIR_ORIGIN = { kind: 'logic-model-repair' } as const;

/**
 * Links whose card is gone. Deleting a card takes its links with it in one
 * transaction, but a link someone drew to that card at the same moment (or
 * offline) arrives after the delete and points at nothing. The checks already
 * ignore such links; this removes them from the document so every client,
 * export and API reader sees the same clean model.
 */
export function danglingLinkIds(doc: Y.Doc): string[] {
  const nodes = getCollection(doc, 'logicNodes');
  const out: string[] = [];
  getCollection(doc, 'logicLinks').forEach((link, id) => {
    const from = link.get('from');
    const to = link.get('to');
    if (typeof from !== 'string' || typeof to !== 'string' || !nodes.has(from) || !nodes.has(to)) out.push(id);
  });
  return out;
}

export function removeDanglingLinks(doc: Y.Doc, origin: unknown = REPAIR_ORIGIN): number {
  const ids = danglingLinkIds(doc);
  if (ids.length === 0) return 0;
  doc.transact(() => {
    const links = getCollection(doc, 'logicLinks');
    for (const id of ids) links.delete(id);
  }, origin);
  return ids.length;
}
