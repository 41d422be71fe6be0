import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_NOT_FOUND, CLOSE_UNAUTHORISED, createRecord, getCollection, updateMeta } from '@pc/shared';
import { SQLITE_FILE } from '../../server/src/storage/sqlite';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, getBoard, metric, waitFor } from '../helpers/sync';

/**
 * Owner powers over REST and WebSocket, against the real server with SQLite:
 * rotating a link, deleting a board, the yjs backup and its restore; and each
 * endpoint fed malformed, oversized and hostile input.
 */
describe('owner powers', () => {
  let server: RunningServer;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startServer({ env: { PUBLIC_URL: 'https://canvas.example.org', MAX_RESTORE_BYTES: '65536', UNLOAD_DELAY_MS: '100' } });
  });
  afterEach(() => pool.destroyAll());
  afterAll(async () => server?.dispose());

  const call = (method: string, path: string, token?: string, body?: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
      body,
    });
  const rotate = (board: CreatedBoard, role: string, token?: string) => call('POST', `/api/boards/${board.id}/tokens/${role}/rotate`, token);
  const remove = (board: CreatedBoard, token?: string) => call('DELETE', `/api/boards/${board.id}`, token);
  const exportYjs = (board: { id: string }, token: string) => call('GET', `/api/boards/${board.id}/export?format=yjs`, token);
  const restore = (body: Uint8Array, query = '') =>
    call('POST', `/api/boards/restore${query}`, undefined, Buffer.from(body), { 'content-type': 'application/octet-stream' });

  async function expectError(res: Response, status: number, pattern: RegExp) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { error?: unknown; problems?: unknown };
    expect(body.error).toMatch(pattern);
    return body;
  }

  /** Rows the board left in the SQLite file, read by a second connection as an operator would. */
  function storedRows(boardId: string): number {
    const db = new Database(join(server.dataDir, SQLITE_FILE), { readonly: true, fileMustExist: true });
    try {
      const count = (sql: string) => (db.prepare(sql).get(boardId) as { n: number }).n;
      return (
        count('SELECT COUNT(*) AS n FROM boards WHERE id = ?') +
        count('SELECT COUNT(*) AS n FROM updates WHERE board_id = ?') +
        count('SELECT COUNT(*) AS n FROM snapshots WHERE board_id = ?')
      );
    } finally {
      db.close();
    }
  }

  it('rotates each link: a new token and link, the old token refused at once, its sockets closed with 4401', async () => {
    const board = await createBoard(server, 'Rotation');
    const editor = pool.connect(server, board.id, board.tokens.edit);
    const viewer = pool.connect(server, board.id, board.tokens.view);
    await Promise.all([editor.synced(), viewer.synced()]);

    const res = await rotate(board, 'edit', board.tokens.owner);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; link: string };
    expect(body.token).toMatch(/^[0-9A-Za-z_-]{22}$/);
    expect(body.token).not.toBe(board.tokens.edit);
    expect(body.link).toBe(`https://canvas.example.org/b/${board.id}#t=${body.token}`);

    await waitFor(() => editor.closes.some((c) => c.code === CLOSE_UNAUTHORISED), { message: 'editor socket was not closed with 4401' });
    expect(editor.closes.find((c) => c.code === CLOSE_UNAUTHORISED)?.reason).toMatch(/replaced/);
    // Other roles keep their connection.
    expect(viewer.closes).toEqual([]);
    expect((await getBoard(server, board.id, board.tokens.edit)).status).toBe(403);
    expect((await getBoard(server, board.id, body.token)).body).toMatchObject({ role: 'edit' });

    // The old token cannot reconnect; the new one can, and edits.
    const stale = await pool.raw(`${server.wsUrl}/${board.id}?token=${board.tokens.edit}`);
    expect((await stale.closed).code).toBe(4403);
    editor.destroy();
    const fresh = pool.connect(server, board.id, body.token);
    await fresh.synced();
    createRecord(fresh.doc, 'canvasItems', { kind: 'sticky', text: 'after rotation' });
    await waitFor(() => [...getCollection(viewer.doc, 'canvasItems').values()].some((item) => item.get('text') === 'after rotation'));

    // The owner can rotate its own link too; the old owner token stops working.
    const owner = (await (await rotate(board, 'owner', board.tokens.owner)).json()) as { token: string };
    expect((await rotate(board, 'view', board.tokens.owner)).status).toBe(403);
    expect((await rotate(board, 'view', owner.token)).status).toBe(200);
    await waitFor(() => viewer.closes.some((c) => c.code === CLOSE_UNAUTHORISED));
  });

  it('deletes a board: 204, every socket closed, every stored row gone, later requests 404', async () => {
    const board = await createBoard(server, 'Doomed');
    const other = await createBoard(server, 'Neighbour');
    const editor = pool.connect(server, board.id, board.tokens.edit);
    const neighbour = pool.connect(server, other.id, other.tokens.edit);
    await Promise.all([editor.synced(), neighbour.synced()]);
    for (let i = 0; i < 5; i++) createRecord(editor.doc, 'canvasItems', { kind: 'sticky', text: `note ${i}` });
    createRecord(neighbour.doc, 'canvasItems', { kind: 'sticky', text: 'kept' });
    await waitFor(async () => (await metric(server, 'pc_storage_updates_queued')) === 0 && storedRows(board.id) > 1);

    const res = await remove(board, board.tokens.owner);
    expect(res.status).toBe(204);
    await waitFor(() => editor.closes.some((c) => c.code === CLOSE_NOT_FOUND), { message: 'socket was not closed on deletion' });
    expect(storedRows(board.id)).toBe(0);
    for (const token of Object.values(board.tokens)) expect((await getBoard(server, board.id, token)).status).toBe(404);
    expect((await remove(board, board.tokens.owner)).status).toBe(404);
    const late = await pool.raw(`${server.wsUrl}/${board.id}?token=${board.tokens.owner}`);
    expect((await late.closed).code).toBe(CLOSE_NOT_FOUND);

    // The neighbour lost nothing, and keeps saving.
    expect(neighbour.closes).toEqual([]);
    createRecord(neighbour.doc, 'canvasItems', { kind: 'sticky', text: 'still saving' });
    await waitFor(async () => (await metric(server, 'pc_storage_updates_queued')) === 0);
    neighbour.destroy();
    const reader = pool.connect(server, other.id, other.tokens.view);
    await reader.synced();
    expect([...getCollection(reader.doc, 'canvasItems').values()].map((item) => item.get('text')).sort()).toEqual(['kept', 'still saving']);
  });

  it('gives edit and view tokens 403, unknown boards 404, a missing token 401, a bad role 400', async () => {
    const board = await createBoard(server, 'Roles');
    for (const token of [board.tokens.edit, board.tokens.view]) {
      await expectError(await rotate(board, 'edit', token), 403, /Only the facilitator/);
      await expectError(await remove(board, token), 403, /Only the facilitator/);
      await expectError(await exportYjs(board, token), 403, /Only the facilitator/);
    }
    await expectError(await rotate(board, 'edit'), 401, /Bearer/);
    await expectError(await remove(board), 401, /Bearer/);
    const ghost = { ...board, id: 'A'.repeat(22) };
    await expectError(await rotate(ghost, 'edit', board.tokens.owner), 404, /No board/);
    await expectError(await remove(ghost, board.tokens.owner), 404, /No board/);
    for (const role of ['admin', 'OWNER', '..%2F..%2Fedit', '%00', 'x'.repeat(5000)]) {
      await expectError(await rotate(board, role, board.tokens.owner), 400, /role must be one of owner, edit, view/);
    }
    await expectError(await call('DELETE', `/api/boards/${'x'.repeat(10_000)}`, board.tokens.owner), 404, /No board/);
    await expectError(await call('DELETE', `/api/boards/${board.id}`, `${board.tokens.owner}x`), 403, /does not grant/);
    // A large body is never read: the answer is the same 403, at once.
    const big = await call('POST', `/api/boards/${board.id}/tokens/edit/rotate`, board.tokens.edit, 'x'.repeat(2 * 1024 * 1024), { 'content-type': 'application/json' });
    await expectError(big, 403, /Only the facilitator/);
    // Nothing changed along the way.
    expect((await getBoard(server, board.id, board.tokens.edit)).status).toBe(200);
  });

  it('backs a board up as yjs and restores it into a new board holding the same records', async () => {
    const board = await createBoard(server, 'Original');
    const editor = pool.connect(server, board.id, board.tokens.edit);
    await editor.synced();
    createRecord(editor.doc, 'stakeholders', { name: 'Council', organisation: 'City', power: 4, interest: 3, attitude: 1 });
    const partner = createRecord(editor.doc, 'partners', { name: 'Youth Trust', colour: '#2563eb' });
    createRecord(editor.doc, 'canvasItems', { kind: 'sticky', text: 'Ideas: ünïcødé ✓', x: 10, y: 20 });
    createRecord(editor.doc, 'logicNodes', { column: 'activities', text: 'Run sessions', leadPartnerId: partner.id, indicators: ['attendance'] });
    await waitFor(async () => (await metric(server, 'pc_storage_updates_queued')) === 0);

    const backup = await exportYjs(board, board.tokens.owner);
    expect(backup.status).toBe(200);
    expect(backup.headers.get('content-type')).toBe('application/octet-stream');
    expect(backup.headers.get('content-disposition')).toMatch(/attachment; filename="original-\d{4}-\d{2}-\d{2}\.yjs"/);
    const bytes = new Uint8Array(await backup.arrayBuffer());

    const res = await restore(bytes, '?title=Restored%20copy');
    expect(res.status).toBe(201);
    const copy = (await res.json()) as CreatedBoard;
    expect(copy.id).not.toBe(board.id);
    expect(copy.title).toBe('Restored copy');
    expect(new Set([...Object.values(copy.tokens), ...Object.values(board.tokens)]).size).toBe(6);
    expect(copy.links.edit).toBe(`https://canvas.example.org/b/${copy.id}#t=${copy.tokens.edit}`);

    const exportJson = async (id: string, token: string) =>
      ((await (await call('GET', `/api/boards/${id}/export?format=json`, token)).json()) as { records: unknown }).records;
    expect(await exportJson(copy.id, copy.tokens.view)).toEqual(await exportJson(board.id, board.tokens.view));
    const reader = pool.connect(server, copy.id, copy.tokens.view);
    await reader.synced();
    expect(getCollection(reader.doc, 'stakeholders').size).toBe(1);
    expect((await getBoard(server, copy.id, copy.tokens.owner)).body).toMatchObject({ title: 'Restored copy', role: 'owner' });

    // Without a title the backup's own title is kept.
    const again = (await (await restore(bytes)).json()) as CreatedBoard;
    expect(again.title).toBe('Original');
  });

  it('refuses garbage, oversized, incomplete and invalid backups with 400/413/422 and creates nothing', async () => {
    const boardsBefore = () => {
      const db = new Database(join(server.dataDir, SQLITE_FILE), { readonly: true });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const before = boardsBefore();
    await expectError(await restore(new Uint8Array()), 400, /empty/);
    await expectError(await restore(new TextEncoder().encode('{"title":"not yjs"}')), 400, /not a board backup/);
    await expectError(await restore(crypto.getRandomValues(new Uint8Array(4096))), 400, /not a board backup/);
    await expectError(await restore(new Uint8Array(70_000)), 413, /larger than 65536/);

    const hostile = (build: (doc: Y.Doc) => void) => {
      const doc = new Y.Doc();
      build(doc);
      return Y.encodeStateAsUpdate(doc);
    };
    const unknown = await expectError(await restore(hostile((doc) => doc.getMap('secrets').set('x', 'y'))), 422, /not a valid board/);
    expect(unknown.problems).toEqual(['unknown top-level collection "secrets"']);
    const banana = await expectError(
      await restore(
        hostile((doc) => {
          const s = createRecord(doc, 'stakeholders', { name: 'A', organisation: '', power: 1, interest: 1, attitude: 0 });
          getCollection(doc, 'stakeholders').get(s.id)!.set('power', 'banana');
        }),
      ),
      422,
      /not a valid board/,
    );
    expect(String(banana.problems)).toMatch(/power/);
    await expectError(await restore(hostile((doc) => doc.getMap('canvasItems').set('a', 'just text'))), 422, /not a valid board/);
    await expectError(await restore(hostile((doc) => updateMeta(doc, { schemaVersion: 99 }))), 422, /newer version/);
    // An update whose changes build on ones it does not carry.
    const base = new Y.Doc();
    createRecord(base, 'canvasItems', { kind: 'sticky', text: 'base' });
    const vector = Y.encodeStateVector(base);
    createRecord(base, 'canvasItems', { kind: 'sticky', text: 'later' });
    await expectError(await restore(Y.encodeStateAsUpdate(base, vector)), 422, /incomplete/);
    await expectError(await restore(hostile(() => undefined), `?title=${'x'.repeat(300)}`), 400, /at most 200/);
    await expectError(await restore(hostile(() => undefined), '?title=a&title=b'), 400, /title must be a string/);
    expect(boardsBefore()).toBe(before);
  });
});
