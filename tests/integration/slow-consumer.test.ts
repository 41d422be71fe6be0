import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, getCollection } from '@pc/shared';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, metric, waitFor } from '../helpers/sync';

/**
 * A participant whose network stalls (laptop lid half-closed, train tunnel)
 * must not make the server hold a busy board's every update for them.
 */
describe('a client that stops reading', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  const pool = new ClientPool();

  beforeAll(async () => {
    // The writer's rate limits are raised (they are tested on their own, in hostile-client.test.ts): a writer
    // closed over its rate limit stops the backlog growing, and the stalled client would then never pass the cap.
    server = await startServer({
      env: {
        MAX_SEND_BUFFER_BYTES: String(4 * 1024 * 1024),
        RATE_UPDATES_PER_SECOND: '100000',
        RATE_BYTES_PER_SECOND: String(512 * 1024 * 1024),
        RATE_BOARD_UPDATES_PER_SECOND: '1000000',
        RATE_BOARD_BYTES_PER_SECOND: String(512 * 1024 * 1024),
      },
    });
    board = await createBoard(server, 'Busy workshop');
  });
  afterAll(async () => {
    pool.destroyAll();
    await server?.dispose();
  });

  it('is dropped once its backlog passes the limit, while everyone else carries on', async () => {
    const stalled = await pool.raw(`${server.wsUrl}/${board.id}?token=${board.tokens.view}`);
    // Stop reading from the socket: the kernel buffers fill, then the server's queue grows.
    stalled.ws.pause();
    const writer = pool.connect(server, board.id, board.tokens.edit);
    const reader = pool.connect(server, board.id, board.tokens.view);
    await writer.synced();
    await reader.synced();
    await waitFor(async () => (await metric(server, 'pc_ws_connections')) === 3);

    // Up to 40 MB of notes in 500 kB bursts: far more than loopback socket buffers
    // absorb for the stalled client, while a reading client drains every burst.
    const text = 'x'.repeat(10_000);
    for (let batch = 0; batch < 80; batch++) {
      for (let i = 0; i < 50; i++) createRecord(writer.doc, 'canvasItems', { kind: 'sticky', text });
      await new Promise((resolve) => setTimeout(resolve, 20));
      if ((await metric(server, 'pc_ws_slow_consumers_dropped_total')) >= 1) break;
    }

    await waitFor(async () => (await metric(server, 'pc_ws_slow_consumers_dropped_total')) === 1, { timeout: 15_000 });
    await waitFor(async () => (await metric(server, 'pc_ws_connections')) === 2);
    const written = getCollection(writer.doc, 'canvasItems').size;
    await waitFor(() => getCollection(reader.doc, 'canvasItems').size === written, { timeout: 20_000, message: 'reader did not catch up' });
    expect(reader.provider.wsconnected).toBe(true);
  }, 60_000);
});
