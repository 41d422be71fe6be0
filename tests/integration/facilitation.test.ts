import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, getCollection, getMetaMap, MAX_COMMENT_TEXT, readMeta, updateRecord } from '@pc/shared';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor, type SyncClient } from '../helpers/sync';

/**
 * Facilitation powers and comments against the real server with stock
 * y-websocket clients: only the owner runs the timer and summons; comments
 * that are too big, badly typed or point at nothing are refused; and the
 * clock endpoint refuses anything but a plain GET.
 */

let server: RunningServer;
const pool = new ClientPool();

beforeAll(async () => {
  server = await startServer();
});
afterEach(() => pool.destroyAll());
afterAll(async () => {
  await server?.dispose();
});

const TIMER = { durationMs: 180_000, running: true, endsAt: Date.now() + 180_000, remainingMs: null, by: 'Mallory', seq: 1 };
const SUMMON = { seq: 1, view: 'logic-model', viewport: { x: 0, y: 0, width: 800, height: 600 }, by: 'Mallory', at: Date.now() };

async function connected(board: CreatedBoard, token: string): Promise<SyncClient> {
  const client = pool.connect(server, board.id, token);
  await client.synced();
  return client;
}

/** Send `change` from `client` and wait until it is closed with a policy code; returns the reason. */
async function refused(client: SyncClient, change: (doc: Y.Doc) => void): Promise<string> {
  const before = client.closes.length;
  change(client.doc);
  await waitFor(() => client.closes.length > before, { message: 'the server closes the sender', timeout: 5000 });
  const close = client.closes[before]!;
  expect([1008, 1009]).toContain(close.code);
  return close.reason;
}

describe('owner-only facilitation settings', () => {
  it('an editor cannot start the timer or summon; the owner can, and everyone sees it', async () => {
    const board = await createBoard(server, 'Powers');
    const owner = await connected(board, board.tokens.owner);
    const editor = await connected(board, board.tokens.edit);
    const watcher = await connected(board, board.tokens.view);

    expect(await refused(editor, (d) => getMetaMap(d).set('timer', TIMER))).toMatch(/The workshop timer can be changed by the board owner only/);
    // (A refused stock client reconnects and re-sends its refused change, so each try uses its own client.)
    const editor2 = await connected(board, board.tokens.edit);
    expect(await refused(editor2, (d) => getMetaMap(d).set('summon', SUMMON))).toMatch(/Bringing everyone to one view can be changed by the board owner only/);
    // Nobody saw them: not the server's copy, not the watcher.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readMeta(watcher.doc).record.timer).toBeNull();
    expect(readMeta(watcher.doc).record.summon).toBeNull();

    getMetaMap(owner.doc).set('timer', { ...TIMER, by: 'Ada' });
    getMetaMap(owner.doc).set('summon', { ...SUMMON, by: 'Ada' });
    await waitFor(() => readMeta(watcher.doc).record.summon?.by === 'Ada' && readMeta(watcher.doc).record.timer?.by === 'Ada', { message: 'watcher sees the owner\'s timer and summon' });
    expect(owner.closes).toEqual([]);

    // The editor, reconnected, still cannot pause or clear it, nor get round the gate with an offline batch.
    const again = await connected(board, board.tokens.edit);
    expect(await refused(again, (d) => getMetaMap(d).set('timer', null))).toMatch(/meta\.timer|workshop timer/);
    expect(readMeta(watcher.doc).record.timer?.by).toBe('Ada');
  });

  it('refuses a malformed timer even from the owner', async () => {
    const board = await createBoard(server, 'Bad timer');
    const owner = await connected(board, board.tokens.owner);
    expect(await refused(owner, (d) => getMetaMap(d).set('timer', { ...TIMER, durationMs: 1e12 }))).toMatch(/meta\.timer|workshop timer/);
    const owner2 = await connected(board, board.tokens.owner);
    expect(await refused(owner2, (d) => getMetaMap(d).set('timer', { ...TIMER, running: 'yes' }))).toMatch(/meta\.timer|workshop timer/);
  });
});

describe('hostile comments', () => {
  it('refuses huge, badly typed and dangling comments, and keeps the good ones', async () => {
    const board = await createBoard(server, 'Comments');
    const editor = await connected(board, board.tokens.edit);
    createRecord(editor.doc, 'stakeholders', { id: 's1', name: 'Food bank', organisation: '', power: 2, interest: 2, attitude: 0 });
    createRecord(editor.doc, 'comments', { id: 'c1', text: 'Who leads here?', targetId: 's1', author: 'Ada' });
    createRecord(editor.doc, 'comments', { id: 'c2', text: 'Bo does', parentId: 'c1', author: 'Bo', mentions: ['Ada'] });
    const watcher = await connected(board, board.tokens.view);
    await waitFor(() => getCollection(watcher.doc, 'comments').size === 2, { message: 'good comments arrive' });

    const raw = (id: string, fields: Record<string, unknown>) => (d: Y.Doc) => {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries({ id, ...fields })) map.set(key, value);
      getCollection(d, 'comments').set(id, map);
    };
    const cases: [string, (d: Y.Doc) => void, RegExp][] = [
      ['huge text', raw('h1', { text: 'x'.repeat(MAX_COMMENT_TEXT + 1) }), /comments\/h1\.text/],
      ['text of the wrong type', raw('h2', { text: 42 }), /comments\/h2\.text/],
      ['resolved as a string', raw('h3', { text: 'hi', resolved: 'yes' }), /comments\/h3\.resolved/],
      ['mentions not a list', raw('h4', { text: 'hi', mentions: 'everyone' }), /comments\/h4\.mentions/],
      ['a point without its tab', raw('h5', { text: 'hi', x: 1, y: 2 }), /comments\/h5/],
      ['an unknown target', raw('h6', { text: 'hi', targetId: 'no-such-record' }), /comments\/h6\.targetId: no record/],
      ['a reply to nothing', raw('h7', { text: 'hi', parentId: 'no-such-comment' }), /comments\/h7\.parentId: no comment/],
      ['an unknown field', raw('h8', { text: 'hi', script: '<img onerror>' }), /comments\/h8\.script: not a field/],
      ['retargeting an existing comment at nothing', (d) => updateRecord(d, 'comments', 'c1', { targetId: 'gone' }), /comments\/c1\.targetId/],
    ];
    for (const [what, change, reason] of cases) {
      const hostile = await connected(board, board.tokens.edit);
      expect(await refused(hostile, change), what).toMatch(reason);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([...getCollection(watcher.doc, 'comments').keys()].sort()).toEqual(['c1', 'c2']);
    expect(getCollection(watcher.doc, 'comments').get('c1')!.get('targetId')).toBe('s1');
    expect(editor.closes).toEqual([]);

    // A viewer's comment never reaches the board (read-only links stay read-only).
    const viewer = await connected(board, board.tokens.view);
    createRecord(viewer.doc, 'comments', { id: 'v1', text: 'From a viewer', targetId: 's1' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(getCollection(watcher.doc, 'comments').has('v1')).toBe(false);
  });
});

describe('comments from a view link in workshop mode (REST)', () => {
  it('takes threads, replies, canvas points and mentions, and refuses replies to nothing', async () => {
    const board = await createBoard(server, 'Workshop comments');
    const owner = await connected(board, board.tokens.owner);
    createRecord(owner.doc, 'stakeholders', { id: 's1', name: 'Food bank', organisation: '', power: 2, interest: 2, attitude: 0 });
    getMetaMap(owner.doc).set('viewersMayVote', true);
    const watcher = await connected(board, board.tokens.view);
    await waitFor(() => readMeta(watcher.doc).record.viewersMayVote && getCollection(watcher.doc, 'stakeholders').has('s1'), { message: 'workshop mode on' });

    const post = (body: unknown) =>
      fetch(`${server.url}/api/boards/${board.id}/comments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${board.tokens.view}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const root = await post({ text: 'Who funds them?', targetId: 's1', author: 'Viewer Vi' });
    expect(root.status).toBe(201);
    const { id } = (await root.json()) as { id: string };
    expect((await post({ text: '@Ada knows', parentId: id, author: 'Viewer Vi', mentions: ['Ada'] })).status).toBe(201);
    expect((await post({ text: 'Parking lot', view: 'logic-model', x: 10, y: 20, author: 'Viewer Vi' })).status).toBe(201);
    for (const bad of [
      { text: 'orphan', parentId: 'no-such-thread' },
      { text: 'half a point', x: 10 },
      { text: 'x'.repeat(MAX_COMMENT_TEXT + 1) },
      { text: 'hi', resolved: true },
      { text: 'hi', mentions: 'all' },
    ]) {
      const res = await post(bad);
      expect(res.status, JSON.stringify(bad).slice(0, 60)).toBe(400);
      expect(typeof ((await res.json()) as { error?: unknown }).error).toBe('string');
    }
    await waitFor(() => getCollection(watcher.doc, 'comments').size === 3, { message: 'three comments arrive' });
    const reply = [...getCollection(watcher.doc, 'comments').values()].find((c) => c.get('parentId') === id);
    expect(reply?.get('mentions')).toEqual(['Ada']);
  });
});

describe('GET /api/time', () => {
  it('gives the server clock, uncached', async () => {
    const before = Date.now();
    const res = await fetch(`${server.url}/api/time`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { now: number };
    expect(body.now).toBeGreaterThanOrEqual(before - 1000);
    expect(body.now).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('refuses anything but a plain GET with a clear error', async () => {
    const cases: [string, RequestInit, number][] = [
      ['/api/time?t=1', {}, 400],
      ['/api/time?' + 'x'.repeat(4000), {}, 400],
      ['/api/time', { method: 'POST', body: '{"now":1}', headers: { 'content-type': 'application/json' } }, 405],
      ['/api/time', { method: 'DELETE' }, 405],
      ['/api/time/extra', {}, 404],
    ];
    for (const [path, init, status] of cases) {
      const res = await fetch(`${server.url}${path}`, init);
      expect(res.status, `${init.method ?? 'GET'} ${path.slice(0, 30)}`).toBe(status);
      const body = (await res.json()) as { error?: string };
      expect(typeof body.error).toBe('string');
    }
    // A GET carrying a body is refused too (nothing is ever read from it).
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/time`, { method: 'GET', headers: { 'content-length': '5' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('hello');
    });
    expect(status).toBe(400);
  });
});
