import * as Y from 'yjs';
import { getCollection } from '../doc/records';
import { orderKeys } from '../doc/order';
import type { Migration } from './runner';

/**
 * Canvas items written without a z-order key would all share the default and
 * flicker in draw order; give them distinct keys, top-to-bottom then left-to-right
 * (the order people read a board), above any item that already has one.
 */
export const canvasItemOrder: Migration = {
  version: 2,
  name: 'canvasItemOrder',
  up(doc: Y.Doc, report) {
    const items = getCollection(doc, 'canvasItems');
    const existing: string[] = [];
    const missing: { id: string; x: number; y: number }[] = [];
    items.forEach((item: unknown, id) => {
      // Loading never fails on content: a value that is not a record is left for the repair step to remove.
      if (!(item instanceof Y.Map)) {
        report(`canvasItems/${id}: not a record map, skipped`);
        return;
      }
      const order = item.get('order');
      if (typeof order === 'string' && order.length > 0) existing.push(order);
      else missing.push({ id, x: Number(item.get('x')) || 0, y: Number(item.get('y')) || 0 });
    });
    if (missing.length === 0) return;
    missing.sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
    const highest = existing.sort().at(-1) ?? null;
    const keys = orderKeys(missing.length, highest, null);
    missing.forEach(({ id }, index) => (items.get(id) as Y.Map<unknown>).set('order', keys[index]));
  },
};
