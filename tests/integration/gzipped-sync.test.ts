import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { boardPaintSnapshot, createRecord, deleteRecord, GZIPPED_SYNC_MIN_BYTES, MESSAGE_GZIPPED_SYNC, MESSAGE_PAINT_SNAPSHOT, MESSAGE_SYNC, readPaintSnapshot, updateMeta } from '@pc/shared';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor, type RawSocket } from '../helpers/sync';

/** [messageSync, sync step 1, empty state vector]: "send me everything". */
const ASK_FOR_EVERYTHING = new Uint8Array([MESSAGE_SYNC, 0, 1, 0]);

/**
 * The app asks for large sync replies gzipped (`?compress=gzip`); stock
 * y-websocket clients never ask and get the plain protocol. A board of
 * 10,000 notes is 2.5 MB plain and about 0.7 MB gzipped.
 */
describe('gzipped sync replies', () => {
  let server: RunningServer;
  let big: CreatedBoard;
  let small: CreatedBoard;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startServer();
    big = await createBoard(server, 'Large board');
    small = await createBoard(server, 'Small board');
    const writer = pool.connect(server, big.id, big.tokens.edit);
    await writer.synced();
    writer.doc.transact(() => {
      for (let i = 0; i < 1500; i++) createRecord(writer.doc, 'canvasItems', { kind: 'sticky', text: `Note ${i}: what we heard from partners`, x: (i % 50) * 200, y: Math.floor(i / 50) * 140 });
    });
    const check = pool.connect(server, big.id, big.tokens.view);
    await waitFor(() => check.doc.getMap('canvasItems').size === 1500);
    pool.destroyAll();
  });
  afterEach(() => pool.destroyAll());
  afterAll(async () => server?.dispose());

  async function firstReply(board: CreatedBoard, query: string): Promise<Uint8Array> {
    const socket: RawSocket = await pool.raw(`${server.wsUrl}/${board.id}?token=${board.tokens.view}${query}`);
    socket.send(ASK_FOR_EVERYTHING);
    // The server's own sync step 1 comes too; the reply is the step 2 (or its gzipped form).
    return waitFor(() => socket.messages.find((m) => m[0] === MESSAGE_GZIPPED_SYNC || (m[0] === MESSAGE_SYNC && m[1] === 1)));
  }

  it('gzips a large reply for a client that asks, with the same bytes inside', async () => {
    const plain = await firstReply(big, '');
    expect(plain[0]).toBe(MESSAGE_SYNC);
    expect(plain.byteLength).toBeGreaterThan(GZIPPED_SYNC_MIN_BYTES);

    const gzipped = await firstReply(big, '&compress=gzip');
    expect(gzipped[0]).toBe(MESSAGE_GZIPPED_SYNC);
    expect(gzipped.byteLength).toBeLessThan(plain.byteLength / 3);
    const inside = new Uint8Array(gunzipSync(gzipped.subarray(1)));
    expect(Buffer.from(inside).equals(Buffer.from(plain))).toBe(true);

    // The state inside is the board: every note.
    const decoder = decoding.createDecoder(inside);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    expect(doc.getMap('canvasItems').size).toBe(1500);
  });

  it('sends a small reply plain even to a client that asks', async () => {
    const reply = await firstReply(small, '&compress=gzip');
    expect(reply[0]).toBe(MESSAGE_SYNC);
  });

  it('ignores any other compress value', async () => {
    for (const value of ['deflate', 'GZIP', '', 'gzip,br', '%00']) {
      const reply = await firstReply(big, `&compress=${value}`);
      expect(reply[0], value).toBe(MESSAGE_SYNC);
    }
  });

  it('still syncs a stock y-websocket client in full', async () => {
    const client = pool.connect(server, big.id, big.tokens.view);
    await client.synced();
    expect(client.doc.getMap('canvasItems').size).toBe(1500);
  });

  /** Every message up to and including the sync reply (plain or gzipped), for a raw socket that sends `step1`. */
  async function upToReply(board: CreatedBoard, query: string, step1: Uint8Array = ASK_FOR_EVERYTHING): Promise<Uint8Array[]> {
    const socket: RawSocket = await pool.raw(`${server.wsUrl}/${board.id}?token=${board.tokens.view}${query}`);
    socket.send(step1);
    const isReply = (m: Uint8Array) => m[0] === MESSAGE_GZIPPED_SYNC || (m[0] === MESSAGE_SYNC && m[1] === 1);
    await waitFor(() => socket.messages.some(isReply));
    return socket.messages.slice(0, socket.messages.findIndex(isReply) + 1);
  }

  const paintOf = (message: Uint8Array) => JSON.parse(gunzipSync(message.subarray(1)).toString('utf8')) as unknown;

  describe('paint snapshots', () => {
    it('sends the board records as gzipped JSON right before a large first reply, to a client that asks', async () => {
      const messages = await upToReply(big, '&compress=gzip&paint=1');
      const paints = messages.filter((m) => m[0] === MESSAGE_PAINT_SNAPSHOT);
      expect(paints).toHaveLength(1);
      // Right before the reply: nothing of the board's state in between.
      expect(messages.at(-2)?.[0]).toBe(MESSAGE_PAINT_SNAPSHOT);
      expect(messages.at(-1)?.[0]).toBe(MESSAGE_GZIPPED_SYNC);
      expect(paints[0]!.byteLength).toBeLessThan(messages.at(-1)!.byteLength);

      // The JSON is the document's records, exactly as the document reads them.
      const inside = new Uint8Array(gunzipSync(messages.at(-1)!.subarray(1)));
      const decoder = decoding.createDecoder(inside);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
      const paint = readPaintSnapshot(paintOf(paints[0]!));
      expect(Object.keys(paint.collections.canvasItems ?? {})).toHaveLength(1500);
      expect(paint).toEqual(boardPaintSnapshot(doc));
      expect(paint.meta.title).toBe('Large board');
    });

    it('sends it with plain replies too, and never to a client that does not ask or asks otherwise', async () => {
      const plain = await upToReply(big, '&paint=1');
      expect(plain.map((m) => m[0])).toContain(MESSAGE_PAINT_SNAPSHOT);
      expect(plain.at(-1)?.[0]).toBe(MESSAGE_SYNC);
      for (const query of ['', '&compress=gzip', '&paint=0', '&paint=true', '&paint=', '&paint=1%00']) {
        const messages = await upToReply(big, query);
        expect(messages.map((m) => m[0]), query).not.toContain(MESSAGE_PAINT_SNAPSHOT);
      }
    });

    it('is not sent to a client that already holds part of the board, nor for a small board', async () => {
      const partial = new Y.Doc();
      partial.getMap('scratch').set('x', 1);
      const sv = Y.encodeStateVector(partial);
      const step1 = new Uint8Array([MESSAGE_SYNC, 0, ...encodeLength(sv.byteLength), ...sv]);
      const messages = await upToReply(big, '&compress=gzip&paint=1', step1);
      expect(messages.map((m) => m[0])).not.toContain(MESSAGE_PAINT_SNAPSHOT);

      const smallMessages = await upToReply(small, '&compress=gzip&paint=1');
      expect(smallMessages.map((m) => m[0])).not.toContain(MESSAGE_PAINT_SNAPSHOT);
    });

    it('follows the board: a change made after one snapshot is in the next', async () => {
      const before = readPaintSnapshot(paintOf((await upToReply(big, '&paint=1')).find((m) => m[0] === MESSAGE_PAINT_SNAPSHOT)!));
      const writer = pool.connect(server, big.id, big.tokens.edit);
      await writer.synced();
      const gone = Object.keys(before.collections.canvasItems ?? {})[0]!;
      const added = createRecord(writer.doc, 'canvasItems', { kind: 'sticky', text: 'Added later', x: 0, y: -200 });
      deleteRecord(writer.doc, 'canvasItems', gone);
      updateMeta(writer.doc, { title: 'Renamed board' });
      const after = await waitFor(async () => {
        const next = readPaintSnapshot(paintOf((await upToReply(big, '&paint=1')).find((m) => m[0] === MESSAGE_PAINT_SNAPSHOT)!));
        return next.meta.title === 'Renamed board' ? next : null;
      }, { interval: 200 });
      expect(after.collections.canvasItems?.[added.id]).toMatchObject({ text: 'Added later' });
      expect(after.collections.canvasItems?.[gone]).toBeUndefined();
    });
  });
});

/** A varuint's bytes (lengths under 2^14 here). */
function encodeLength(n: number): number[] {
  return n < 128 ? [n] : [(n & 127) | 128, n >> 7];
}
