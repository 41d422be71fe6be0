import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { metric, waitFor } from '../helpers/sync';

/**
 * A laptop whose lid closed mid-workshop leaves a socket that never answers:
 * the server pings every connection once per PING_INTERVAL_MS (spread over
 * the interval) and drops one that missed a ping, while live ones stay.
 */
describe('keepalive', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { PING_INTERVAL_MS: '1000' } });
    board = await createBoard(server, 'Keepalive');
  });
  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    await server?.dispose();
  });

  async function open(autoPong: boolean): Promise<{ ws: WebSocket; closed: Promise<number>; pings: () => number }> {
    const ws = new WebSocket(`${server.wsUrl}/${board.id}?token=${board.tokens.view}`, { autoPong });
    sockets.push(ws);
    let pings = 0;
    ws.on('ping', () => pings++);
    ws.on('error', () => undefined);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return { ws, closed, pings: () => pings };
  }

  it('drops a connection that stops answering pings and keeps the ones that answer', async () => {
    const live = await Promise.all([open(true), open(true), open(true)]);
    const silent = await open(false);
    await waitFor(async () => (await metric(server, 'pc_ws_connections')) === 4);

    // Dropped within a few intervals (one to be pinged, one to be found silent), without a close handshake.
    const code = await Promise.race([silent.closed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 6_000))]);
    expect(code).toBe(1006);
    expect(silent.pings()).toBeGreaterThanOrEqual(1);

    await waitFor(async () => (await metric(server, 'pc_ws_connections')) === 3);
    // The answering ones were pinged every interval and are still open.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const socket of live) {
      expect(socket.ws.readyState).toBe(WebSocket.OPEN);
      expect(socket.pings()).toBeGreaterThanOrEqual(2);
    }
  }, 20_000);
});
