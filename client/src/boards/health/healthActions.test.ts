import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCollection, getMetaMap, listRecords, migrateBoardDoc, readRecord } from '@pc/shared';
import { addPartner } from '../partners/partnerActions';
import { clearRating, rateItem, setAnonymousRatings, setPairStage, setReviewInterval } from './healthActions';

const origin = { kind: 'test' };

function board() {
  const doc = new Y.Doc();
  migrateBoardDoc(doc);
  const target = { doc, localOrigin: origin };
  const a = addPartner(target, { name: 'Alba Trust' });
  const b = addPartner(target, { name: 'Bridge Council' });
  return { doc, target, a, b };
}

describe('ratings', () => {
  it('creates a rating on first write and stamps the time a level was set', () => {
    const { doc, target, a } = board();
    expect(rateItem(target, 'compass-1-1', a.id, { level: 'partly' }, 1000)).toBe(true);
    rateItem(target, 'compass-1-1', a.id, { note: 'Vision drafted at the away day' }, 2000);
    expect(readRecord(doc, 'healthResponses', `compass-1-1:${a.id}`)!.record).toMatchObject({ level: 'partly', note: 'Vision drafted at the away day', ratedAt: 1000 });
    rateItem(target, 'compass-1-1', a.id, { level: 'fully' }, 3000);
    expect(readRecord(doc, 'healthResponses', `compass-1-1:${a.id}`)!.record).toMatchObject({ level: 'fully', ratedAt: 3000 });
    clearRating(target, 'compass-1-1', a.id);
    expect(getCollection(doc, 'healthResponses').size).toBe(0);
  });

  it('keeps both partners when they rate the same item at once on two copies', () => {
    const { doc, a, b } = board();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    rateItem({ doc, localOrigin: origin }, 'compass-2-1', a.id, { level: 'fully' });
    rateItem({ doc: other, localOrigin: origin }, 'compass-2-1', b.id, { level: 'notYet' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(listRecords(doc, 'healthResponses').map((r) => r.record.partnerId).sort()).toEqual([a.id, b.id].sort());
  });

  it('writes nothing for a removed item or partner, or while ratings are anonymous; turning anonymity on removes named ratings', () => {
    const { doc, target, a } = board();
    expect(rateItem(target, 'nope', a.id, { level: 'fully' })).toBe(false);
    expect(rateItem(target, 'compass-1-1', 'gone', { level: 'fully' })).toBe(false);
    rateItem(target, 'compass-1-1', a.id, { level: 'fully' });
    setAnonymousRatings(target, true);
    expect(getCollection(doc, 'healthResponses').size).toBe(0);
    expect(rateItem(target, 'compass-1-1', a.id, { level: 'fully' })).toBe(false);
    expect(getMetaMap(doc).get('healthAnonymous')).toBe(true);
    setReviewInterval(target, 30);
    expect(getMetaMap(doc).get('healthReviewIntervalDays')).toBe(30);
  });
});

describe('pair stages', () => {
  it('one record per pair whichever partner is named first', () => {
    const { doc, target, a, b } = board();
    setPairStage(target, b.id, a.id, { current: 'networking' });
    setPairStage(target, a.id, b.id, { target: 'collaborating' });
    const records = listRecords(doc, 'partnerStages').map((r) => r.record);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ current: 'networking', target: 'collaborating' });
    expect(() => setPairStage(target, a.id, a.id, { current: 'networking' })).toThrow(RangeError);
  });
});
