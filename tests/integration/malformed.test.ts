import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { createRecord, getCollection } from '@pc/shared';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, metric, waitFor } from '../helpers/sync';

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A real update that creates one sticky, as a well-behaved client would send it. */
function stickyUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  createRecord(doc, 'canvasItems', { kind: 'sticky', text });
  return Y.encodeStateAsUpdate(doc);
}

const truncatedUpdate = stickyUpdate('truncated').slice(0, 20);

const MALFORMED: Record<string, Uint8Array | string> = {
  'random garbage': new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x13, 0x37, 0x00, 0xff]),
  'an empty frame': new Uint8Array([]),
  'a truncated varint': new Uint8Array([0x80, 0x80, 0x80]),
  'an unknown message type': new Uint8Array([42, 0, 0]),
  'an unknown sync message type': new Uint8Array([0, 9, 0]),
  'a length prefix past the end': new Uint8Array([0, 2, 0x7f, 1, 2, 3]),
  'a truncated update': message((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, truncatedUpdate);
  }),
  'a malformed awareness update': message((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, new Uint8Array([1, 7, 1, 3, 0x7b, 0x7b, 0x7b]));
  }),
  'a text frame': 'hello',
};

describe('malformed WebSocket input', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startServer();
    board = await createBoard(server, 'Robust');
  });
  afterEach(() => pool.destroyAll());
  afterAll(async () => {
    await server?.dispose();
  });

  for (const [name, payload] of Object.entries(MALFORMED)) {
    it(`closes a connection that sends ${name} with 1008, storing nothing`, async () => {
      const bystander = pool.connect(server, board.id, board.tokens.edit);
      await bystander.synced();
      const itemsBefore = getCollection(bystander.doc, 'canvasItems').size;
      const appliedBefore = await metric(server, 'pc_updates_applied_total');

      const socket = await pool.raw(`${server.wsUrl}/${board.id}?token=${board.tokens.edit}`);
      socket.send(payload);
      const closed = await socket.closed;
      expect(closed.code).toBe(1008);

      // The server keeps serving: the bystander's edit still goes through and is seen by a newcomer.
      const note = createRecord(bystander.doc, 'canvasItems', { kind: 'sticky', text: `after ${name}` });
      const newcomer = pool.connect(server, board.id, board.tokens.view);
      await newcomer.synced();
      await waitFor(() => getCollection(newcomer.doc, 'canvasItems').has(note.id));
      expect(getCollection(newcomer.doc, 'canvasItems').size).toBe(itemsBefore + 1);
      expect(await metric(server, 'pc_updates_applied_total')).toBe(appliedBefore + 1);
      expect(bystander.closes).toEqual([]);
    });
  }

  it('still applies a well-formed update sent over a raw socket (the malformed cases are not false alarms)', async () => {
    const socket = await pool.raw(`${server.wsUrl}/${board.id}?token=${board.tokens.edit}`);
    socket.send(
      message((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, stickyUpdate('raw but valid'));
      }),
    );
    const reader = pool.connect(server, board.id, board.tokens.view);
    await reader.synced();
    await waitFor(() =>
      [...getCollection(reader.doc, 'canvasItems').values()].some((item) => item.get('text') === 'raw but valid'),
    );
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
  });
});

describe('oversized WebSocket messages', () => {
  let server: RunningServer;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startServer({ env: { MAX_MESSAGE_BYTES: '4096' } });
  });
  afterEach(() => pool.destroyAll());
  afterAll(async () => {
    await server?.dispose();
  });

  it('closes with 1009 and keeps serving', async () => {
    const board = await createBoard(server, 'Big');
    const socket = await pool.raw(`${server.wsUrl}/${board.id}?token=${board.tokens.edit}`);
    const big = message((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, stickyUpdate('x'.repeat(8000)));
    });
    expect(big.byteLength).toBeGreaterThan(4096);
    socket.send(big);
    expect((await socket.closed).code).toBe(1009);

    const client = pool.connect(server, board.id, board.tokens.edit);
    await client.synced();
    expect(getCollection(client.doc, 'canvasItems').size).toBe(0);
    expect(await metric(server, 'pc_ws_protocol_errors_total', { code: '1009' })).toBe(1);
  });
});
