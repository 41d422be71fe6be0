import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { batchRemoteWrites, REMOTE_WRITE_MS, type OfflineCopy } from './offlineCopy';
import { LARGE_SYNC_BYTES } from './largeSync';

const SERVER = { name: 'provider' };

function setup() {
  const doc = new Y.Doc();
  const stored: { update: Uint8Array; origin: unknown }[] = [];
  let destroyed = 0;
  const copy: OfflineCopy = {
    _storeUpdate: (update, origin) => stored.push({ update, origin }),
    destroy: async () => {
      destroyed += 1;
      doc.off('update', copy._storeUpdate);
    },
  };
  doc.on('update', copy._storeUpdate);
  const pending: { run: () => void; ms: number }[] = [];
  const timers = {
    set: (run: () => void, ms: number) => {
      const entry = { run, ms };
      pending.push(entry);
      return entry;
    },
    clear: (handle: unknown) => {
      const at = pending.indexOf(handle as (typeof pending)[number]);
      if (at >= 0) pending.splice(at, 1);
    },
  };
  const fire = () => pending.splice(0).forEach((entry) => entry.run());
  const stop = batchRemoteWrites(doc, copy, (origin) => origin === SERVER, timers);
  // Another person's changes, as the sync applies them.
  const other = new Y.Doc();
  const fromServer = (key: string, value: number) => {
    const before = Y.encodeStateVector(doc);
    other.getMap('m').set(key, value);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), SERVER);
  };
  return { doc, copy, stored, pending, fire, stop, fromServer, destroyed: () => destroyed };
}

/** The document the offline copy would load: every stored update applied to an empty one. */
function reload(stored: { update: Uint8Array }[]): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const { update } of stored) Y.applyUpdate(doc, update);
  return doc.getMap('m').toJSON();
}

describe('batchRemoteWrites', () => {
  it('writes changes from the server merged, once per window, and loses none of them', () => {
    const { doc, stored, pending, fire, fromServer } = setup();
    for (let i = 0; i < 30; i++) fromServer('x', i);
    fromServer('y', 7);
    expect(stored).toHaveLength(0);
    expect(pending).toHaveLength(1);
    expect(pending[0]!.ms).toBe(REMOTE_WRITE_MS);
    fire();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.origin).toBe(SERVER);
    expect(reload(stored)).toEqual(doc.getMap('m').toJSON());
    expect(reload(stored)).toEqual({ x: 29, y: 7 });
  });

  it("writes this person's own change at once, after the server's changes waiting", () => {
    const { doc, stored, pending, fromServer } = setup();
    fromServer('x', 1);
    doc.getMap('m').set('mine', 'typed offline');
    expect(stored).toHaveLength(2);
    expect(stored[0]!.origin).toBe(SERVER);
    expect(stored[1]!.origin).toBeNull();
    expect(pending).toHaveLength(0);
    expect(reload(stored)).toEqual({ x: 1, mine: 'typed offline' });
  });

  it("writes a large change from the server (a board's first sync) as it came, without merging it", () => {
    const { doc, stored, pending, fromServer } = setup();
    fromServer('x', 1);
    const other = new Y.Doc();
    other.getMap('m').set('big', 'b'.repeat(LARGE_SYNC_BYTES));
    const big = Y.encodeStateAsUpdate(other);
    Y.applyUpdate(doc, big, SERVER);
    expect(stored).toHaveLength(2);
    // The waiting small change first, then the large one on its own.
    expect(stored[0]!.update.byteLength).toBeLessThan(1000);
    expect(stored[1]!.update.byteLength).toBeGreaterThanOrEqual(LARGE_SYNC_BYTES);
    expect(pending).toHaveLength(0);
    expect(reload(stored)).toEqual({ x: 1, big: 'b'.repeat(LARGE_SYNC_BYTES) });
  });

  it('writes what is waiting when the copy is closed, and stops listening', async () => {
    const { doc, copy, stored, fromServer, destroyed } = setup();
    fromServer('x', 2);
    await copy.destroy();
    expect(destroyed()).toBe(1);
    expect(reload(stored)).toEqual({ x: 2 });
    doc.getMap('m').set('after', 1);
    fromServer('late', 1);
    expect(stored).toHaveLength(1);
  });

  it('writes what is waiting when the page is hidden or left', () => {
    const listeners = new Map<string, () => void>();
    const page = { addEventListener: (name: string, run: () => void) => listeners.set(name, run), removeEventListener: (name: string) => listeners.delete(name) };
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'window');
    Object.defineProperty(globalThis, 'window', { value: page, configurable: true });
    try {
      const { stored, fromServer, stop } = setup();
      fromServer('x', 3);
      listeners.get('pagehide')!();
      expect(reload(stored)).toEqual({ x: 3 });
      stop();
      expect(listeners.size).toBe(0);
    } finally {
      if (saved) Object.defineProperty(globalThis, 'window', saved);
      else Reflect.deleteProperty(globalThis, 'window');
    }
  });

  it('stopping writes what is waiting and gives the copy its own listener back', () => {
    const { doc, stored, fromServer, stop } = setup();
    fromServer('x', 4);
    stop();
    expect(stored).toHaveLength(1);
    fromServer('y', 5);
    expect(stored).toHaveLength(2);
    doc.getMap('m').set('z', 6);
    expect(stored).toHaveLength(3);
    expect(reload(stored)).toEqual({ x: 4, y: 5, z: 6 });
  });
});
