import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { getMetaMap, updateMeta } from '@pc/shared';
import { BoardSession } from './session';

/** A session over a state, with no server and no offline copy: what a review point opens, and all a store needs. */
function openSession(): BoardSession {
  return new BoardSession({
    boardId: 'b1',
    token: 't',
    user: { name: 'Ana', colour: '#336699' },
    view: 'stakeholder-map',
    snapshot: Y.encodeStateAsUpdate(new Y.Doc()),
  });
}

describe('BoardSession.storeFor', () => {
  it('makes one store per factory on first use and hands back the same one after', () => {
    const session = openSession();
    let made = 0;
    const create = (s: BoardSession) => ({ made: ++made, session: s });
    const first = session.storeFor(create);
    expect(session.storeFor(create)).toBe(first);
    expect(first.session).toBe(session);
    expect(made).toBe(1);
    const other = session.storeFor(() => ({ other: true }));
    expect(other).not.toBe(first);
    session.destroy();
  });

  it('destroys every store with the session, once, and each session has its own', () => {
    const destroyed: string[] = [];
    const create = (s: BoardSession) => ({ destroy: () => destroyed.push(s.options.boardId) });
    const a = openSession();
    const b = openSession();
    expect(a.storeFor(create)).not.toBe(b.storeFor(create));
    a.storeFor(() => ({}));
    a.destroy();
    a.destroy();
    expect(destroyed).toEqual(['b1']);
    b.destroy();
    expect(destroyed).toEqual(['b1', 'b1']);
  });
});

describe('BoardSession.meta', () => {
  it('reads the settings once per change to them, and never answers with old ones', () => {
    const session = openSession();
    const first = session.meta();
    expect(session.meta()).toBe(first);
    // Another collection's change leaves the settings as read.
    session.doc.getMap('stakeholders').set('s1', new Y.Map());
    expect(session.meta()).toBe(first);
    // This person's change: observers already see the new value.
    const seen: string[] = [];
    getMetaMap(session.doc).observe(() => seen.push(session.meta().title));
    updateMeta(session.doc, { title: 'Riverside partnership' });
    expect(seen).toEqual(['Riverside partnership']);
    expect(session.meta().title).toBe('Riverside partnership');
    // Another person's change, from an update.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(session.doc));
    const before = Y.encodeStateVector(other);
    updateMeta(other, { title: 'Riverside and Hill partnership' });
    Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(other, before));
    expect(session.meta().title).toBe('Riverside and Hill partnership');
    expect(seen).toEqual(['Riverside partnership', 'Riverside and Hill partnership']);
    // Inside a transaction, what was just set.
    session.doc.transact(() => {
      updateMeta(session.doc, { title: 'Mid-change' });
      expect(session.meta().title).toBe('Mid-change');
    });
    expect(session.meta().title).toBe('Mid-change');
    session.destroy();
  });
});
