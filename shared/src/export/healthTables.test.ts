import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, updateRecord } from '../doc/records';
import { getMetaMap } from '../doc/meta';
import { agreementFragment, agreementMarkdown } from '../doc/agreement';
import { migrateBoardDoc } from '../migrations';
import { agreementTable, healthTable, stagesTable } from './healthTables';

function board(): Y.Doc {
  const doc = new Y.Doc();
  migrateBoardDoc(doc);
  createRecord(doc, 'partners', { id: 'fb', name: 'Food Bank', colour: '#336699' });
  createRecord(doc, 'partners', { id: 'cc', name: 'Council', colour: '#993366' });
  return doc;
}

function paragraph(parts: [string, Record<string, unknown>?][], mention?: Record<string, string>): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  p.insert(0, [text]);
  let at = 0;
  for (const [s, marks] of parts) {
    text.insert(at, s, marks ?? {});
    at += s.length;
  }
  if (mention) {
    const m = new Y.XmlElement('mention');
    for (const [k, v] of Object.entries(mention)) m.setAttribute(k, v);
    p.insert(1, [m]);
  }
  return p;
}

describe('health export tables', () => {
  it('rates per partner with the score and spread the tab shows', () => {
    const doc = board();
    createRecord(doc, 'healthResponses', { id: 'compass-1-1:fb', itemId: 'compass-1-1', partnerId: 'fb', level: 'fully' });
    createRecord(doc, 'healthResponses', { id: 'compass-1-1:cc', itemId: 'compass-1-1', partnerId: 'cc', level: 'notYet' });
    const table = healthTable(doc);
    expect(table.header).toEqual(['principle', 'item', 'Council', 'Food Bank', 'score', 'spread']);
    expect(table.rows[0]).toEqual(['1. A clear shared purpose', 'We wrote our shared vision together', 'Not yet', 'Fully', 50, 2]);
    expect(table.rows[1]!.slice(2)).toEqual([null, null, null, 0]);
  });

  it('on an anonymous board, holds counts per level and no partner', () => {
    const doc = board();
    getMetaMap(doc).set('healthAnonymous', true);
    createRecord(doc, 'healthAggregates', { id: 'compass-1-1', itemId: 'compass-1-1', partly: 2, fully: 1, spread: 1 });
    const table = healthTable(doc);
    expect(table.header).toEqual(['principle', 'item', 'notYet', 'partly', 'fully', 'score', 'spread']);
    expect(table.rows[0]!.slice(2)).toEqual([0, 2, 1, 67, 1]);
  });

  it('lists the pairs with a stage', () => {
    const doc = board();
    createRecord(doc, 'partnerStages', { id: 'cc:fb', partnerA: 'cc', partnerB: 'fb', current: 'cooperating', target: 'integrating' });
    expect(stagesTable(doc).rows).toEqual([['Council', 'Food Bank', 'Cooperating', 'Integrating']]);
    updateRecord(doc, 'partnerStages', 'cc:fb', { current: null, target: null });
    expect(stagesTable(doc).rows).toEqual([]);
  });

  it('writes the agreement as Markdown per section, with marks, lists and mentions', () => {
    const doc = board();
    expect(agreementMarkdown(doc)).toBe('');
    const vision = agreementFragment(doc, 'vision');
    const list = new Y.XmlElement('bullet_list');
    const item = new Y.XmlElement('list_item');
    vision.insert(0, [paragraph([['Nobody ', {}], ['hungry', { strong: {} }]]), list]);
    list.insert(0, [item]);
    item.insert(0, [paragraph([['Led by ', {}]], { collection: 'partners', recordId: 'fb', label: 'Food Bank' })]);
    const table = agreementTable(doc);
    expect(table.rows[0]).toEqual(['Shared vision and aims', 'Nobody **hungry**\n\n- Led by @Food Bank', 'Food Bank (partners/fb)']);
    expect(table.rows[1]).toEqual(['Roles and responsibilities', '', '']);
    expect(agreementMarkdown(doc)).toContain('## Shared vision and aims\n\nNobody **hungry**\n\n- Led by @Food Bank\n\n## Roles and responsibilities\n\n(not written yet)');
  });
});
