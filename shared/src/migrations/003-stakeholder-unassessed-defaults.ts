import * as Y from 'yjs';
import { getCollection } from '../doc/records';
import { STAKEHOLDER_FORMER_DEFAULTS } from '../schema/stakeholder';
import type { Migration } from './runner';

/**
 * New stakeholders now start "not assessed" for sector, ring and attitude, and
 * their power and legitimacy salience follow their levels. A record written
 * before holds no value where it had the old default; write that default out,
 * so existing boards keep what they showed. Defensive: anything that is not a
 * record map is skipped, and a value already there (right or wrong) is left.
 */
export const stakeholderUnassessedDefaults: Migration = {
  version: 3,
  name: 'stakeholderUnassessedDefaults',
  up(doc: Y.Doc, report) {
    let stakeholders: ReturnType<typeof getCollection>;
    try {
      stakeholders = getCollection(doc, 'stakeholders');
    } catch {
      report('stakeholders: not a map of records, skipped');
      return;
    }
    if (!(stakeholders instanceof Y.Map)) return;
    stakeholders.forEach((record: unknown, id) => {
      if (!(record instanceof Y.Map)) {
        report(`stakeholders/${id}: not a record map, skipped`);
        return;
      }
      for (const [field, value] of Object.entries(STAKEHOLDER_FORMER_DEFAULTS)) {
        if (!record.has(field)) record.set(field, value);
      }
    });
  },
};
