import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { writeSyncStep2, writeUpdate } from 'y-protocols/sync';
import { messageSync, WebsocketProvider } from 'y-websocket';
import { applyLargeSyncsWithoutReencode, applyWithoutReencode, largeSyncUpdate, NO_BYTES_UPDATE, readOfflineCopyWithoutReencode } from './largeSync';

function board(notes: number): Y.Doc {
  const doc = new Y.Doc();
  const items = doc.getMap('canvasItems');
  doc.transact(() => {
    for (let i = 0; i < notes; i++) {
      const note = new Y.Map<unknown>();
      note.set('id', `n${i}`);
      note.set('text', `note ${i}`);
      items.set(`n${i}`, note);
    }
  });
  return doc;
}

/** A sync message as the server sends it, after the outer message type. */
function syncMessage(write: (encoder: encoding.Encoder) => void): decoding.Decoder {
  const encoder = encoding.createEncoder();
  write(encoder);
  return decoding.createDecoder(encoding.toUint8Array(encoder));
}

describe('large sync messages', () => {
  it('finds the update of a large sync step 2 or update message, and leaves the decoder where it was', () => {
    const server = board(2000);
    const step2 = syncMessage((e) => writeSyncStep2(e, server));
    const update = largeSyncUpdate(step2, 1024);
    expect(update).not.toBeNull();
    expect(step2.pos).toBe(0);
    const client = new Y.Doc();
    Y.applyUpdate(client, update!);
    expect(client.getMap('canvasItems').size).toBe(2000);
    expect(largeSyncUpdate(syncMessage((e) => writeSyncStep2(e, server)), 10 * 1024 * 1024)).toBeNull();
    expect(largeSyncUpdate(syncMessage((e) => writeUpdate(e, Y.encodeStateAsUpdate(server))), 1024)).not.toBeNull();
    expect(largeSyncUpdate(syncMessage((e) => encoding.writeVarUint(e, 0)), 1)).toBeNull();
    expect(largeSyncUpdate(decoding.createDecoder(new Uint8Array([1, 200])), 1)).toBeNull();
  });

  it("hands the 'update' listeners the bytes as received (no re-encode), once, and keeps listeners added meanwhile", () => {
    const update = Y.encodeStateAsUpdate(board(500));
    const doc = new Y.Doc();
    const heard: [Uint8Array, unknown][] = [];
    doc.on('update', (bytes: Uint8Array, origin: unknown) => heard.push([bytes, origin]));
    const late: Uint8Array[] = [];
    applyWithoutReencode(doc, update, () => {
      Y.applyUpdate(doc, update, 'server');
      doc.on('update', (bytes: Uint8Array) => late.push(bytes));
    });
    expect(heard).toHaveLength(1);
    expect(heard[0]![0]).toBe(update);
    expect(heard[0]![1]).toBe('server');
    expect(doc.getMap('canvasItems').size).toBe(500);
    // The same bytes again change nothing: no one hears them.
    applyWithoutReencode(doc, update, () => Y.applyUpdate(doc, update, 'server'));
    expect(heard).toHaveLength(1);
    // Both listeners hear the next change as usual.
    doc.getMap('canvasItems').delete('n1');
    expect(heard).toHaveLength(2);
    expect(late).toHaveLength(1);
  });

  it("routes a provider's large first sync around the re-encode, and it still marks the provider synced", () => {
    const server = board(3000);
    const doc = new Y.Doc();
    const provider = new WebsocketProvider('ws://127.0.0.1:1', 'board', doc, {
      connect: false,
      disableBc: true,
      // Never opened (connect: false); Node has no WebSocket global.
      WebSocketPolyfill: class {} as unknown as typeof WebSocket,
    });
    try {
      applyLargeSyncsWithoutReencode(provider, 1024);
      const heard: Uint8Array[] = [];
      doc.on('update', (bytes: Uint8Array) => heard.push(bytes));
      const message = syncMessage((e) => writeSyncStep2(e, server));
      const expected = largeSyncUpdate(message, 1024)!;
      provider.messageHandlers[messageSync]!(encoding.createEncoder(), message, provider, true, messageSync);
      expect(provider.synced).toBe(true);
      expect(doc.getMap('canvasItems').size).toBe(3000);
      expect(heard).toHaveLength(1);
      expect(heard[0]).toEqual(expected);
    } finally {
      provider.destroy();
    }
  });
});

describe('the offline copy read without a re-encode', () => {
  it("calls the 'update' listeners once, after the copy's transaction, without encoding it, and keeps later changes' bytes", () => {
    const copy = Y.encodeStateAsUpdate(board(500));
    const doc = new Y.Doc();
    const persistence = { name: 'offline copy' };
    const heard: { bytes: number; origin: unknown }[] = [];
    const listener = (update: Uint8Array, origin: unknown) => heard.push({ bytes: update.byteLength, origin });
    doc.on('update', listener);
    const stop = readOfflineCopyWithoutReencode(doc, (origin) => origin === persistence);
    let encodedDuringCopy = false;
    doc.on('afterTransactionCleanup', (transaction: Y.Transaction) => {
      if (transaction.origin === persistence) encodedDuringCopy = (doc._observers as Map<string, unknown>).has('update');
    });

    Y.transact(doc, () => Y.applyUpdate(doc, copy), persistence, false);
    expect(encodedDuringCopy).toBe(false);
    expect(heard).toEqual([{ bytes: NO_BYTES_UPDATE.byteLength, origin: persistence }]);
    expect(doc.getMap('canvasItems').size).toBe(500);

    // Reading the same copy again changes nothing: nobody hears of it.
    Y.transact(doc, () => Y.applyUpdate(doc, copy), persistence, false);
    expect(heard).toHaveLength(1);

    // Any other change is encoded as usual, its bytes whole.
    doc.getMap('canvasItems').set('typed', 'by hand');
    expect(heard).toHaveLength(2);
    expect(heard[1]!.bytes).toBeGreaterThan(NO_BYTES_UPDATE.byteLength);
    const other = new Y.Doc();
    Y.applyUpdate(other, NO_BYTES_UPDATE);
    expect(other.store.clients.size).toBe(0);
    stop();
  });

  it('hears a change an observer makes while the copy is read, with its own bytes', () => {
    const doc = new Y.Doc();
    const persistence = {};
    const heard: unknown[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => heard.push(origin === persistence ? 'copy' : update.byteLength));
    readOfflineCopyWithoutReencode(doc, (origin) => origin === persistence);
    const items = doc.getMap('canvasItems');
    items.observe((event) => {
      if (event.transaction.origin === persistence) doc.transact(() => items.set('repaired', true), 'repair');
    });
    Y.transact(doc, () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(board(3))), persistence, false);
    expect(heard[0]).toBe('copy');
    expect(heard).toHaveLength(2);
    expect(heard[1]).toBeGreaterThan(2);
    expect(items.get('repaired')).toBe(true);
  });
});
