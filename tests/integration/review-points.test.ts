import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agreementTexts, createRecord, getCollection, readRecord, updateRecord } from '@pc/shared';
import { writeAgreementSection } from '../helpers/sampleBoard';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

interface Sentence {
  group: string;
  text: string;
}
interface DiffBody {
  from: { id: string; name: string };
  to: { id: string; name: string };
  diff: {
    sentences: Sentence[];
    counts: { added: number; removed: number; changed: number };
    moved: unknown[];
    agreement: { section: string; kind: string; before: string; after: string }[];
  };
}

describe('review points over REST, with live clients', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  const pool = new ClientPool();

  beforeAll(async () => {
    // A short unload delay lets one test restore a board nobody has open.
    server = await startServer({ env: { UNLOAD_DELAY_MS: '200', MAX_JSON_BYTES: '2048' } });
    board = await createBoard(server, 'Carers partnership');
  });
  afterAll(async () => {
    pool.destroyAll();
    await server?.dispose();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });

  const api = (path: string, token: string | null, init: RequestInit = {}) =>
    fetch(`${server.url}/api/boards/${board.id}${path}`, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...init.headers },
    });
  const save = (name: unknown, token = board.tokens.edit, extra: Record<string, unknown> = {}) =>
    api('/snapshots', token, { method: 'POST', body: JSON.stringify({ name, ...extra }) });
  const diff = async (sid: string, against = 'current') => {
    const res = await api(`/snapshots/${sid}/diff?against=${against}`, board.tokens.view);
    expect(res.status).toBe(200);
    return (await res.json()) as DiffBody;
  };
  const stakeholderIn = (doc: Y.Doc) => readRecord(doc, 'stakeholders', 'ardmore')?.record;

  let march = '';
  let june = '';

  it('saves a named review point from an edit link, and lists it for a viewer with its author', async () => {
    const editor = pool.connect(server, board.id, board.tokens.edit);
    await editor.synced();
    createRecord(editor.doc, 'stakeholders', { id: 'ardmore', name: 'Ardmore Health Board', power: 4, interest: 2, attitude: -2 });
    createRecord(editor.doc, 'canvasItems', { id: 'note', kind: 'sticky', text: 'Ask about venues', x: 100, y: 100 });
    // The server's copy must hold the records before the review point is taken.
    await waitFor(async () => {
      const res = await api('', board.tokens.view);
      return ((await res.json()) as { counts: { stakeholders: number; canvasItems: number } }).counts.canvasItems === 1;
    });

    const res = await save('March review', board.tokens.edit, { author: 'Ana' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; name: string; createdAt: number };
    expect(body.name).toBe('March review');
    expect(Math.abs(body.createdAt - Date.now())).toBeLessThan(60_000);
    march = body.id;

    const list = await api('/snapshots', board.tokens.view);
    expect(list.status).toBe(200);
    const { snapshots } = (await list.json()) as { snapshots: { id: string; name: string; author: string; bytes: number }[] };
    expect(snapshots).toEqual([expect.objectContaining({ id: march, name: 'March review', author: 'Ana' })]);
    expect(snapshots[0]!.bytes).toBeGreaterThan(0);
  });

  it('opens a review point read-only: its records, not the live ones', async () => {
    const editor = pool.connect(server, board.id, board.tokens.edit);
    await editor.synced();
    updateRecord(editor.doc, 'stakeholders', 'ardmore', { interest: 4, attitude: 0 });
    updateRecord(editor.doc, 'canvasItems', 'note', { x: 400, y: 250 });
    const res = await api(`/snapshots/${march}`, board.tokens.view);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { name: string; title: string; records: { stakeholders: { interest: number }[] } };
    expect(body.name).toBe('March review');
    expect(body.title).toBe('Carers partnership');
    expect(body.records.stakeholders).toEqual([expect.objectContaining({ id: 'ardmore', interest: 2 })]);

    const binary = await api(`/snapshots/${march}?format=yjs`, board.tokens.view);
    expect(binary.headers.get('content-type')).toBe('application/octet-stream');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await binary.arrayBuffer()));
    expect(stakeholderIn(doc)?.interest).toBe(2);
  });

  it('compares a review point with now, in words, with the move for a ghost', async () => {
    const body = await waitFor(async () => {
      const current = await diff(march);
      return current.diff.sentences.length === 2 ? current : null;
    });
    expect(body.from.name).toBe('March review');
    expect(body.to.id).toBe('current');
    expect(body.diff.sentences).toEqual([
      expect.objectContaining({ group: 'stakeholder-map', text: 'Ardmore Health Board: interest 2 → 4, attitude Blocker → Neutral, moved to Manage closely' }),
      expect.objectContaining({ group: 'stakeholder-map', text: "Note 'Ask about venues': moved" }),
    ]);
    expect(body.diff.moved).toEqual([{ id: 'note', view: 'stakeholder-map', from: { x: 100, y: 100 }, to: { x: 400, y: 250 } }]);
  });

  it('compares two review points', async () => {
    const res = await save('June review', board.tokens.owner);
    expect(res.status).toBe(201);
    june = ((await res.json()) as { id: string }).id;
    const body = await diff(march, june);
    expect(body.to.name).toBe('June review');
    expect(body.diff.counts).toEqual({ added: 0, removed: 0, changed: 2 });
    expect((await diff(june, march)).diff.sentences[0]!.text).toBe(
      'Ardmore Health Board: interest 4 → 2, attitude Neutral → Blocker, moved to Keep satisfied',
    );
  });

  it('restores for the owner as a live change every client receives, and restoring the backup undoes it', async () => {
    const watcher = pool.connect(server, board.id, board.tokens.view);
    await watcher.synced();
    await waitFor(() => stakeholderIn(watcher.doc)?.interest === 4);

    const refused = await api(`/snapshots/${march}/restore`, board.tokens.edit, { method: 'POST' });
    expect(refused.status).toBe(403);
    const res = await api(`/snapshots/${march}/restore`, board.tokens.owner, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { restored: { id: string }; touched: number; backup: { id: string; name: string } };
    expect(body.restored.id).toBe(march);
    expect(body.touched).toBe(2);
    expect(body.backup.name).toBe('Before restoring "March review"');

    await waitFor(() => stakeholderIn(watcher.doc)?.interest === 2, { message: 'restore did not reach the viewer' });
    expect(stakeholderIn(watcher.doc)?.attitude).toBe(-2);
    expect(readRecord(watcher.doc, 'canvasItems', 'note')?.record.x).toBe(100);
    expect((await diff(march)).diff.sentences).toEqual([]);

    const undo = await api(`/snapshots/${body.backup.id}/restore`, board.tokens.owner, { method: 'POST' });
    expect(undo.status).toBe(200);
    await waitFor(() => stakeholderIn(watcher.doc)?.interest === 4, { message: 'undoing the restore did not reach the viewer' });
    const list = (await (await api('/snapshots', board.tokens.view)).json()) as { snapshots: { name: string }[] };
    expect(list.snapshots.map((s) => s.name)).toEqual([
      'Before restoring "Before restoring "March review""',
      'Before restoring "March review"',
      'June review',
      'March review',
    ]);
  });

  it('restores a board nobody has open, and the change is stored', async () => {
    pool.destroyAll();
    // Let the room unload (UNLOAD_DELAY_MS=200), so the restore has to load, change and store it.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const res = await api(`/snapshots/${march}/restore`, board.tokens.owner, { method: 'POST' });
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const client = pool.connect(server, board.id, board.tokens.view);
    await client.synced();
    await waitFor(() => stakeholderIn(client.doc)?.interest === 2);
    expect(getCollection(client.doc, 'stakeholders').size).toBe(1);
    pool.destroyAll();
  });

  it('refuses viewers, bad names, big bodies, unknown ids and missing tokens with clear errors', async () => {
    const viewer = await save('Sneaky', board.tokens.view);
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { error: string }).error).toMatch(/owner or edit/);
    expect((await save('   ')).status).toBe(400);
    expect((await save('x'.repeat(101))).status).toBe(400);
    expect((await save(42)).status).toBe(400);
    const big = await save('y'.repeat(3000));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toMatch(/larger/);
    expect((await save('No token', null as unknown as string)).status).toBe(401);

    for (const path of ['/snapshots/nope', '/snapshots/nope/diff', `/snapshots/${march}/diff?against=nope`]) {
      const res = await api(path, board.tokens.view);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/review point/);
    }
    expect((await api('/snapshots/nope/restore', board.tokens.owner, { method: 'POST' })).status).toBe(404);
    const otherBoard = await createBoard(server, 'Other');
    const foreign = await fetch(`${server.url}/api/boards/${otherBoard.id}/snapshots/${march}`, {
      headers: { authorization: `Bearer ${otherBoard.tokens.owner}` },
    });
    expect(foreign.status).toBe(404);
    // Nothing was saved by the refused requests.
    const list = (await (await api('/snapshots', board.tokens.view)).json()) as { snapshots: unknown[] };
    expect(list.snapshots).toHaveLength(5);
  });

  it('keeps review points across a restart', async () => {
    await server.stop('SIGTERM');
    server = await startServer({ dataDir: server.dataDir });
    const res = await api(`/snapshots/${june}`, board.tokens.view);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }).name).toBe('June review');
  });

  it('compares and restores the partnership agreement with the records', async () => {
    const editor = pool.connect(server, board.id, board.tokens.edit);
    await editor.synced();
    writeAgreementSection(editor.doc, 'vision', 'Every carer knows where to turn');
    // The server's copy must hold the text before the review point is taken.
    const serverVision = async () => {
      const json = (await (await api('/export?format=json', board.tokens.view)).json()) as { agreement?: { key: string; markdown: string }[] };
      return json.agreement?.find((s) => s.key === 'vision')?.markdown ?? '';
    };
    await waitFor(async () => (await serverVision()) === 'Every carer knows where to turn');
    const saved = await save('Agreement signed');
    expect(saved.status).toBe(201);
    const agreed = ((await saved.json()) as { id: string }).id;
    writeAgreementSection(editor.doc, 'vision', 'Every carer knows where to turn, within a week');
    const body = await waitFor(async () => {
      const current = await diff(agreed);
      return current.diff.agreement.length === 1 ? current : null;
    });
    expect(body.diff.agreement).toEqual([
      { section: 'vision', title: 'Shared vision and aims', kind: 'changed', before: 'Every carer knows where to turn', after: 'Every carer knows where to turn, within a week' },
    ]);
    expect(body.diff.sentences).toContainEqual(
      expect.objectContaining({ group: 'health', text: 'Agreement, Shared vision and aims: edited: "Every carer knows where to turn, within a week" (was "Every carer knows where to turn")' }),
    );

    const res = await api(`/snapshots/${agreed}/restore`, board.tokens.owner, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { touched: number }).touched).toBe(1);
    await waitFor(() => agreementTexts(editor.doc).vision === 'Every carer knows where to turn', { message: 'the restored agreement did not reach the editor' });
    expect((await diff(agreed)).diff.agreement).toEqual([]);
    pool.destroyAll();
  });
});
