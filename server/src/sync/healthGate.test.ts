import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agreementRootName, createRecord, getCollection, getMetaMap, MAX_AGREEMENT_SECTION_CHARS, openBoardDoc, updateRecord } from '@pc/shared';
import { UpdateGate, type GateIdentity, type GateOptions } from './updateGate';

/** The update gate's rules for the health check: owner-only settings, server-written aggregates, anonymous ratings, the agreement. */

const EDITOR: GateIdentity = { connectionId: 1, role: 'edit' };
const OWNER: GateIdentity = { connectionId: 2, role: 'owner' };
const OPTIONS: GateOptions = { checkContent: true, maxUpdateBytes: 1024 * 1024, maxBoardBytes: 64 * 1024 * 1024 };
const VISION = agreementRootName('vision');

function setup() {
  const doc = new Y.Doc();
  openBoardDoc(doc, { title: 'Health', createdAt: 1 });
  createRecord(doc, 'partners', { id: 'p1', name: 'Food bank', colour: '#336699' });
  createRecord(doc, 'partners', { id: 'p2', name: 'Council', colour: '#993366' });
  const gate = new UpdateGate(doc, OPTIONS, Y.encodeStateAsUpdate(doc).byteLength);
  const send = (change: (d: Y.Doc) => void, who = EDITOR) => {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(gate.doc));
    const before = Y.encodeStateVector(client);
    change(client);
    const update = Y.encodeStateAsUpdate(client, before);
    return gate.admit(update, 'update', who);
  };
  return { gate, send };
}

const ok = expect.objectContaining({ ok: true });
const refused = (message: RegExp) => expect.objectContaining({ ok: false, message: expect.stringMatching(message) });

/** A paragraph as y-prosemirror writes it. */
function paragraph(text: string, marks: Record<string, unknown> = {}): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  p.insert(0, [t]);
  t.insert(0, text, marks);
  return p;
}

describe('health records through the gate', () => {
  it('admits ratings and stage records; refuses a bad level, a script link and a pair with itself', () => {
    const { send } = setup();
    expect(send((d) => createRecord(d, 'healthResponses', { id: 'compass-1-1:p1', itemId: 'compass-1-1', partnerId: 'p1', level: 'partly', ratedAt: 5 }))).toEqual(ok);
    expect(send((d) => updateRecord(d, 'healthResponses', 'compass-1-1:p1', { level: 'fully', evidenceUrl: 'https://example.org/minutes' }))).toEqual(ok);
    expect(send((d) => getCollection(d, 'healthResponses').get('compass-1-1:p1')!.set('level', 'mostly'))).toEqual(refused(/healthResponses\/compass-1-1:p1\.level/));
    expect(send((d) => getCollection(d, 'healthResponses').get('compass-1-1:p1')!.set('evidenceUrl', 'javascript:alert(1)'))).toEqual(refused(/evidenceUrl: evidence link must start with http/));
    expect(send((d) => createRecord(d, 'partnerStages', { id: 'p1:p2', partnerA: 'p1', partnerB: 'p2', current: 'cooperating', target: 'integrating' }))).toEqual(ok);
    expect(send((d) => getCollection(d, 'partnerStages').get('p1:p2')!.set('current', 'merged'))).toEqual(refused(/partnerStages\/p1:p2\.current/));
    const self = new Y.Map<unknown>();
    expect(
      send((d) => {
        for (const [k, v] of Object.entries({ id: 'p1:p1', partnerA: 'p1', partnerB: 'p1' })) self.set(k, v);
        getCollection(d, 'partnerStages').set('p1:p1', self);
      }),
    ).toEqual(refused(/no stage with itself/));
  });

  it('lets only the owner change the anonymous and review-interval settings', () => {
    const { send, gate } = setup();
    expect(send((d) => getMetaMap(d).set('healthAnonymous', true))).toEqual(refused(/can be changed by the board owner only/));
    expect(send((d) => getMetaMap(d).set('healthReviewIntervalDays', 30))).toEqual(refused(/can be changed by the board owner only/));
    expect(getMetaMap(gate.doc).get('healthAnonymous')).not.toBe(true);
    expect(send((d) => getMetaMap(d).set('healthReviewIntervalDays', 30), OWNER)).toEqual(ok);
    expect(send((d) => getMetaMap(d).set('healthReviewIntervalDays', 3), OWNER)).toEqual(refused(/meta\.healthReviewIntervalDays/));
    expect(send((d) => getMetaMap(d).set('title', 'Still editable'))).toEqual(ok);
  });

  it('refuses any client write to the anonymous aggregates, even the owner', () => {
    const { send } = setup();
    expect(send((d) => createRecord(d, 'healthAggregates', { id: 'compass-1-1', itemId: 'compass-1-1', fully: 3 }), OWNER)).toEqual(refused(/written by the server only/));
  });

  it('while ratings are anonymous, refuses named ratings but lets old ones be removed', () => {
    const { send, gate } = setup();
    expect(send((d) => createRecord(d, 'healthResponses', { id: 'compass-1-1:p1', itemId: 'compass-1-1', partnerId: 'p1', level: 'partly' }))).toEqual(ok);
    expect(send((d) => getMetaMap(d).set('healthAnonymous', true), OWNER)).toEqual(ok);
    expect(send((d) => createRecord(d, 'healthResponses', { id: 'compass-1-2:p2', itemId: 'compass-1-2', partnerId: 'p2', level: 'fully' }))).toEqual(refused(/keeps ratings anonymous/));
    expect(send((d) => updateRecord(d, 'healthResponses', 'compass-1-1:p1', { level: 'fully' }))).toEqual(refused(/keeps ratings anonymous/));
    expect(send((d) => getCollection(d, 'healthResponses').delete('compass-1-1:p1'))).toEqual(ok);
    expect(getCollection(gate.doc, 'healthResponses').size).toBe(0);
  });
});

describe('the partnership agreement through the gate', () => {
  it('admits paragraphs, lists, marks and mentions as y-prosemirror writes them, and later edits', () => {
    const { send, gate } = setup();
    expect(
      send((d) => {
        const fragment = d.getXmlFragment(VISION);
        const list = new Y.XmlElement('bullet_list');
        const item = new Y.XmlElement('list_item');
        const mention = new Y.XmlElement('mention');
        mention.setAttribute('collection', 'partners');
        mention.setAttribute('recordId', 'p1');
        mention.setAttribute('label', 'Food bank');
        fragment.insert(0, [paragraph('Fewer people go hungry', { strong: {} }), list]);
        list.insert(0, [item]);
        item.insert(0, [paragraph('Led by '), mention]);
      }),
    ).toEqual(ok);
    expect(send((d) => ((d.getXmlFragment(VISION).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Together: ', { em: {} }))).toEqual(ok);
    expect(gate.doc.getXmlFragment(VISION).toString()).toContain('Fewer people go hungry');
  });

  it('refuses unknown nodes, marks, attributes, embeds and mention targets (hostile input)', () => {
    const { send } = setup();
    const hostile: [string, (f: Y.XmlFragment) => void, RegExp][] = [
      ['script node', (f) => f.insert(0, [new Y.XmlElement('script')]), /"script" is not part of the agreement/],
      ['unknown mark', (f) => f.insert(0, [paragraph('x', { link: { href: 'javascript:alert(1)' } })]), /mark "link"/],
      ['mark with attributes', (f) => f.insert(0, [paragraph('x', { strong: { onclick: 'x' } })]), /carries no attributes/],
      ['onclick attribute', (f) => {
        const p = new Y.XmlElement('paragraph');
        p.setAttribute('onclick', 'alert(1)');
        f.insert(0, [p]);
      }, /paragraph\.onclick: not an attribute/],
      ['mention of votes', (f) => {
        const m = new Y.XmlElement('mention');
        m.setAttribute('collection', 'votes');
        f.insert(0, [m]);
      }, /mention\.collection/],
      ['embedded map', (f) => {
        const t = new Y.XmlText();
        f.insert(0, [t]);
        t.insertEmbed(0, { image: 'x' });
      }, /only characters/],
      ['hook', (f) => f.insert(0, [new Y.XmlHook('x') as never]), /not text or a paragraph/],
      ['deep nesting', (f) => {
        let outer = new Y.XmlElement('bullet_list');
        f.insert(0, [outer]);
        for (let i = 0; i < 12; i++) {
          const inner = new Y.XmlElement('list_item');
          outer.insert(0, [inner]);
          outer = inner;
        }
      }, /nested more than/],
      ['too long', (f) => f.insert(0, [paragraph('x'.repeat(MAX_AGREEMENT_SECTION_CHARS + 1))]), /over 20000 characters/],
    ];
    for (const [what, change, message] of hostile) {
      expect(send((d) => change(d.getXmlFragment(VISION))), what).toEqual(refused(message));
    }
  });

  it('refuses unknown rich-text roots and rich text where a collection belongs; nothing refused lands', () => {
    const { send, gate } = setup();
    expect(send((d) => d.getXmlFragment('agreement.secret').insert(0, [paragraph('x')]))).toEqual(refused(/not a collection/));
    expect(send((d) => d.getXmlFragment('notes').insert(0, [paragraph('x')]))).toEqual(refused(/not a collection/));
    expect(send((d) => d.getArray(VISION).insert(0, ['plain']))).toEqual(refused(/not text or a paragraph/));
    expect(gate.doc.getXmlFragment(VISION).length).toBe(0);
    expect(send((d) => d.getXmlFragment(VISION).insert(0, [paragraph('after refusals')]))).toEqual(ok);
  });

  it('counts the size over the whole section, so many small edits cannot pass the cap', () => {
    const { send } = setup();
    const half = Math.ceil(MAX_AGREEMENT_SECTION_CHARS / 2) + 1;
    expect(send((d) => d.getXmlFragment(VISION).insert(0, [paragraph('a'.repeat(half))]))).toEqual(ok);
    expect(send((d) => d.getXmlFragment(VISION).insert(1, [paragraph('b'.repeat(half))]))).toEqual(refused(/over 20000 characters/));
  });
});
