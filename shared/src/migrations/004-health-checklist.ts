import * as Y from 'yjs';
import { getCollection } from '../doc/records';
import { orderKeys } from '../doc/order';
import { COMPASS_CHECKLIST } from '../domain/health/checklist';
import type { Migration } from './runner';

/**
 * Every board gets the Compass's action checklist as `healthItems` records
 * (new boards too: a new board's document runs every step on first load).
 * Fixed ids and "create only what is missing" make it idempotent when two
 * servers run it at once; a record of the wrong type under a seed id is left
 * and reported.
 */
export const healthChecklist: Migration = {
  version: 4,
  name: 'healthChecklist',
  up(doc: Y.Doc, report) {
    const items = getCollection(doc, 'healthItems');
    if (!(items instanceof Y.Map)) {
      report('healthItems: not a map of records, skipped');
      return;
    }
    // Order keys are fixed too (the same sequence every time), for the same reason as the ids.
    const keys = orderKeys(COMPASS_CHECKLIST.length);
    COMPASS_CHECKLIST.forEach((seed, i) => {
      const existing = items.get(seed.id);
      if (existing !== undefined) {
        if (!(existing instanceof Y.Map)) report(`healthItems/${seed.id}: not a record map, skipped`);
        return;
      }
      const record = new Y.Map<unknown>();
      record.set('id', seed.id);
      record.set('principle', seed.principle);
      record.set('text', seed.text);
      record.set('order', keys[i]!);
      if (seed.evidenceRule) record.set('evidenceRule', seed.evidenceRule);
      if (seed.reviewItem) record.set('reviewItem', true);
      items.set(seed.id, record);
    });
  },
};
