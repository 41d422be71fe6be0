import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, getCollection, getMetaMap, listRecords, readRecord, updateRecord } from '@pc/shared';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * The health check against the real server with stock y-websocket clients:
 * concurrent ratings both kept, the owner-only settings, stage changes in the
 * review diff's words.
 */

describe('health check over the real server', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startServer();
    board = await createBoard(server, 'Eastside partnership');
    const setup = pool.connect(server, board.id, board.tokens.edit);
    await setup.synced();
    createRecord(setup.doc, 'partners', { id: 'fb', name: 'Food Bank', colour: '#336699' });
    createRecord(setup.doc, 'partners', { id: 'rc', name: 'Riverside Council', colour: '#993366' });
  });
  afterAll(async () => {
    pool.destroyAll();
    await server?.dispose();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('a new board has the Compass checklist', async () => {
    const client = pool.connect(server, board.id, board.tokens.view);
    await client.synced();
    await waitFor(() => getCollection(client.doc, 'healthItems').size > 30, { message: 'checklist missing' });
    expect(readRecord(client.doc, 'healthItems', 'compass-3-3')!.record.evidenceRule).toBe('stakeholderMap');
  });

  it('two partners rate the same item at once and both ratings are kept', async () => {
    const a = pool.connect(server, board.id, board.tokens.edit);
    const b = pool.connect(server, board.id, board.tokens.edit);
    await Promise.all([a.synced(), b.synced()]);
    // Both write before either has seen the other's change.
    createRecord(a.doc, 'healthResponses', { id: 'compass-1-1:fb', itemId: 'compass-1-1', partnerId: 'fb', level: 'fully', ratedAt: Date.now() });
    createRecord(b.doc, 'healthResponses', { id: 'compass-1-1:rc', itemId: 'compass-1-1', partnerId: 'rc', level: 'notYet', ratedAt: Date.now() });
    // And the same partner's rating edited on two fields at once.
    const levels = () => listRecords(a.doc, 'healthResponses').map((r) => `${r.record.partnerId}:${r.record.level}`).sort();
    await waitFor(() => levels().length === 2 && listRecords(b.doc, 'healthResponses').length === 2, { message: 'ratings did not converge' });
    updateRecord(a.doc, 'healthResponses', 'compass-1-1:fb', { note: 'Agreed at the away day' });
    updateRecord(b.doc, 'healthResponses', 'compass-1-1:fb', { level: 'partly' });
    await waitFor(() => readRecord(a.doc, 'healthResponses', 'compass-1-1:fb')!.record.level === 'partly' && readRecord(b.doc, 'healthResponses', 'compass-1-1:fb')!.record.note !== '', { message: 'field edits did not merge' });
    expect(levels()).toEqual(['fb:partly', 'rc:notYet']);
    expect(readRecord(b.doc, 'healthResponses', 'compass-1-1:fb')!.record).toMatchObject({ level: 'partly', note: 'Agreed at the away day' });
    expect(a.closes).toEqual([]);
  });

  it('an editor cannot flip the anonymous setting: the gate refuses and the owner can', async () => {
    const editor = pool.connect(server, board.id, board.tokens.edit);
    await editor.synced();
    getMetaMap(editor.doc).set('healthAnonymous', true);
    await waitFor(() => editor.closes.length > 0, { message: 'the editor was not refused' });
    expect(editor.closes[0]).toEqual({ code: 1008, reason: expect.stringMatching(/anonymous ratings setting can be changed by the board owner only/) });
    const watcher = pool.connect(server, board.id, board.tokens.view);
    await watcher.synced();
    expect(getMetaMap(watcher.doc).get('healthAnonymous')).not.toBe(true);

    const owner = pool.connect(server, board.id, board.tokens.owner);
    await owner.synced();
    getMetaMap(owner.doc).set('healthReviewIntervalDays', 30);
    await waitFor(() => getMetaMap(watcher.doc).get('healthReviewIntervalDays') === 30, { message: 'owner setting did not land' });
    expect(owner.closes).toEqual([]);
  });

  it('stage and rating changes read as sentences in the review diff', async () => {
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/boards/${board.id}${path}`, { ...init, headers: { authorization: `Bearer ${board.tokens.edit}`, 'content-type': 'application/json' } });
    const saved = (await (await api('/snapshots', { method: 'POST', body: JSON.stringify({ name: 'Before the review' }) })).json()) as { id: string };
    const client = pool.connect(server, board.id, board.tokens.edit);
    await client.synced();
    createRecord(client.doc, 'partnerStages', { id: 'fb:rc', partnerA: 'fb', partnerB: 'rc', current: 'networking', target: 'collaborating' });
    updateRecord(client.doc, 'healthResponses', 'compass-1-1:rc', { level: 'partly' });
    let sentences: string[] = [];
    await waitFor(
      async () => {
        const body = (await (await api(`/snapshots/${saved.id}/diff?against=current`)).json()) as { diff: { sentences: { group: string; text: string }[] } };
        sentences = body.diff.sentences.filter((s) => s.group === 'health').map((s) => s.text);
        return sentences.length === 2;
      },
      { message: 'diff did not show the health changes' },
    );
    expect(sentences.sort()).toEqual([
      "Food Bank and Riverside Council: networking, aiming for collaborating",
      "Riverside Council's rating of 'We wrote our shared vision together': not yet → partly",
    ]);
  });

  it('exports the agreement (JSON and CSV) once written, and refuses a hostile section', async () => {
    const get = (query: string) => fetch(`${server.url}/api/boards/${board.id}/export?${query}`, { headers: { authorization: `Bearer ${board.tokens.view}` } });
    const before = (await (await get('format=json')).json()) as Record<string, unknown>;
    expect(before.agreement).toBeUndefined();
    const writer = pool.connect(server, board.id, board.tokens.edit);
    await writer.synced();
    const p = new Y.XmlElement('paragraph');
    writer.doc.getXmlFragment('agreement.finance').insert(0, [p]);
    const text = new Y.XmlText();
    p.insert(0, [text]);
    text.insert(0, 'Riverside Council holds the budget', { strong: {} });
    let body: { agreement?: { key: string; markdown: string }[] } = {};
    await waitFor(async () => {
      body = (await (await get('format=json')).json()) as typeof body;
      return body.agreement !== undefined;
    }, { message: 'agreement not exported' });
    expect(body.agreement!.find((s) => s.key === 'finance')!.markdown).toBe('**Riverside Council holds the budget**');
    const csv = await (await get('format=csv&table=agreement')).text();
    expect(csv).toContain('Financial management,**Riverside Council holds the budget**,');

    const attacker = pool.connect(server, board.id, board.tokens.edit);
    await attacker.synced();
    attacker.doc.getXmlFragment('agreement.finance').insert(0, [new Y.XmlElement('script')]);
    await waitFor(() => attacker.closes.length > 0, { message: 'hostile section not refused' });
    expect(attacker.closes[0]).toEqual({ code: 1008, reason: expect.stringMatching(/agreement\.finance: "script" is not part of the agreement$/) });
    const after = (await (await get('format=json')).json()) as typeof body;
    expect(after.agreement!.find((s) => s.key === 'finance')!.markdown).toBe('**Riverside Council holds the budget**');
  });
});

describe('anonymous ratings over the real server', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  const pool = new ClientPool();
  const FB = 'partner-food-bank';
  const RC = 'partner-riverside';

  beforeAll(async () => {
    server = await startServer();
    board = await createBoard(server, 'Anonymous partnership');
    const owner = pool.connect(server, board.id, board.tokens.owner);
    await owner.synced();
    createRecord(owner.doc, 'partners', { id: FB, name: 'Food Bank', colour: '#336699' });
    createRecord(owner.doc, 'partners', { id: RC, name: 'Riverside Council', colour: '#993366' });
  });
  afterAll(async () => {
    pool.destroyAll();
    await server?.dispose();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });

  const rate = (body: unknown, token: string | null = board.tokens.edit, contentType = 'application/json') =>
    fetch(`${server.url}/api/boards/${board.id}/health/ratings`, {
      method: 'POST',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('refuses REST ratings while the board keeps named ratings', async () => {
    const res = await rate({ itemId: 'compass-1-1', partnerId: FB, level: 'fully' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toMatch(/named ratings/);
  });

  it('two partners rate anonymously: others see counts and spread, never who (document and REST)', async () => {
    const owner = pool.connect(server, board.id, board.tokens.owner);
    await owner.synced();
    getMetaMap(owner.doc).set('healthAnonymous', true);
    const watcher = pool.connect(server, board.id, board.tokens.view);
    await watcher.synced();
    await waitFor(() => getMetaMap(watcher.doc).get('healthAnonymous') === true, { message: 'setting did not land' });

    const results = await Promise.all([
      rate({ itemId: 'compass-1-1', partnerId: FB, level: 'fully' }),
      rate({ itemId: 'compass-1-1', partnerId: RC, level: 'notYet' }),
      rate({ itemId: 'compass-2-1', partnerId: RC, level: 'partly' }),
    ]);
    for (const res of results) {
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    }
    const aggregate = () => readRecord(watcher.doc, 'healthAggregates', 'compass-1-1')?.record;
    await waitFor(() => aggregate()?.fully === 1 && aggregate()?.notYet === 1, { message: 'aggregate did not arrive' });
    expect(aggregate()).toMatchObject({ id: 'compass-1-1', itemId: 'compass-1-1', notYet: 1, partly: 0, fully: 1, spread: 2 });
    await waitFor(() => readRecord(watcher.doc, 'healthAggregates', 'compass-2-1')?.record.partly === 1, { message: 'second aggregate' });

    // A partner changes their mind; withdrawing counts too.
    expect((await rate({ itemId: 'compass-1-1', partnerId: FB, level: 'partly' })).status).toBe(200);
    expect((await rate({ itemId: 'compass-2-1', partnerId: RC, level: null })).status).toBe(200);
    await waitFor(() => aggregate()?.partly === 1 && aggregate()?.fully === 0, { message: 'changed rating' });
    await waitFor(() => readRecord(watcher.doc, 'healthAggregates', 'compass-2-1')?.record.partly === 0, { message: 'withdrawn rating' });

    // Nothing the others receive ties a partner to a rating: no named rating, no aggregate field naming anyone.
    expect(getCollection(watcher.doc, 'healthResponses').size).toBe(0);
    for (const { record } of listRecords(watcher.doc, 'healthAggregates')) expect(JSON.stringify(record)).not.toMatch(/partner-/);
    const fullState = JSON.stringify(Object.fromEntries([...watcher.doc.share.keys()].map((name) => [name, watcher.doc.getMap(name).toJSON()])));
    expect(fullState).not.toMatch(/compass-1-1:partner|health:/);
    for (const query of ['format=json', 'format=csv&table=health']) {
      const text = await (await fetch(`${server.url}/api/boards/${board.id}/export?${query}`, { headers: { authorization: `Bearer ${board.tokens.owner}` } })).text();
      expect(text).not.toMatch(/compass-1-1:partner|health:compass/);
      if (query.startsWith('format=csv')) expect(text).toContain('notYet,partly,fully,score,spread');
    }
  });

  it('while anonymous, a named rating written into the document is refused, and nobody writes the counts but the server', async () => {
    const editor = pool.connect(server, board.id, board.tokens.edit);
    await editor.synced();
    createRecord(editor.doc, 'healthResponses', { id: `compass-3-1:${FB}`, itemId: 'compass-3-1', partnerId: FB, level: 'fully' });
    await waitFor(() => editor.closes.length > 0, { message: 'named rating not refused' });
    expect(editor.closes[0]!.reason).toMatch(/keeps ratings anonymous/);
    const owner = pool.connect(server, board.id, board.tokens.owner);
    await owner.synced();
    updateRecord(owner.doc, 'healthAggregates', 'compass-1-1', { fully: 9 });
    await waitFor(() => owner.closes.length > 0, { message: 'forged counts not refused' });
    expect(owner.closes[0]!.reason).toMatch(/written by the server only/);
  });

  it('checks token, role, input and size on the REST call (clear 4xx, nothing changed)', async () => {
    const expectError = async (res: Response, status: number, message: RegExp) => {
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    };
    const ok = { itemId: 'compass-1-1', partnerId: FB, level: 'fully' };
    await expectError(await rate(ok, null), 401, /./);
    await expectError(await rate(ok, 'not-a-token'), 403, /does not grant access/);
    await expectError(await rate(ok, board.tokens.view), 403, /owner or edit/);
    await expectError(await rate({ ...ok, level: 'mostly' }), 400, /level/);
    await expectError(await rate({ ...ok, partnerId: 'x'.repeat(65) }), 400, /partnerId/);
    await expectError(await rate({ ...ok, extra: 'who am I' }), 400, /./);
    await expectError(await rate('[1,2', board.tokens.edit), 400, /./);
    await expectError(await rate(JSON.stringify(ok), board.tokens.edit, 'text/plain'), 400, /JSON/);
    await expectError(await rate({ ...ok, itemId: 'no-such-item' }), 404, /checklist item/);
    await expectError(await rate({ ...ok, partnerId: 'no-such-partner' }), 404, /partner/);
    await expectError(await rate({ ...ok, note: 'x'.repeat(200_000) }), 413, /./);
    const watcher = pool.connect(server, board.id, board.tokens.view);
    await watcher.synced();
    expect(readRecord(watcher.doc, 'healthAggregates', 'compass-1-1')!.record).toMatchObject({ notYet: 1, partly: 1, fully: 0 });
  });
});
