import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
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
