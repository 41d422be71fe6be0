import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createRecord, getCollection } from '@pc/shared';
import { clusterEnv, failoverClient, startNodes } from '../helpers/cluster';
import { createBoard, startServer, type RunningServer } from '../helpers/server';
import { availablePostgres, availableRedis, dropSchema } from '../helpers/services';
import { ClientPool, metric, waitFor, type SyncClient } from '../helpers/sync';

const databaseUrl = await availablePostgres();
const redisUrl = await availableRedis();

const texts = (client: SyncClient) =>
  [...getCollection(client.doc, 'canvasItems').values()].map((item) => String(item.get('text'))).sort();

/** Several server processes behind no load balancer at all: clients of one board spread over them. */
describe.skipIf(!databaseUrl || !redisUrl)('several nodes serving one board (PostgreSQL + Redis)', () => {
  const cluster = clusterEnv(databaseUrl!, redisUrl!);
  const pool = new ClientPool();
  let nodes: RunningServer[] = [];
  const extra: RunningServer[] = [];

  beforeAll(async () => {
    nodes = await startNodes(3, cluster.env);
  }, 120_000);
  afterEach(() => pool.destroyAll());
  afterAll(async () => {
    await Promise.all([...nodes, ...extra].map((node) => node.stop('SIGKILL')));
    if (databaseUrl) await dropSchema(databaseUrl, cluster.schema);
  });

  it('starts three nodes that report storage and Redis on /healthz', async () => {
    for (const [index, node] of nodes.entries()) {
      const res = await fetch(`${node.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, node: `node${index}`, storage: 'ok', redis: 'ok' });
    }
  });

  it('carries every node’s edits to every client, and a late joiner on any node gets the whole board', async () => {
    const board = await createBoard(nodes[1]!, 'Across nodes');
    const clients = [0, 0, 1, 1, 2, 2].map((index) => pool.connect(nodes[index]!, board.id, board.tokens.edit));
    await Promise.all(clients.map((client) => client.synced()));
    const expected: string[] = [];
    for (const [index, client] of clients.entries()) {
      for (let n = 0; n < 5; n++) {
        const text = `from client ${index} #${n}`;
        createRecord(client.doc, 'canvasItems', { kind: 'sticky', text });
        expected.push(text);
      }
    }
    expected.sort();
    for (const client of clients) await waitFor(() => texts(client).length === expected.length, { message: 'edits did not reach every client' });
    for (const client of clients) expect(texts(client)).toEqual(expected);
    for (const node of nodes) {
      const late = pool.connect(node, board.id, board.tokens.view);
      await late.synced();
      await waitFor(() => texts(late).length === expected.length, { message: 'late joiner did not get the whole board' });
      expect(texts(late)).toEqual(expected);
    }
    // Each node applied the others' changes without storing them again: one stored update per accepted
    // one, plus at most one per node for the title a node writes into a brand-new board it loads.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const written = await Promise.all(nodes.map((node) => metric(node, 'pc_storage_updates_written_total')));
    const applied = await Promise.all(nodes.map((node) => metric(node, 'pc_updates_applied_total')));
    expect(written.reduce((a, b) => a + b)).toBeLessThanOrEqual(applied.reduce((a, b) => a + b) + nodes.length);
    expect(written.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(expected.length);
  }, 60_000);

  it('shows presence across nodes and removes it when its client leaves', async () => {
    const board = await createBoard(nodes[0]!, 'Presence');
    const here = pool.connect(nodes[0]!, board.id, board.tokens.edit);
    await here.synced();
    here.provider.awareness.setLocalStateField('user', { name: 'Ana on node 0', colour: '#123456' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Node 2 loads the board only now: it learns who is already there from node 0 (not after their next renewal, 15 s on).
    const there = pool.connect(nodes[2]!, board.id, board.tokens.view);
    await there.synced();
    const id = here.doc.clientID;
    await waitFor(() => (there.provider.awareness.getStates().get(id) as { user?: { name: string } } | undefined)?.user?.name === 'Ana on node 0', {
      message: 'presence did not cross nodes',
    });
    here.destroy();
    await waitFor(() => !there.provider.awareness.getStates().has(id), { message: 'presence stayed after its client left' });
  }, 30_000);

  it('closes a replaced link’s sockets and a deleted board’s sockets on every node', async () => {
    const board = await createBoard(nodes[0]!, 'Owner powers');
    const onOther = pool.connect(nodes[2]!, board.id, board.tokens.edit);
    const viewer = pool.connect(nodes[1]!, board.id, board.tokens.view);
    await Promise.all([onOther.synced(), viewer.synced()]);
    const rotated = await fetch(`${nodes[0]!.url}/api/boards/${board.id}/tokens/edit/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.owner}` },
    });
    expect(rotated.status).toBe(200);
    await waitFor(() => onOther.closes.some((close) => close.code === 4401), { message: 'the replaced link stayed open on another node' });
    const deleted = await fetch(`${nodes[0]!.url}/api/boards/${board.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${board.tokens.owner}` } });
    expect(deleted.status).toBe(204);
    await waitFor(() => viewer.closes.some((close) => close.code === 4404), { message: 'the deleted board stayed open on another node' });
  }, 30_000);

  it('brings a server-side change (a CSV import) to clients on the other nodes', async () => {
    const board = await createBoard(nodes[0]!, 'Import');
    const watcher = pool.connect(nodes[2]!, board.id, board.tokens.view);
    await watcher.synced();
    const res = await fetch(`${nodes[1]!.url}/api/boards/${board.id}/import?table=stakeholders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.owner}`, 'content-type': 'text/csv' },
      body: 'name,organisation,power,interest,attitude\nCouncil,City,3,4,1\n',
    });
    expect(res.status).toBe(200);
    await waitFor(() => getCollection(watcher.doc, 'stakeholders').size === 1, { message: 'the import did not reach another node' });
  }, 30_000);

  it('drops garbage published on the board and node channels, and keeps serving the board', async () => {
    const board = await createBoard(nodes[0]!, 'Hostile channel');
    const a = pool.connect(nodes[0]!, board.id, board.tokens.edit);
    const b = pool.connect(nodes[1]!, board.id, board.tokens.edit);
    await Promise.all([a.synced(), b.synced()]);
    createRecord(a.doc, 'canvasItems', { kind: 'sticky', text: 'before' });
    await waitFor(() => texts(b).includes('before'));
    const before = await metric(nodes[1]!, 'pc_fanout_dropped_total', { reason: 'malformed' });
    const redis = new Redis(redisUrl!);
    try {
      const channel = `${cluster.prefix}:board:${board.id}`;
      const frame = (kind: number, payload: number[]) => Buffer.from([1, kind, 5, ...Buffer.from('evil1'), 1, ...payload]);
      const garbage = [
        Buffer.from('not a frame at all'),
        Buffer.alloc(0),
        Buffer.from([1]),
        Buffer.from([1, 200, 1, 65, 0]),
        frame(1, [3, 9, 9, 9]), // an "update" that is no Yjs update
        frame(2, [2, 1, 1]), // presence that does not decode
        frame(3, [2, 255, 255, 0]), // a state vector that does not decode
        frame(4, [5, ...Buffer.from('node1'), 3, 200, 200, 200]), // a sync request with a broken state vector, to node1
        frame(6, [5, ...Buffer.from('admin'), 1, 0]), // close for an unknown role
        Buffer.alloc(64 * 1024, 0xff),
      ];
      for (const message of garbage) await redis.publish(channel, message);
      for (const message of garbage.slice(0, 4)) await redis.publish(`${cluster.prefix}:nodes`, message);
    } finally {
      redis.disconnect();
    }
    await waitFor(async () => (await metric(nodes[1]!, 'pc_fanout_dropped_total', { reason: 'malformed' })) >= before + 8, {
      message: 'malformed fan-out messages were not counted',
    });
    for (const node of nodes) expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
    createRecord(b.doc, 'canvasItems', { kind: 'sticky', text: 'after' });
    await waitFor(() => texts(a).includes('after'), { message: 'the board stopped syncing after garbage on its channel' });
    expect(texts(a)).toEqual(['after', 'before']);
    expect(b.closes).toEqual([]);
  }, 30_000);

  it('loses nothing when a node is killed during edits: its clients move to another node', async () => {
    const board = await createBoard(nodes[0]!, 'Crash');
    const clients = [0, 1, 2, 0, 1, 2].map((index) => failoverClient(pool, nodes, index, board.id, board.tokens.edit));
    // A client that stays with node 0 (no failover): its cursor must leave the other nodes when node 0 dies.
    const stranded = pool.connect(nodes[0]!, board.id, board.tokens.view);
    const watcher = pool.connect(nodes[1]!, board.id, board.tokens.view);
    await Promise.all([...clients, stranded, watcher].map((client) => client.synced()));
    stranded.provider.awareness.setLocalStateField('user', { name: 'on node 0', colour: '#000000' });
    await waitFor(() => watcher.provider.awareness.getStates().has(stranded.doc.clientID), { message: 'presence did not cross nodes' });
    const written: string[] = [];
    let writing = true;
    const writers = clients.map(async (client, index) => {
      for (let n = 0; writing; n++) {
        const text = `c${index}-${n}`;
        createRecord(client.doc, 'canvasItems', { kind: 'sticky', text });
        written.push(text);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await nodes[0]!.stop('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    writing = false;
    await Promise.all(writers);
    // FANOUT_NODE_TIMEOUT_MS is 2 s here; y-protocols' own 30 s timeout would be far later.
    await waitFor(() => !watcher.provider.awareness.getStates().has(stranded.doc.clientID), {
      timeout: 8000,
      message: "a dead node's clients stayed in presence",
    });
    stranded.destroy();
    const expected = [...written].sort();
    for (const client of clients) {
      await waitFor(() => texts(client).length === expected.length, { timeout: 30_000, message: `client did not converge (${texts(client).length}/${expected.length})` });
      expect(texts(client)).toEqual(expected);
    }
    // Stored, not only held in memory: stop the survivors gracefully and read the board from a fresh node.
    await Promise.all(nodes.slice(1).map((node) => node.stop('SIGTERM')));
    const fresh = await startServer({ env: { ...cluster.env, NODE_ID: 'fresh' } });
    extra.push(fresh);
    const reader = pool.connect(fresh, board.id, board.tokens.view);
    await reader.synced();
    await waitFor(() => texts(reader).length === expected.length, { message: 'the board read back from storage is missing edits' });
    expect(texts(reader)).toEqual(expected);
  }, 120_000);
});
