import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, getCollection, getMetaMap, openBoardDoc, updateRecord } from '@pc/shared';
import { UpdateGate, type GateIdentity, type GateOptions, type RecordPolicy } from './updateGate';

const EDITOR: GateIdentity = { connectionId: 1, role: 'edit' };
const OPTIONS: GateOptions = { checkContent: true, maxUpdateBytes: 1024 * 1024, maxBoardBytes: 64 * 1024 * 1024 };

/** The room's document with one stakeholder and one note, as the server holds it. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  openBoardDoc(doc, { title: 'Gate', createdAt: 1 });
  createRecord(doc, 'stakeholders', { id: 'abc', name: 'Council', organisation: '', power: 2, interest: 2, attitude: 0 });
  createRecord(doc, 'canvasItems', { id: 'note', kind: 'sticky', text: 'hello' });
  return doc;
}

/** What a client holding the server's state sends after `change`. */
function clientUpdate(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

function setup(options: Partial<GateOptions> = {}) {
  const doc = serverDoc();
  const gate = new UpdateGate(doc, { ...OPTIONS, ...options }, Y.encodeStateAsUpdate(doc).byteLength);
  /** Run the gate the way the room does: admit, then apply to the real document. */
  const send = (change: (d: Y.Doc) => void, who = EDITOR, source: 'update' | 'sync-step2' = 'update') => {
    const update = clientUpdate(gate.doc, change);
    return gate.admit(update, source, who);
  };
  return { gate, send };
}

const stakeholder = (d: Y.Doc) => getCollection(d, 'stakeholders').get('abc')!;
const rejected = (message: string | RegExp) => expect.objectContaining({ ok: false, message: expect.stringMatching(message) });

describe('UpdateGate: content', () => {
  it('admits typed-accessor edits, new records and deletions, and reports what they touched', () => {
    const { send, gate } = setup();
    expect(send((d) => updateRecord(d, 'stakeholders', 'abc', { power: 4, notes: 'met on Tuesday' }))).toEqual({
      ok: true,
      touched: [{ collection: 'stakeholders', id: 'abc', change: 'updated', fields: ['power', 'notes'] }],
    });
    expect(send((d) => createRecord(d, 'partners', { id: 'p1', name: 'Trust', colour: '#336699' }))).toMatchObject({
      ok: true,
      touched: [{ collection: 'partners', id: 'p1', change: 'created' }],
    });
    expect(send((d) => getCollection(d, 'canvasItems').delete('note'))).toMatchObject({
      ok: true,
      touched: [{ collection: 'canvasItems', id: 'note', change: 'deleted' }],
    });
    expect(getCollection(gate.doc, 'stakeholders').get('abc')!.get('power')).toBe(4);
  });

  it('refuses fields of the wrong type, naming record and field', () => {
    const { send } = setup();
    expect(send((d) => stakeholder(d).set('power', 'banana'))).toEqual(
      rejected(/^stakeholders\/abc\.power: .*expected number/),
    );
    expect(send((d) => stakeholder(d).set('power', 7))).toEqual(rejected(/^stakeholders\/abc\.power: /));
    expect(send((d) => stakeholder(d).set('name', 12345))).toEqual(rejected(/^stakeholders\/abc\.name: .*expected string/));
  });

  it('refuses texts over the schema length, unknown fields, nested types and removing a required field', () => {
    const { send } = setup();
    expect(send((d) => stakeholder(d).set('notes', 'x'.repeat(10_001)))).toEqual(rejected(/^stakeholders\/abc\.notes: /));
    expect(send((d) => stakeholder(d).set('secret', 1))).toEqual(rejected('stakeholders/abc.secret: not a field of stakeholders'));
    expect(send((d) => stakeholder(d).set('notes', new Y.Text('x')))).toEqual(rejected(/nested Yjs type/));
    expect(send((d) => stakeholder(d).delete('name'))).toEqual(rejected('stakeholders/abc.name: a required field may not be removed'));
    expect(send((d) => stakeholder(d).set('id', 'other'))).toEqual(rejected("stakeholders/abc.id: must equal the record's key"));
  });

  it('refuses records that are not maps, invalid new records and ids that differ from the key', () => {
    const { send } = setup();
    const items = (d: Y.Doc) => getCollection(d, 'canvasItems') as unknown as Y.Map<unknown>;
    expect(send((d) => items(d).set('bad', 'a string'))).toEqual(rejected('canvasItems/bad: a record must be a Y.Map'));
    expect(send((d) => items(d).set('bad', new Y.Array()))).toEqual(rejected('canvasItems/bad: a record must be a Y.Map'));
    const wrongId = new Y.Map<unknown>();
    expect(
      send((d) => {
        wrongId.set('id', 'elsewhere');
        wrongId.set('kind', 'sticky');
        items(d).set('bad', wrongId);
      }),
    ).toEqual(rejected("canvasItems/bad.id: must equal the record's key"));
    expect(
      send((d) => {
        const map = new Y.Map<unknown>();
        map.set('id', 'bad');
        map.set('kind', 'banner');
        items(d).set('bad', map);
      }),
    ).toEqual(rejected(/^canvasItems\/bad\.kind: /));
    expect(
      send((d) => {
        const map = new Y.Map<unknown>();
        map.set('id', 'arrow');
        map.set('kind', 'connector');
        map.set('fromId', { $ne: null });
        items(d).set('arrow', map);
      }),
    ).toEqual(rejected(/^canvasItems\/arrow\.fromId: /));
    expect(send((d) => updateRecord(d, 'canvasItems', 'note', { width: 400, height: 300 })).ok).toBe(true);
    expect(send((d) => (getCollection(d, 'canvasItems').get('note') as Y.Map<unknown>).set('width', 1e12))).toEqual(rejected(/^canvasItems\/note\.width: /));
  });

  it('refuses unknown root collections and list content in a collection', () => {
    const { send } = setup();
    expect(send((d) => d.getMap('secrets').set('x', 1))).toEqual(rejected('secrets: not a collection of this board'));
    expect(send((d) => d.getArray('spam').push([1]))).toEqual(rejected('spam: not a collection of this board'));
  });

  it('refuses meta tampering: server-owned keys, unknown keys, deletions, wrong types', () => {
    const { send } = setup();
    expect(send((d) => getMetaMap(d).set('schemaVersion', 99))).toEqual(rejected('meta.schemaVersion: written by the server only'));
    expect(send((d) => getMetaMap(d).set('createdAt', 5))).toEqual(rejected('meta.createdAt: written by the server only'));
    expect(send((d) => getMetaMap(d).set('owner', 'me'))).toEqual(rejected('meta.owner: not a board setting'));
    expect(send((d) => getMetaMap(d).delete('title'))).toEqual(rejected('meta.title: may not be deleted'));
    expect(send((d) => getMetaMap(d).set('title', 12345))).toEqual(rejected(/^meta\.title: /));
    expect(send((d) => getMetaMap(d).set('title', 'Renamed'))).toMatchObject({ ok: true });
  });

  it('undoes a refused update, so later valid updates still pass and refused content never lands', () => {
    const { send, gate } = setup();
    expect(send((d) => stakeholder(d).set('power', 'banana')).ok).toBe(false);
    expect(send((d) => updateRecord(d, 'stakeholders', 'abc', { interest: 3 })).ok).toBe(true);
    // The refused value was never applied, and the client that still holds it is refused again.
    expect(stakeholder(gate.doc).get('power')).toBe(2);
    const poisoned = new Y.Doc();
    Y.applyUpdate(poisoned, Y.encodeStateAsUpdate(gate.doc));
    stakeholder(poisoned).set('power', 'banana');
    expect(gate.admit(Y.encodeStateAsUpdate(poisoned, Y.encodeStateVector(gate.doc)), 'sync-step2', EDITOR).ok).toBe(false);
  });

  it('admits a large valid offline batch as sync step 2', () => {
    const { send, gate } = setup();
    const decision = send(
      (d) => {
        for (let i = 0; i < 2000; i++) createRecord(d, 'canvasItems', { kind: 'sticky', text: `offline ${i}` });
        for (let i = 0; i < 500; i++) updateRecord(d, 'stakeholders', 'abc', { notes: `draft ${i}` });
      },
      EDITOR,
      'sync-step2',
    );
    expect(decision.ok).toBe(true);
    expect(getCollection(gate.doc, 'canvasItems').size).toBe(2001);
  });
});

describe('UpdateGate: roles, sizes, quota, policy', () => {
  it('ignores viewers and refuses malformed updates and updates with missing dependencies', () => {
    const { gate } = setup();
    const update = clientUpdate(gate.doc, (d) => updateRecord(d, 'stakeholders', 'abc', { power: 1 }));
    expect(gate.admit(update, 'update', { connectionId: 2, role: 'view' })).toMatchObject({ ok: false, reason: 'read-only' });
    expect(gate.admit(update.slice(0, update.length - 3), 'update', EDITOR)).toMatchObject({ ok: false, reason: 'malformed' });
    // The second of two causally linked updates, without the first.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(gate.doc));
    updateRecord(client, 'stakeholders', 'abc', { power: 1 });
    const sv = Y.encodeStateVector(client);
    updateRecord(client, 'stakeholders', 'abc', { notes: 'later' });
    getCollection(client, 'canvasItems').delete('note');
    expect(gate.admit(Y.encodeStateAsUpdate(client, sv), 'update', EDITOR)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(gate.admit(update, 'update', EDITOR).ok).toBe(true);
  });

  it('refuses an update message over the size limit (1009) but not a sync step 2 of the same size', () => {
    const { gate } = setup({ maxUpdateBytes: 2000 });
    const update = clientUpdate(gate.doc, (d) => {
      for (let i = 0; i < 50; i++) createRecord(d, 'canvasItems', { kind: 'sticky', text: `note ${i}` });
    });
    expect(update.byteLength).toBeGreaterThan(2000);
    expect(gate.admit(update, 'update', EDITOR)).toMatchObject({ ok: false, reason: 'too-big' });
    expect(gate.admit(update, 'sync-step2', EDITOR).ok).toBe(true);
  });

  it('refuses updates that would take the board over its quota', () => {
    const { send, gate } = setup();
    const small = setup({ maxBoardBytes: gate.boardBytes + 500 });
    expect(small.send((d) => updateRecord(d, 'stakeholders', 'abc', { power: 1 })).ok).toBe(true);
    expect(small.send((d) => updateRecord(d, 'stakeholders', 'abc', { notes: 'y'.repeat(800) }))).toEqual(
      rejected(/^board is full/),
    );
    expect(send((d) => updateRecord(d, 'stakeholders', 'abc', { notes: 'y'.repeat(800) })).ok).toBe(true);
  });

  it('asks the record policy with the touched records and the sender', () => {
    const seen: unknown[] = [];
    const locked: RecordPolicy = (touched, who) => {
      seen.push({ touched, who });
      return touched.some((t) => t.id === 'abc') ? 'stakeholders/abc: locked by the facilitator' : null;
    };
    const { send } = setup({ policy: locked });
    expect(send((d) => updateRecord(d, 'stakeholders', 'abc', { power: 1 }))).toMatchObject({ ok: false, reason: 'policy' });
    expect(send((d) => updateRecord(d, 'canvasItems', 'note', { text: 'fine' })).ok).toBe(true);
    expect(seen[0]).toEqual({ touched: [{ collection: 'stakeholders', id: 'abc', change: 'updated', fields: ['power'] }], who: EDITOR });
  });

  it('gives the record policy the records before the update, the document after it, and the meta keys it set', () => {
    let seen: { before: unknown; after: unknown; notes: unknown; metaKeys: readonly string[] } | null = null;
    const policy: RecordPolicy = (_touched, _who, context) => {
      seen = {
        before: context.before.record('stakeholders', 'abc')?.power,
        after: getCollection(context.after, 'stakeholders').get('abc')?.get('power'),
        notes: [...context.before.records('canvasItems').values()].map((item) => item.text),
        metaKeys: context.metaKeys,
      };
      return null;
    };
    const { send } = setup({ policy });
    expect(send((d) => updateRecord(d, 'stakeholders', 'abc', { power: 4 })).ok).toBe(true);
    expect(seen).toEqual({ before: 2, after: 4, notes: ['hello'], metaKeys: [] });
    // A deleted record is still there before; a new one is not.
    expect(send((d) => {
      getCollection(d, 'stakeholders').delete('abc');
      createRecord(d, 'canvasItems', { id: 'n2', kind: 'sticky', text: 'new' });
      updateRecord(d, 'canvasItems', 'note', { text: 'changed' });
    }).ok).toBe(true);
    expect(seen).toMatchObject({ before: 4, after: undefined, notes: ['hello'] });
    expect(send((d) => getMetaMap(d).set('logicTemplate', 'ess')).ok).toBe(true);
    expect(seen!.metaKeys).toEqual(['logicTemplate']);
    expect(seen!.notes).toEqual(['changed', 'new']);
  });

  it('builds the document again after a refusal from what it was given, admitted and told since', () => {
    const { send, gate } = setup();
    const first = gate.doc;
    expect(send((d) => updateRecord(d, 'stakeholders', 'abc', { power: 3 })).ok).toBe(true);
    // A change the server makes itself (an import), then a compaction, then one more of each.
    const server = (change: (d: Y.Doc) => void) => {
      const listener = (update: Uint8Array) => gate.recorded(update);
      gate.doc.on('update', listener);
      change(gate.doc);
      gate.doc.off('update', listener);
    };
    server((d) => createRecord(d, 'partners', { id: 'p1', name: 'Trust', colour: '#336699' }));
    gate.encoded(Y.encodeStateAsUpdate(gate.doc));
    server((d) => updateRecord(d, 'partners', 'p1', { name: 'Trust fund' }));
    expect(send((d) => updateRecord(d, 'canvasItems', 'note', { text: 'kept' })).ok).toBe(true);
    expect(gate.doc).toBe(first);
    expect(send((d) => stakeholder(d).set('power', 'banana')).ok).toBe(false);
    expect(gate.doc).not.toBe(first);
    expect(getCollection(gate.doc, 'stakeholders').get('abc')!.toJSON()).toMatchObject({ power: 3 });
    expect(getCollection(gate.doc, 'partners').get('p1')!.get('name')).toBe('Trust fund');
    expect(getCollection(gate.doc, 'canvasItems').get('note')!.get('text')).toBe('kept');
    // The new document is judged like the old one.
    expect(send((d) => stakeholder(d).set('power', 'banana')).ok).toBe(false);
    expect(send((d) => updateRecord(d, 'stakeholders', 'abc', { power: 1 })).ok).toBe(true);
    expect(stakeholder(gate.doc).get('power')).toBe(1);
  });
});

describe('UpdateGate: owner-only parts of the board', () => {
  const OWNER: GateIdentity = { connectionId: 2, role: 'owner' };

  it('refuses an editor writing owner-only collections, with a reason a person can read', () => {
    const { send, gate } = setup();
    expect(send((d) => createRecord(d, 'locks', { id: 'l1', kind: 'tab', view: 'logic-model' }))).toEqual({
      ok: false,
      reason: 'owner-only',
      message: 'Locks can be changed by the board owner only',
    });
    expect(send((d) => createRecord(d, 'voteRounds', { id: 'r1', targetIds: ['abc'] }))).toMatchObject({ ok: false, reason: 'owner-only' });
    expect(send((d) => createRecord(d, 'votes', { id: 'v1', targetId: 'abc', voter: 'Sam' }))).toMatchObject({ ok: false, reason: 'owner-only' });
    expect(getCollection(gate.doc, 'locks').size + getCollection(gate.doc, 'voteRounds').size + getCollection(gate.doc, 'votes').size).toBe(0);
  });

  it('refuses an editor setting an owner-only board setting', () => {
    const { send, gate } = setup();
    expect(send((d) => getMetaMap(d).set('viewersMayVote', true))).toEqual({
      ok: false,
      reason: 'owner-only',
      message: 'The workshop setting for the view link can be changed by the board owner only',
    });
    expect(getMetaMap(gate.doc).get('viewersMayVote')).toBeUndefined();
  });

  it('refuses an editor deleting or editing what the owner wrote', () => {
    const { send, gate } = setup();
    expect(send((d) => createRecord(d, 'locks', { id: 'l1', kind: 'template' }), OWNER).ok).toBe(true);
    expect(send((d) => getCollection(d, 'locks').delete('l1'))).toMatchObject({ ok: false, reason: 'owner-only' });
    expect(send((d) => updateRecord(d, 'locks', 'l1', { lockedBy: 'me' }))).toMatchObject({ ok: false, reason: 'owner-only' });
    expect(getCollection(gate.doc, 'locks').get('l1')?.get('lockedBy')).toBeUndefined();
  });

  it('lets the owner write them, and an editor everything else in the same board', () => {
    const { send } = setup();
    expect(send((d) => getMetaMap(d).set('viewersMayVote', true), OWNER).ok).toBe(true);
    expect(send((d) => createRecord(d, 'locks', { id: 'l1', kind: 'template' }), OWNER).ok).toBe(true);
    expect(send((d) => getMetaMap(d).set('logicTemplate', 'ess')).ok).toBe(true);
  });

  it('with content checks off, still checks role and well-formedness only', () => {
    const { send } = setup({ checkContent: false });
    expect(send((d) => stakeholder(d).set('power', 'banana')).ok).toBe(true);
  });
});

describe('UpdateGate: owner-only settings and comment links', () => {
  const OWNER: GateIdentity = { connectionId: 2, role: 'owner' };
  const timer = { durationMs: 60_000, running: true, endsAt: 5_000, remainingMs: null, by: 'Ada', seq: 1 };
  const summon = { seq: 1, view: 'logic-model', viewport: { x: 0, y: 0, width: 800, height: 600 }, by: 'Ada', at: 1 };

  it('lets the owner set the timer and summon, and refuses an editor', () => {
    const { send } = setup();
    expect(send((d) => getMetaMap(d).set('timer', timer), OWNER)).toMatchObject({ ok: true });
    expect(send((d) => getMetaMap(d).set('summon', summon), OWNER)).toMatchObject({ ok: true });
    expect(send((d) => getMetaMap(d).set('timer', { ...timer, seq: 2 }))).toEqual(rejected(/The workshop timer can be changed by the board owner only/));
    expect(send((d) => getMetaMap(d).set('summon', null))).toEqual(rejected(/Bringing everyone to one view can be changed by the board owner only/));
    // Offline batches are no way round it.
    expect(send((d) => getMetaMap(d).set('timer', null), EDITOR, 'sync-step2')).toEqual(rejected(/workshop timer/));
    // Editors still change the ordinary settings.
    expect(send((d) => getMetaMap(d).set('title', 'Renamed'))).toMatchObject({ ok: true });
  });

  it('refuses a malformed timer even from the owner', () => {
    const { send } = setup();
    expect(send((d) => getMetaMap(d).set('timer', { ...timer, endsAt: null }), OWNER)).toEqual(rejected(/meta\.timer/));
    expect(send((d) => getMetaMap(d).set('timer', { ...timer, durationMs: 'soon' }), OWNER)).toEqual(rejected(/meta\.timer/));
  });

  it('admits comments on existing records and replies to existing comments only', () => {
    const { send } = setup();
    expect(send((d) => createRecord(d, 'comments', { id: 'c1', text: 'Who leads?', targetId: 'abc', author: 'Ada' }))).toMatchObject({ ok: true });
    expect(send((d) => createRecord(d, 'comments', { id: 'c2', text: 'Bo does', parentId: 'c1', author: 'Bo' }))).toMatchObject({ ok: true });
    expect(send((d) => createRecord(d, 'comments', { id: 'c3', text: 'Here', view: 'logic-model', x: 5, y: 5 }))).toMatchObject({ ok: true });
    // A record and a comment on it in one offline batch.
    expect(
      send((d) => {
        createRecord(d, 'partners', { id: 'p9', name: 'Trust', colour: '#336699' });
        createRecord(d, 'comments', { id: 'c4', text: 'New partner', targetId: 'p9' });
      }, EDITOR, 'sync-step2'),
    ).toMatchObject({ ok: true });
    expect(send((d) => createRecord(d, 'comments', { id: 'x1', text: 'Ghost', targetId: 'nope' }))).toEqual(rejected(/comments\/x1\.targetId: no record/));
    expect(send((d) => createRecord(d, 'comments', { id: 'x2', text: 'Ghost', parentId: 'nope' }))).toEqual(rejected(/comments\/x2\.parentId: no comment/));
    expect(send((d) => updateRecord(d, 'comments', 'c2', { parentId: 'c2' }))).toEqual(rejected(/parentId/));
    expect(send((d) => updateRecord(d, 'comments', 'c1', { targetId: 'elsewhere' }))).toEqual(rejected(/targetId/));
    // Resolving touches no link and passes even after the target is gone.
    expect(send((d) => getCollection(d, 'stakeholders').delete('abc'))).toMatchObject({ ok: true });
    expect(send((d) => updateRecord(d, 'comments', 'c1', { resolved: true }))).toMatchObject({ ok: true });
  });
});
