import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCollection, listRecords, readRecord, updateRecord } from '../doc/records';
import { getMetaMap } from '../doc/meta';
import { COMPASS_CHECKLIST } from '../domain/health/checklist';
import { CURRENT_SCHEMA_VERSION, migrateBoardDoc } from './index';

function boardAtVersion3(): Y.Doc {
  const doc = new Y.Doc();
  getMetaMap(doc).set('schemaVersion', 3);
  return doc;
}

describe('healthChecklist', () => {
  it('seeds the Compass checklist into an existing board, each item valid, in order', () => {
    const doc = boardAtVersion3();
    expect(migrateBoardDoc(doc).applied).toEqual(['healthChecklist']);
    const items = listRecords(doc, 'healthItems');
    expect(items.length).toBe(COMPASS_CHECKLIST.length);
    expect(items.every((r) => r.valid)).toBe(true);
    const ordered = items.map((r) => r.record).sort((a, b) => (a.order < b.order ? -1 : 1));
    expect(ordered.map((r) => r.id)).toEqual(COMPASS_CHECKLIST.map((s) => s.id));
    expect(readRecord(doc, 'healthItems', 'compass-3-5')!.record).toMatchObject({ principle: 3, evidenceRule: 'stakeholderReview', reviewItem: true });
    expect(getMetaMap(doc).get('schemaVersion')).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('a new board gets the checklist too', () => {
    const doc = new Y.Doc();
    migrateBoardDoc(doc);
    expect(getCollection(doc, 'healthItems').size).toBe(COMPASS_CHECKLIST.length);
  });

  it('is idempotent and keeps edits: two servers seeding the same board converge on one checklist', () => {
    const a = boardAtVersion3();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    migrateBoardDoc(a);
    migrateBoardDoc(b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(getCollection(a, 'healthItems').size).toBe(COMPASS_CHECKLIST.length);
    updateRecord(a, 'healthItems', 'compass-1-1', { text: 'Our own words' });
    getMetaMap(a).set('schemaVersion', 3);
    migrateBoardDoc(a);
    expect(readRecord(a, 'healthItems', 'compass-1-1')!.record.text).toBe('Our own words');
  });

  it('skips, and reports, a value of the wrong type under a seed id', () => {
    const doc = boardAtVersion3();
    getCollection(doc, 'healthItems').set('compass-1-1', 'junk' as never);
    const result = migrateBoardDoc(doc);
    expect(result.skipped).toEqual(['healthChecklist: healthItems/compass-1-1: not a record map, skipped']);
    expect(getCollection(doc, 'healthItems').size).toBe(COMPASS_CHECKLIST.length);
  });
});
