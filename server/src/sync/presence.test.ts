import { describe, expect, it } from 'vitest';
import { admitPresence, admitRemotePresence, decodePresence, encodePresence, type PresenceEntry } from './presence';

const LIMITS = { maxStateBytes: 100, maxClientsPerConnection: 2 };

function entry(clientId: number, state: unknown, clock = 1): PresenceEntry {
  const text = JSON.stringify(state);
  return { clientId, clock, state: text, bytes: new TextEncoder().encode(text).byteLength };
}

describe('admitPresence', () => {
  const owners = new Map<number, string>([
    [1, 'alice'],
    [2, 'bob'],
  ]);
  const ownerOf = (id: number) => owners.get(id);
  const clockOf = (id: number) => (owners.has(id) ? 5 : undefined);

  it('round-trips the awareness wire format', () => {
    const entries = [entry(7, { name: 'Zoë' }), entry(8, null, 3)];
    expect(decodePresence(encodePresence(entries))).toEqual(entries);
  });

  it('lets a connection set and remove its own ids and introduce new ones', () => {
    const update = encodePresence([entry(1, { cursor: [1, 2] }), entry(9, { name: 'new tab' })]);
    expect(admitPresence(update, 'alice', new Set([1]), ownerOf, clockOf, LIMITS)).toEqual({ ok: true, update, refused: 0 });
    const removal = encodePresence([entry(1, null, 2)]);
    expect(admitPresence(removal, 'alice', new Set([1]), ownerOf, clockOf, LIMITS)).toMatchObject({ ok: true, refused: 0 });
  });

  it("drops entries for another connection's id, keeping the rest", () => {
    const update = encodePresence([entry(2, { name: 'not Bob' }, 99), entry(1, { name: 'Alice' })]);
    const decision = admitPresence(update, 'alice', new Set([1]), ownerOf, clockOf, LIMITS);
    expect(decision).toMatchObject({ ok: true, refused: 1 });
    if (!decision.ok || !decision.update) throw new Error('expected a filtered update');
    expect(decodePresence(decision.update).map((e) => e.clientId)).toEqual([1]);
    const onlyBob = encodePresence([entry(2, null, 100)]);
    expect(admitPresence(onlyBob, 'mallory', new Set(), ownerOf, clockOf, LIMITS)).toEqual({ ok: true, update: null, refused: 1 });
  });

  it("drops a stock client's echo of someone else's presence without counting it", () => {
    const echo = encodePresence([entry(2, { name: 'Bob' }, 5)]);
    expect(admitPresence(echo, 'alice', new Set([1]), ownerOf, clockOf, LIMITS)).toEqual({ ok: true, update: null, refused: 0 });
  });

  it('closes on an oversized state or too many ids', () => {
    const big = encodePresence([entry(1, { blob: 'x'.repeat(200) })]);
    expect(admitPresence(big, 'alice', new Set([1]), ownerOf, clockOf, LIMITS)).toEqual({
      ok: false,
      problem: expect.stringMatching(/over the 100-byte limit/),
    });
    const many = encodePresence([entry(10, {}), entry(11, {}), entry(12, {})]);
    expect(admitPresence(many, 'carol', new Set(), ownerOf, clockOf, LIMITS)).toEqual({
      ok: false,
      problem: 'more than 2 presence ids on one connection',
    });
  });
});

describe('admitRemotePresence', () => {
  it("keeps a peer node's entries except those a local connection holds", () => {
    const update = encodePresence([entry(1, { name: 'moved here' }), entry(2, { name: 'still there' })]);
    expect(admitRemotePresence(update, () => false)).toBe(update);
    expect(decodePresence(admitRemotePresence(update, (id) => id === 1)!).map((e) => e.clientId)).toEqual([2]);
    expect(admitRemotePresence(update, () => true)).toBeNull();
  });
});
