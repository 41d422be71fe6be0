import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, getCollection, getMetaMap, listRecords, readRecord, type VoteRound } from '@pc/shared';
import { createBoard, restartServer, startServer, tempDataDir, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor, type SyncClient } from '../helpers/sync';

/**
 * Dot voting over the REST API with a real server and stock clients: an
 * anonymous round's ballots stay on the server (nothing a participant
 * receives reveals another's dots), survive a restart, and tally exactly on
 * close; named rounds store votes in the document; viewers vote only in
 * workshop mode; hostile bodies get clear 4xx and change nothing.
 */

const KEYS = { ann: 'ann-voter-key-0000000001', bo: 'bo-voter-key-00000000002', cy: 'cy-voter-key-00000000003', vi: 'vi-voter-key-00000000004' };

describe('dot voting', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let board: CreatedBoard;
  const pool = new ClientPool();
  let owner: SyncClient;
  /** Everything a participant's socket received, as raw document updates. */
  const received: Uint8Array[] = [];

  async function api(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${server.url}/api/boards/${board.id}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, text };
  }
  const vote = (token: string, roundId: string, key: string, dots: Record<string, number>, voterName = '') =>
    api('PUT', `/vote-rounds/${roundId}/my-dots`, token, { dots, voterName }, { 'x-voter-key': key });
  const mine = (token: string, roundId: string, key: string) => api('GET', `/vote-rounds/${roundId}/my-dots`, token, undefined, { 'x-voter-key': key });
  const open = (body: unknown, token = board.tokens.owner) => api('POST', '/vote-rounds', token, body);
  const roundIn = (client: SyncClient, id: string) => readRecord(client.doc, 'voteRounds', id)?.record as VoteRound | undefined;

  beforeAll(async () => {
    server = await startServer({ dataDir });
    board = await createBoard(server, 'Voting');
    owner = pool.connect(server, board.id, board.tokens.owner);
    await owner.synced();
    for (const id of ['n1', 'n2', 'n3']) createRecord(owner.doc, 'canvasItems', { id, kind: 'sticky', text: id, x: 0, y: 0 });
    createRecord(owner.doc, 'stakeholders', { id: 's1', name: 'Council', organisation: '', power: 1, interest: 1, attitude: 0 });
    const watcher = pool.connect(server, board.id, board.tokens.edit);
    watcher.doc.on('update', (update: Uint8Array) => received.push(update));
    await waitFor(() => getCollection(watcher.doc, 'canvasItems').size === 3);
  }, 60_000);
  afterAll(async () => {
    pool.destroyAll();
    await server?.dispose();
  });

  let roundId = '';

  it('keeps an anonymous round\'s ballots off the document, and each person reads back only their own', async () => {
    const opened = await open({ title: 'Which first?', targetIds: ['n1', 'n2', 'n3'], dotsPerPerson: 3, maxPerItem: 2, anonymous: true });
    expect(opened.status).toBe(201);
    roundId = String(opened.body!.id);

    expect((await vote(board.tokens.edit, roundId, KEYS.ann, { n1: 2, n2: 1 })).body).toEqual({ roundId, dots: { n1: 2, n2: 1 }, left: 0 });
    expect((await vote(board.tokens.edit, roundId, KEYS.bo, { n2: 2 })).body).toEqual({ roundId, dots: { n2: 2 }, left: 1 });
    expect((await vote(board.tokens.owner, roundId, KEYS.cy, { n3: 1, n2: 1 })).status).toBe(200);
    // A person changes their mind: their ballot is replaced, not added to.
    expect((await vote(board.tokens.edit, roundId, KEYS.bo, { n2: 1, n3: 1 })).body).toMatchObject({ left: 1 });

    expect((await mine(board.tokens.edit, roundId, KEYS.ann)).body).toEqual({ roundId, dots: { n1: 2, n2: 1 }, left: 0 });
    expect((await mine(board.tokens.edit, roundId, 'someone-else-key-000000')).body).toEqual({ roundId, dots: {}, left: 3 });

    // What every participant's client holds and received: the round, with no counts and no votes.
    const watcher = new Y.Doc();
    for (const update of received) Y.applyUpdate(watcher, update);
    await waitFor(() => roundIn(owner, roundId));
    for (const doc of [watcher, owner.doc]) {
      const round = readRecord(doc, 'voteRounds', roundId)!.record;
      expect(round).toMatchObject({ status: 'open', results: null, voterCount: 0 });
      expect(getCollection(doc, 'votes').size).toBe(0);
      const everything = JSON.stringify(doc.toJSON());
      for (const key of Object.values(KEYS)) expect(everything).not.toContain(key);
      expect(everything).not.toMatch(/"dots"/);
    }
    // Presence carries nothing about votes: the server relays only what clients set.
    expect([...owner.provider.awareness.getStates().values()].map((s) => JSON.stringify(s)).join('')).not.toMatch(/dots|n1|n2/);
  });

  it('enforces the limits on the server', async () => {
    expect(await vote(board.tokens.edit, roundId, KEYS.vi, { n1: 2, n2: 2 })).toMatchObject({ status: 400, body: { error: 'You have 3 dots in this vote' } });
    expect(await vote(board.tokens.edit, roundId, KEYS.vi, { n1: 3 })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/dots: |At most 2/) } });
    expect(await vote(board.tokens.edit, roundId, KEYS.vi, { s1: 1 })).toMatchObject({ status: 400, body: { error: 'That item is not part of this vote' } });
    expect((await mine(board.tokens.edit, roundId, KEYS.vi)).body).toMatchObject({ dots: {} });
  });

  it('refuses hostile, malformed and oversized requests with clear 4xx, changing nothing', async () => {
    const cases: [Promise<{ status: number; body: Record<string, unknown> | null }>, number][] = [
      [api('PUT', `/vote-rounds/${roundId}/my-dots`, board.tokens.edit, '{"dots": {', { 'x-voter-key': KEYS.vi }), 400],
      [api('PUT', `/vote-rounds/${roundId}/my-dots`, board.tokens.edit, { dots: { n1: 1 }, extra: true }, { 'x-voter-key': KEYS.vi }), 400],
      [api('PUT', `/vote-rounds/${roundId}/my-dots`, board.tokens.edit, { dots: { n1: '1' } }, { 'x-voter-key': KEYS.vi }), 400],
      [api('PUT', `/vote-rounds/${roundId}/my-dots`, board.tokens.edit, { dots: { n1: -1 } }, { 'x-voter-key': KEYS.vi }), 400],
      [api('PUT', `/vote-rounds/${roundId}/my-dots`, board.tokens.edit, { dots: { ['x'.repeat(100)]: 1 } }, { 'x-voter-key': KEYS.vi }), 400],
      [api('PUT', `/vote-rounds/${roundId}/my-dots`, board.tokens.edit, { dots: ['n1'] }, { 'x-voter-key': KEYS.vi }), 400],
      [api('PUT', `/vote-rounds/${roundId}/my-dots`, board.tokens.edit, { dots: { n1: 1 } }), 400],
      [api('PUT', `/vote-rounds/${roundId}/my-dots`, board.tokens.edit, { dots: { n1: 1 } }, { 'x-voter-key': 'short' }), 400],
      [api('PUT', `/vote-rounds/${roundId}/my-dots`, board.tokens.edit, JSON.stringify({ dots: { n1: 1 }, voterName: 'x'.repeat(64 * 1024) }), { 'x-voter-key': KEYS.vi }), 413],
      [api('PUT', `/vote-rounds/${roundId}/my-dots`, 'not-a-token', { dots: { n1: 1 } }, { 'x-voter-key': KEYS.vi }), 403],
      [api('PUT', `/vote-rounds/${roundId}/my-dots`, null, { dots: { n1: 1 } }, { 'x-voter-key': KEYS.vi }), 401],
      [api('PUT', `/vote-rounds/no-such-round/my-dots`, board.tokens.edit, { dots: {} }, { 'x-voter-key': KEYS.vi }), 404],
      [api('PUT', `/vote-rounds/${roundId}/my-dots`, board.tokens.edit, 'dots=1', { 'content-type': 'text/plain', 'x-voter-key': KEYS.vi }), 415],
      [open({ targetIds: ['n1'], dotsPerPerson: 3, maxPerItem: 1, anonymous: true }, board.tokens.edit), 403],
      [open({ targetIds: [], dotsPerPerson: 3, maxPerItem: 1, anonymous: true }), 400],
      [open({ targetIds: ['n1', 'n1'], dotsPerPerson: 3, maxPerItem: 1, anonymous: true }), 400],
      [open({ targetIds: ['nowhere'], dotsPerPerson: 3, maxPerItem: 1, anonymous: true }), 400],
      [open({ targetIds: ['n1'], dotsPerPerson: 1e9, maxPerItem: 1, anonymous: true }), 400],
      [open({ targetIds: ['n1'], dotsPerPerson: 2, maxPerItem: 3, anonymous: true }), 400],
      [open({ targetIds: ['n1'], dotsPerPerson: 2, maxPerItem: 1, anonymous: 'yes' }), 400],
      [api('POST', `/vote-rounds/${roundId}/close`, board.tokens.edit), 403],
    ];
    for (const [request, status] of cases) {
      const result = await request;
      expect(result.status).toBe(status);
      expect(typeof result.body?.error).toBe('string');
    }
    expect((await mine(board.tokens.edit, roundId, KEYS.vi)).body).toMatchObject({ dots: {} });
    expect(getCollection(owner.doc, 'voteRounds').size).toBe(1);
    expect(roundIn(owner, roundId)?.status).toBe('open');
  });

  it('lets a viewer vote only when the board allows it', async () => {
    expect(await vote(board.tokens.view, roundId, KEYS.vi, { n1: 1 })).toMatchObject({ status: 403, body: { error: expect.stringMatching(/view link may not vote/) } });
    getMetaMap(owner.doc).set('viewersMayVote', true);
    await waitFor(async () => (await vote(board.tokens.view, roundId, KEYS.vi, { n1: 1 })).status === 200);
    getMetaMap(owner.doc).set('viewersMayVote', false);
    await waitFor(async () => (await mine(board.tokens.view, roundId, KEYS.vi)).status === 403);
  });

  it('keeps ballots across a restart and writes exact tallies, not voters, on close', async () => {
    pool.destroyAll();
    await server.stop('SIGTERM');
    server = await restartServer(server);
    owner = pool.connect(server, board.id, board.tokens.owner);
    await owner.synced();
    expect((await mine(board.tokens.edit, roundId, KEYS.ann)).body).toMatchObject({ dots: { n1: 2, n2: 1 } });

    const closed = await api('POST', `/vote-rounds/${roundId}/close`, board.tokens.owner);
    expect(closed.status).toBe(200);
    // ann {n1:2,n2:1}, bo {n2:1,n3:1}, cy {n3:1,n2:1}, vi {n1:1}
    const expected = [
      { targetId: 'n2', dots: 3, voters: 3 },
      { targetId: 'n1', dots: 3, voters: 2 },
      { targetId: 'n3', dots: 2, voters: 2 },
    ];
    expect(closed.body).toMatchObject({ status: 'closed', voterCount: 4, results: expected });
    await waitFor(() => roundIn(owner, roundId)?.status === 'closed');
    expect(roundIn(owner, roundId)).toMatchObject({ results: expected, voterCount: 4 });
    expect(JSON.stringify(owner.doc.toJSON())).not.toMatch(/voter-key/);
    // Ballots are gone once counted; closing again or voting late is refused.
    expect((await mine(board.tokens.edit, roundId, KEYS.ann)).body).toMatchObject({ dots: {}, left: 0 });
    expect((await api('POST', `/vote-rounds/${roundId}/close`, board.tokens.owner)).status).toBe(409);
    expect((await vote(board.tokens.edit, roundId, KEYS.ann, { n1: 1 })).status).toBe(409);
  });

  it('stores a named round\'s votes in the document with who voted', async () => {
    const opened = await open({ title: 'Named', targetIds: ['n1', 's1'], dotsPerPerson: 2, maxPerItem: 2, anonymous: false });
    const named = String(opened.body!.id);
    await vote(board.tokens.edit, named, KEYS.ann, { s1: 2 }, 'Ann');
    await vote(board.tokens.edit, named, KEYS.bo, { n1: 1, s1: 1 }, 'Bo');
    await waitFor(() => getCollection(owner.doc, 'votes').size === 3);
    const votes = listRecords(owner.doc, 'votes').map(({ record }) => record).map(({ voter, targetId, dots }) => `${voter}:${targetId}:${dots}`);
    expect(votes.sort()).toEqual(['Ann:s1:2', 'Bo:n1:1', 'Bo:s1:1']);
    const closed = await api('POST', `/vote-rounds/${named}/close`, board.tokens.owner);
    expect(closed.body).toMatchObject({ voterCount: 2, results: [{ targetId: 's1', dots: 3, voters: 2 }, { targetId: 'n1', dots: 1, voters: 1 }] });
  });
});

describe('workshop comments', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  const pool = new ClientPool();
  beforeAll(async () => {
    server = await startServer();
    board = await createBoard(server, 'Comments');
  }, 60_000);
  afterEach(() => pool.destroyAll());
  afterAll(async () => server?.dispose());

  const post = (token: string, body: unknown) =>
    fetch(`${server.url}/api/boards/${board.id}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }));

  it('takes comments from editors, from viewers only in workshop mode, and refuses bad ones', async () => {
    const owner = pool.connect(server, board.id, board.tokens.owner);
    await owner.synced();
    expect(await post(board.tokens.edit, { text: 'Looks right', author: 'Ed' })).toMatchObject({ status: 201, body: { text: 'Looks right', author: 'Ed', resolved: false } });
    expect(await post(board.tokens.view, { text: 'May I?' })).toMatchObject({ status: 403 });
    getMetaMap(owner.doc).set('viewersMayVote', true);
    await waitFor(async () => (await post(board.tokens.view, { text: 'From the room', author: 'Guest' })).status === 201);
    expect((await post(board.tokens.view, { text: '' })).status).toBe(400);
    expect((await post(board.tokens.view, { text: 'x'.repeat(10_001) })).status).toBe(400);
    expect((await post(board.tokens.view, { text: 'hi', resolved: true })).status).toBe(400);
    expect((await post(board.tokens.view, { text: 'hi', targetId: 'nothing-here' })).status).toBe(400);
    expect((await post(board.tokens.view, '{')).status).toBe(400);
    await waitFor(() => getCollection(owner.doc, 'comments').size === 2);
    expect([...getCollection(owner.doc, 'comments').values()].map((c) => c.get('text')).sort()).toEqual(['From the room', 'Looks right']);
  });
});
