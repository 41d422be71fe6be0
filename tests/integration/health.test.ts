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
    expect(attacker.closes[0]).toEqual({ code: 1008, reason: 'agreement.finance: "script" is not part of the agreement' });
    const after = (await (await get('format=json')).json()) as typeof body;
    expect(after.agreement!.find((s) => s.key === 'finance')!.markdown).toBe('**Riverside Council holds the budget**');
  });
});
