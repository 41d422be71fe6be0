import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION, createRecord, getCollection, getMetaMap, listRecords, readMeta, type BoardId } from '@pc/shared';
import { SqliteBoardStore } from '../../server/src/storage/sqlite';
import { createBoard, startServer, tempDataDir, type RunningServer } from '../helpers/server';
import { ClientPool } from '../helpers/sync';

/**
 * Boards poisoned before the update gate existed (written straight into
 * storage here, as the old server stored whatever an edit link sent) still
 * open: the server repairs them on load and logs what it fixed.
 */
describe('a board poisoned in storage', () => {
  const dataDir = tempDataDir();
  let server: RunningServer | undefined;
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());
  afterAll(async () => {
    await server?.dispose();
  });

  it('opens after a restart with every good record, a valid meta and the poison removed', async () => {
    server = await startServer({ dataDir, env: { UNLOAD_DELAY_MS: '100' } });
    const board = await createBoard(server, 'Poisoned');
    const writer = pool.connect(server, board.id, board.tokens.edit);
    await writer.synced();
    createRecord(writer.doc, 'stakeholders', { id: 'kept', name: 'Council', organisation: '', power: 3, interest: 1, attitude: 0 });
    createRecord(writer.doc, 'canvasItems', { id: 'note', kind: 'sticky', text: 'kept' });
    const state = Y.encodeStateAsUpdate(writer.doc);
    pool.destroyAll();
    await server.stop('SIGTERM');

    // What the old gate let through: schemaVersion 99, a canvas item that is not a map, an emptied meta.
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, state);
    const before = Y.encodeStateVector(attacker);
    attacker.transact(() => {
      const meta = getMetaMap(attacker);
      for (const key of [...meta.keys()]) meta.delete(key);
      meta.set('schemaVersion', 99);
      (getCollection(attacker, 'canvasItems') as unknown as Y.Map<unknown>).set('poison', new Y.Text('boom'));
    });
    const store = new SqliteBoardStore(dataDir);
    await store.appendUpdates([{ boardId: board.id as BoardId, update: Y.encodeStateAsUpdate(attacker, before) }]);
    await store.close();

    server = await startServer({ dataDir, env: { UNLOAD_DELAY_MS: '100' } });
    const reader = pool.connect(server, board.id, board.tokens.view);
    await reader.synced();
    expect(reader.closes).toEqual([]);
    expect(readMeta(reader.doc)).toMatchObject({
      valid: true,
      record: { title: 'Poisoned', schemaVersion: CURRENT_SCHEMA_VERSION },
    });
    expect([...getCollection(reader.doc, 'canvasItems').keys()]).toEqual(['note']);
    expect(listRecords(reader.doc, 'stakeholders').map((r) => r.record.name)).toEqual(['Council']);
    expect(server.output()).toContain('repaired board document on load');
  });
});
