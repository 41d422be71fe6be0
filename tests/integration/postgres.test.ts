import { afterAll, describe, expect, it } from 'vitest';
import { createRecord, getCollection } from '@pc/shared';
import { PostgresBoardStore } from '../../server/src/storage/postgres';
import { describeBoardStore } from '../../server/src/storage/storeContract.testutil';
import { createBoard, startServer, type RunningServer } from '../helpers/server';
import { availablePostgres, dropSchema, throwawaySchema } from '../helpers/services';
import { ClientPool, getBoard, metric, waitFor } from '../helpers/sync';

const url = await availablePostgres();

describe.skipIf(!url)('PostgreSQL storage', () => {
  // The same behaviour the SQLite store is held to, against a real PostgreSQL.
  describeBoardStore('PostgresBoardStore', async () => {
    const schema = throwawaySchema();
    return {
      open: () => PostgresBoardStore.open({ connectionString: url!, schema }),
      dispose: () => dropSchema(url!, schema),
    };
  });

  it('applies its schema once when several nodes start together', async () => {
    const schema = throwawaySchema();
    try {
      const stores = await Promise.all([1, 2, 3].map(() => PostgresBoardStore.open({ connectionString: url!, schema })));
      await Promise.all(stores.map((store) => store.close()));
    } finally {
      await dropSchema(url!, schema);
    }
  });

  describe('a server with STORAGE=postgres', () => {
    const schema = throwawaySchema('pc_server');
    const pool = new ClientPool();
    const servers: RunningServer[] = [];
    const env = { STORAGE: 'postgres', DATABASE_URL: url ?? '', DATABASE_SCHEMA: schema, FLUSH_INTERVAL_MS: '60000' };

    afterAll(async () => {
      pool.destroyAll();
      await Promise.all(servers.map((server) => server.stop('SIGKILL')));
      await dropSchema(url!, schema);
    });

    it('keeps boards and their content across a graceful restart', async () => {
      const first = await startServer({ env });
      servers.push(first);
      const board = await createBoard(first, 'Stored in PostgreSQL');
      const writer = pool.connect(first, board.id, board.tokens.edit);
      await writer.synced();
      createRecord(writer.doc, 'canvasItems', { kind: 'sticky', text: 'survives' });
      await waitFor(async () => (await metric(first, 'pc_updates_applied_total')) >= 1);
      // A one-minute commit window: only the shutdown flush can have written it.
      expect(await metric(first, 'pc_storage_updates_written_total')).toBe(0);
      expect(await first.stop('SIGTERM')).toBe(0);
      writer.destroy();

      const second = await startServer({ env });
      servers.push(second);
      const summary = await getBoard(second, board.id, board.tokens.view);
      expect(summary.status).toBe(200);
      expect(summary.body).toMatchObject({ title: 'Stored in PostgreSQL', role: 'view' });
      const reader = pool.connect(second, board.id, board.tokens.view);
      await reader.synced();
      const texts = [...getCollection(reader.doc, 'canvasItems').values()].map((item) => item.get('text'));
      expect(texts).toEqual(['survives']);
    });

    it('refuses to start with STORAGE=postgres and no DATABASE_URL', async () => {
      await expect(startServer({ env: { STORAGE: 'postgres', DATABASE_URL: '' } })).rejects.toThrow(/DATABASE_URL.*required when STORAGE=postgres/s);
    });
  });
});
