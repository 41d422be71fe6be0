import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRecord, getCollection } from '@pc/shared';
import { clusterEnv, startNodes } from '../helpers/cluster';
import { createBoard, freePort, type RunningServer } from '../helpers/server';
import { availablePostgres, availableRedis, dropSchema, privateRedis, redisServerInstalled, type PrivateRedis } from '../helpers/services';
import { ClientPool, metric, waitFor, type SyncClient } from '../helpers/sync';

const databaseUrl = await availablePostgres();
// The shared Redis only proves one is installed; this file restarts a redis-server of its own.
const redisUrl = await availableRedis();
const canRestartRedis = redisServerInstalled();

const RESYNC_MS = 500;
const texts = (client: SyncClient) =>
  [...getCollection(client.doc, 'canvasItems').values()].map((item) => String(item.get('text'))).sort();

describe.skipIf(!databaseUrl || !redisUrl || !canRestartRedis)('nodes converge when Redis restarts during edits', () => {
  const pool = new ClientPool();
  let redis: PrivateRedis | null = null;
  let nodes: RunningServer[] = [];
  let schema = '';

  afterEach(() => pool.destroyAll());
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop('SIGKILL')));
    await redis?.stop();
    if (databaseUrl && schema) await dropSchema(databaseUrl, schema);
  });

  it('reports Redis down on /healthz, then every board converges within the resync period once it is back', async () => {
    redis = await privateRedis(await freePort());
    const cluster = clusterEnv(databaseUrl!, redis.url, { FANOUT_RESYNC_MS: String(RESYNC_MS) });
    schema = cluster.schema;
    nodes = await startNodes(2, cluster.env);
    const boards = await Promise.all([1, 2, 3].map((n) => createBoard(nodes[0]!, `Board ${n}`)));
    const clients = boards.flatMap((board) => nodes.map((node) => pool.connect(node, board.id, board.tokens.edit)));
    // Owner actions on node 0 while node 1 cannot hear about them.
    const rotated = await createBoard(nodes[0]!, 'Rotated while Redis is away');
    const deleted = await createBoard(nodes[0]!, 'Deleted while Redis is away');
    const staleLink = pool.connect(nodes[1]!, rotated.id, rotated.tokens.edit);
    const onDeleted = pool.connect(nodes[1]!, deleted.id, deleted.tokens.view);
    await Promise.all([...clients, staleLink, onDeleted].map((client) => client.synced()));

    const write = (label: string) => clients.forEach((client, index) => createRecord(client.doc, 'canvasItems', { kind: 'sticky', text: `${label}-${index}` }));
    write('before');
    await waitFor(() => clients.every((client) => texts(client).length === 2), { message: 'edits before the restart did not cross' });

    await redis.stop();
    await waitFor(async () => (await fetch(`${nodes[0]!.url}/healthz`)).status === 503, { message: '/healthz did not notice Redis going away' });
    const down = await (await fetch(`${nodes[1]!.url}/healthz`)).json();
    expect(down).toMatchObject({ ok: false, storage: 'ok', redis: 'down' });
    // Edits while Redis is away: each node accepts and stores its own; none reaches the other node now.
    write('during');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(clients.some((client) => texts(client).length < 4)).toBe(true);
    const owner = (board: { tokens: { owner: string } }) => ({ authorization: `Bearer ${board.tokens.owner}` });
    expect((await fetch(`${nodes[0]!.url}/api/boards/${rotated.id}/tokens/edit/rotate`, { method: 'POST', headers: owner(rotated) })).status).toBe(200);
    expect((await fetch(`${nodes[0]!.url}/api/boards/${deleted.id}`, { method: 'DELETE', headers: owner(deleted) })).status).toBe(204);
    expect(staleLink.closes).toEqual([]);

    await redis.start();
    await waitFor(async () => (await fetch(`${nodes[0]!.url}/healthz`)).status === 200, { timeout: 15_000, message: 'nodes did not reconnect to Redis' });
    const back = Date.now();
    for (const client of clients) {
      await waitFor(() => texts(client).length === 4, { timeout: 15_000, message: 'a board did not converge after Redis came back' });
    }
    // Generous for a shared 2-core machine: a few resync periods after the reconnect.
    expect(Date.now() - back).toBeLessThan(RESYNC_MS * 10);
    // The lost close and evict messages are made up for by re-checking every link against storage.
    await waitFor(() => staleLink.closes.some((close) => close.code === 4401), { message: 'a link replaced while Redis was away stayed open' });
    await waitFor(() => onDeleted.closes.some((close) => close.code === 4404), { message: 'a board deleted while Redis was away stayed open' });
    for (const board of boards.keys()) {
      expect(texts(clients[board * 2]!)).toEqual(texts(clients[board * 2 + 1]!));
    }
    const resyncs = (await Promise.all(nodes.map((node) => metric(node, 'pc_fanout_resync_requests_total')))).reduce((a, b) => a + b);
    expect(resyncs).toBeGreaterThanOrEqual(3);
  }, 90_000);
});
