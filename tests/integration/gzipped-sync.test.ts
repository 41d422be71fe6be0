import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { createRecord, GZIPPED_SYNC_MIN_BYTES, MESSAGE_GZIPPED_SYNC, MESSAGE_SYNC } from '@pc/shared';
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
});
