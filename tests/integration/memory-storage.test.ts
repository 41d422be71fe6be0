import { afterEach, describe, expect, it } from 'vitest';
import { createRecord, getCollection } from '@pc/shared';
import { createBoard, startServer, type RunningServer } from '../helpers/server';
import { ClientPool, getBoard, metric, waitFor } from '../helpers/sync';

/** STORAGE=memory: the same server and sync, nothing written to DATA_DIR, nothing kept after a restart. */
describe('memory storage', () => {
  const pool = new ClientPool();
  const servers: RunningServer[] = [];

  afterEach(async () => {
    pool.destroyAll();
    await Promise.all(servers.splice(0).map((server) => server.dispose()));
  });

  it('syncs, compacts and reloads a board in memory, and forgets it on restart', async () => {
    const server = await startServer({ env: { STORAGE: 'memory', COMPACT_EVERY: '3', UNLOAD_DELAY_MS: '0' } });
    servers.push(server);
    expect(server.output()).toContain('STORAGE=memory: boards are not kept after the server stops.');
    const board = await createBoard(server, 'In memory');

    const writer = pool.connect(server, board.id, board.tokens.edit);
    const reader = pool.connect(server, board.id, board.tokens.view);
    await Promise.all([writer.synced(), reader.synced()]);
    for (const text of ['one', 'two', 'three', 'four']) createRecord(writer.doc, 'canvasItems', { kind: 'sticky', text });
    await waitFor(() => getCollection(reader.doc, 'canvasItems').size === 4);
    await waitFor(async () => (await metric(server, 'pc_storage_compactions_total')) >= 1);

    // Everyone leaves: the room unloads, then loads again from the memory store.
    pool.destroyAll();
    await waitFor(async () => (await metric(server, 'pc_rooms_loaded')) === 0);
    const again = pool.connect(server, board.id, board.tokens.view);
    await again.synced();
    const texts = [...getCollection(again.doc, 'canvasItems').values()].map((item) => item.get('text')).sort();
    expect(texts).toEqual(['four', 'one', 'three', 'two']);

    await server.stop('SIGTERM');
    const restarted = await startServer({ dataDir: server.dataDir, env: { STORAGE: 'memory' } });
    servers.push(restarted);
    expect((await getBoard(restarted, board.id, board.tokens.owner)).status).toBe(404);
  });
});
