import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecord, getCollection } from '@pc/shared';
import { createBoard, startServer, tempDataDir, type RunningServer } from '../helpers/server';
import { ClientPool, getBoard, metric, waitFor } from '../helpers/sync';

/**
 * Restarts against the same data directory. Each test starts its own server
 * (a restart is the point), so nothing leaks between them.
 */
describe('durability', () => {
  const pool = new ClientPool();
  const servers: RunningServer[] = [];
  const dirs: string[] = [];

  async function start(dataDir: string, env: Record<string, string> = {}) {
    const server = await startServer({ dataDir, env });
    servers.push(server);
    return server;
  }

  function newDataDir() {
    const dir = tempDataDir();
    dirs.push(dir);
    return dir;
  }

  afterEach(async () => {
    pool.destroyAll();
    await Promise.all(servers.splice(0).map((server) => server.stop('SIGKILL')));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function itemTexts(doc: import('yjs').Doc): string[] {
    return [...getCollection(doc, 'canvasItems').values()].map((item) => String(item.get('text'))).sort();
  }

  async function writeNotes(server: RunningServer, boardId: string, token: string, texts: string[]) {
    const client = pool.connect(server, boardId, token);
    await client.synced();
    for (const text of texts) createRecord(client.doc, 'canvasItems', { kind: 'sticky', text });
    return client;
  }

  async function readNotes(server: RunningServer, boardId: string, token: string) {
    const client = pool.connect(server, boardId, token);
    await client.synced();
    return itemTexts(client.doc);
  }

  it('flushes queued updates on a graceful restart (SIGTERM), closing clients as going away', async () => {
    const dataDir = newDataDir();
    // A one-minute group-commit window: only the shutdown flush can have written the edits.
    const first = await start(dataDir, { FLUSH_INTERVAL_MS: '60000' });
    const board = await createBoard(first, 'Graceful');
    const writer = await writeNotes(first, board.id, board.tokens.edit, ['one', 'two']);
    await waitFor(async () => (await metric(first, 'pc_updates_applied_total')) >= 2);
    expect(await metric(first, 'pc_storage_updates_written_total')).toBe(0);
    expect(await metric(first, 'pc_storage_updates_queued')).toBeGreaterThanOrEqual(2);
    const closedBefore = writer.closes.length;
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output().match(/Partnership Canvas listening on http:\/\/localhost:\d+\n/g)).toEqual([
      `Partnership Canvas listening on http://localhost:${first.port}\n`,
    ]);
    await waitFor(() => writer.closes.length > closedBefore);
    // The first close is the server's; the provider's reconnect attempts to the stopped server add 1006s after it.
    expect(writer.closes[closedBefore]?.code).toBe(1001);
    writer.destroy();

    const second = await start(dataDir);
    expect(await readNotes(second, board.id, board.tokens.view)).toEqual(['one', 'two']);
    const summary = await getBoard(second, board.id, board.tokens.owner);
    expect(summary.body).toMatchObject({ title: 'Graceful', counts: expect.objectContaining({ canvasItems: 2 }) });
  });

  it('also shuts down cleanly on SIGINT', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir, { FLUSH_INTERVAL_MS: '60000' });
    const board = await createBoard(first, 'Interrupted');
    await writeNotes(first, board.id, board.tokens.edit, ['kept']);
    await waitFor(async () => (await metric(first, 'pc_updates_applied_total')) >= 1);
    expect(await first.stop('SIGINT')).toBe(0);
    pool.destroyAll();
    const second = await start(dataDir);
    expect(await readNotes(second, board.id, board.tokens.view)).toEqual(['kept']);
  });

  it('keeps every stored update across a crash (SIGKILL)', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    const board = await createBoard(first, 'Crash');
    const writer = await writeNotes(first, board.id, board.tokens.owner, ['alpha', 'beta', 'gamma']);
    // Wait past the group-commit window: until every applied update has been written.
    await waitFor(
      async () =>
        (await metric(first, 'pc_updates_applied_total')) >= 3 &&
        (await metric(first, 'pc_storage_updates_queued')) === 0,
      { message: 'updates were not written' },
    );
    await first.stop('SIGKILL');
    writer.destroy();

    const second = await start(dataDir);
    expect(await readNotes(second, board.id, board.tokens.view)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('keeps a view client\'s edits out of storage across a restart', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    const board = await createBoard(first, 'Viewer');
    await writeNotes(first, board.id, board.tokens.edit, ['legit']);
    const viewer = pool.connect(first, board.id, board.tokens.view);
    await viewer.synced();
    await waitFor(() => getCollection(viewer.doc, 'canvasItems').size === 1);
    createRecord(viewer.doc, 'canvasItems', { kind: 'sticky', text: 'from viewer' });
    await waitFor(async () => (await metric(first, 'pc_updates_rejected_total', { reason: 'read-only' })) >= 1);
    expect(await first.stop('SIGTERM')).toBe(0);
    pool.destroyAll();

    const second = await start(dataDir);
    expect(await readNotes(second, board.id, board.tokens.owner)).toEqual(['legit']);
  });

  it('unloads an empty room, and a later client still gets its content', async () => {
    const dataDir = newDataDir();
    // Long group-commit window: the unload itself must flush.
    const server = await start(dataDir, { UNLOAD_DELAY_MS: '0', FLUSH_INTERVAL_MS: '60000' });
    const board = await createBoard(server, 'Unload');
    const writer = await writeNotes(server, board.id, board.tokens.edit, ['kept']);
    await waitFor(async () => (await metric(server, 'pc_rooms_loaded')) === 1);
    await waitFor(async () => (await metric(server, 'pc_updates_applied_total')) >= 1);
    writer.destroy();
    await waitFor(async () => (await metric(server, 'pc_rooms_loaded')) === 0, { message: 'room was not unloaded' });
    expect(await metric(server, 'pc_storage_compactions_total')).toBeGreaterThanOrEqual(1);
    expect(await metric(server, 'pc_storage_updates_queued')).toBe(0);

    expect(await readNotes(server, board.id, board.tokens.view)).toEqual(['kept']);
    expect(await metric(server, 'pc_rooms_loaded')).toBe(1);
  });

  it('compacts in the background and loads snapshot + tail after a crash', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir, { COMPACT_EVERY: '5' });
    const board = await createBoard(first, 'Compact');
    const texts = Array.from({ length: 23 }, (_, i) => `note ${String(i).padStart(2, '0')}`);
    const client = pool.connect(first, board.id, board.tokens.edit);
    await client.synced();
    // One update per message, spread over several group commits.
    for (const text of texts) {
      createRecord(client.doc, 'canvasItems', { kind: 'sticky', text });
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(async () => (await metric(first, 'pc_updates_applied_total')) >= texts.length);
    await waitFor(async () => (await metric(first, 'pc_storage_compactions_total')) >= 1);
    await waitFor(async () => (await metric(first, 'pc_storage_updates_queued')) === 0);
    await first.stop('SIGKILL');
    client.destroy();

    const second = await start(dataDir);
    expect(await readNotes(second, board.id, board.tokens.view)).toEqual(texts);
  });

  it('folds a long stored tail into a snapshot as soon as the board loads, without waiting for an edit', async () => {
    const dataDir = newDataDir();
    // Never compacts, then crashes: the whole history stays in the tail.
    const first = await start(dataDir, { COMPACT_EVERY: '1000000', FLUSH_INTERVAL_MS: '0' });
    const board = await createBoard(first, 'Long tail');
    const texts = Array.from({ length: 30 }, (_, i) => `note ${String(i).padStart(2, '0')}`);
    const writer = await writeNotes(first, board.id, board.tokens.edit, []);
    for (const text of texts) {
      createRecord(writer.doc, 'canvasItems', { kind: 'sticky', text });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await waitFor(async () => (await metric(first, 'pc_storage_updates_written_total')) >= texts.length);
    await first.stop('SIGKILL');
    writer.destroy();

    const second = await start(dataDir, { COMPACT_EVERY: '10' });
    // A viewer only reads: any compaction now comes from the load itself.
    expect(await readNotes(second, board.id, board.tokens.view)).toEqual(texts);
    await waitFor(async () => (await metric(second, 'pc_storage_compactions_total')) === 1);
  });
});
