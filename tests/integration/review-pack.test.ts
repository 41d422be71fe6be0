import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, listRecords, updateRecord } from '@pc/shared';
import { readPdf } from '../helpers/pdf';
import { fillSampleBoard, writeAgreementSection } from '../helpers/sampleBoard';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * The PDF review pack, re-importing CSV and restoring a backup, against the
 * real server with a board filled by a stock y-websocket client.
 */
describe('review pack and round trips', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  const pool = new ClientPool();
  let sinceId = '';

  const call = (path: string, token: string | null, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
  const exportJson = async (id: string, token: string) => ((await (await call(`/api/boards/${id}/export?format=json`, token)).json()) as { records: Record<string, unknown[]> }).records;
  const pdf = (query: string, token: string | null = board.tokens.view) => call(`/api/boards/${board.id}/export?format=pdf${query}`, token);

  beforeAll(async () => {
    server = await startServer();
    board = await createBoard(server, 'Kinship Carers’ Partnership');
    const client = pool.connect(server, board.id, board.tokens.edit);
    await client.synced();
    fillSampleBoard(client.doc);
    await waitFor(async () => ((await exportJson(board.id, board.tokens.view)).logicLinks ?? []).length === 4);
    // The agreement's finance section as agreed at the review point...
    const serverAgreement = async () => JSON.stringify(((await (await call(`/api/boards/${board.id}/export?format=json`, board.tokens.view)).json()) as { agreement?: unknown }).agreement ?? null);
    writeAgreementSection(client.doc, 'finance', 'Each partner pays its own costs');
    await waitFor(async () => (await serverAgreement()).includes('Each partner pays its own costs'));
    const saved = await call(`/api/boards/${board.id}/snapshots`, board.tokens.edit, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'March review' }),
    });
    sinceId = ((await saved.json()) as { id: string }).id;
    // Changes after the review point, for "What changed since".
    createRecord(client.doc, 'stakeholders', { name: 'Carers’ Cymru', power: 3, interest: 4 });
    const mp = listRecords(client.doc, 'stakeholders').find((s) => s.record.name === 'Local MP')!;
    updateRecord(client.doc, 'stakeholders', mp.record.id, { interest: 4 });
    // ...and changed since.
    writeAgreementSection(client.doc, 'finance', 'Costs are shared equally between the partners');
    await waitFor(async () => (await serverAgreement()).includes('shared equally'));
    await waitFor(async () => ((await exportJson(board.id, board.tokens.view)).stakeholders ?? []).length === 7);
    pool.destroyAll();
  });
  afterAll(async () => {
    pool.destroyAll();
    await server?.dispose();
  });

  it('any role downloads a valid PDF whose pages show the board, its partners and every section', async () => {
    const res = await pdf('');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="kinship-carers-partnership-review-pack-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { pages, text } = await readPdf(bytes);
    expect(pages).toBeGreaterThanOrEqual(6);
    // Curly quotes and Welsh letters come through as typed (an embedded Unicode font).
    expect(text[0]).toContain('Kinship Carers’ Partnership');
    expect(text[0]).toContain('Cymdeithas Tŷ Ŵyn');
    const all = text.join('\n');
    for (const heading of ['Stakeholder map: power and interest', 'Communications plan', 'Skills, knowledge and resources matrix', 'Gaps and coverage warnings', 'Action plan', 'Logic model checks']) {
      expect(all).toContain(heading);
    }
    expect(all).toContain('Carers’ Cymru');
    expect(all).toContain('Weekly drop-in for kinship carers');
    expect(all).not.toContain('What changed');
  });

  it('with since=<review point>, adds "What changed since" with the comparison sentences', async () => {
    const diff = (await (await call(`/api/boards/${board.id}/snapshots/${sinceId}/diff`, board.tokens.view)).json()) as { diff: { sentences: { text: string }[] } };
    expect(diff.diff.sentences.length).toBeGreaterThan(0);
    // The agreement's change is among them, and so in the pack.
    expect(diff.diff.sentences.map((s) => s.text)).toContain(
      'Agreement, Financial management: edited: "Costs are shared equally between the partners" (was "Each partner pays its own costs")',
    );
    const res = await pdf(`&since=${sinceId}`);
    expect(res.status).toBe(200);
    const { text } = await readPdf(new Uint8Array(await res.arrayBuffer()));
    expect(text[1]).toContain('What changed since March review');
    const flat = text.join(' ').replace(/\s+/g, ' ');
    for (const sentence of diff.diff.sentences) expect(flat).toContain(sentence.text.replace(/\s+/g, ' '));
  });

  it('refuses a missing or wrong token, a malformed or unknown since and a bad date with clear 4xx', async () => {
    const expectError = async (res: Response, status: number, message: RegExp) => {
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    };
    await expectError(await pdf('', null), 401, /Bearer/);
    await expectError(await pdf('', `${board.tokens.view}x`), 403, /does not grant/);
    await expectError(await pdf('&since=../../etc', board.tokens.view), 400, /since must be the id of a review point/);
    await expectError(await pdf(`&since=${'a'.repeat(65)}`), 400, /since/);
    await expectError(await pdf('&since=unknownPoint123'), 404, /since: no review point/);
    await expectError(await pdf('&today=tomorrow'), 400, /today must be a date/);
    await expectError(await call(`/api/boards/${board.id}/export?format=pdfx`, board.tokens.view), 400, /format must be json, csv, pdf or yjs/);
  });

  it('tells each role what it may download', async () => {
    const formats = async (token: string) => (await (await call(`/api/boards/${board.id}/export/formats`, token)).json()) as { formats: { format: string; allowed: boolean }[]; import: boolean };
    const viewer = await formats(board.tokens.view);
    expect(viewer.import).toBe(false);
    expect(viewer.formats.find((f) => f.format === 'yjs')?.allowed).toBe(false);
    expect(viewer.formats.find((f) => f.format === 'pdf')?.allowed).toBe(true);
    const owner = await formats(board.tokens.owner);
    expect(owner.import).toBe(true);
    expect(owner.formats.every((f) => f.allowed)).toBe(true);
  });

  it('re-importing the same CSV twice leaves one copy of each record', async () => {
    const target = await createBoard(server, 'Re-import');
    const post = (table: string, csv: string, preview = false) =>
      call(`/api/boards/${target.id}/import?table=${table}${preview ? '&preview=1' : ''}`, target.tokens.edit, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    const csv = 'name,organisation,power,interest\r\nHealth Board,NHS,4,4\r\nYouth Club,,0,1\r\n';
    expect(await (await post('stakeholders', csv)).json()).toEqual({ imported: 2, added: 2, updated: 0, unchanged: 0 });
    const preview = (await (await post('stakeholders', csv.replace('NHS', 'NHS Wales'), true)).json()) as { outcomes: unknown[] };
    expect(preview).toMatchObject({ preview: true, added: 0, updated: 1, unchanged: 1, outcomes: [{ row: 2, action: 'update', label: 'Health Board', fields: ['organisation'] }, { row: 3, action: 'unchanged' }] });
    expect(await (await post('stakeholders', csv)).json()).toEqual({ imported: 2, added: 0, updated: 0, unchanged: 2 });
    // The spelling in the file may differ in case and spaces: still the same stakeholder.
    expect(await (await post('stakeholders', 'name,power\r\n  health   BOARD ,3\r\n')).json()).toMatchObject({ added: 0, updated: 1 });
    const records = await exportJson(target.id, target.tokens.view);
    expect(records.stakeholders).toHaveLength(2);
    expect(records.stakeholders).toContainEqual(expect.objectContaining({ name: 'Health Board', power: 3, organisation: 'NHS' }));
    const matrix = 'row,category,required\r\nVenues,resource,3\r\n';
    await post('matrix', matrix);
    await post('matrix', matrix);
    expect((await exportJson(target.id, target.tokens.view)).matrixRows).toHaveLength(1);
  });

  it('a backup restored into a new board has identical content, tables and pack', async () => {
    const backup = await call(`/api/boards/${board.id}/export?format=yjs`, board.tokens.owner);
    expect(backup.status).toBe(200);
    const restored = await call('/api/boards/restore', null, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(await backup.arrayBuffer()) });
    expect(restored.status).toBe(201);
    const copy = (await restored.json()) as CreatedBoard;
    expect(await exportJson(copy.id, copy.tokens.view)).toEqual(await exportJson(board.id, board.tokens.view));
    for (const table of ['stakeholders', 'relationships', 'matrix', 'actions']) {
      const csv = async (id: string, token: string) => (await call(`/api/boards/${id}/export?format=csv&table=${table}`, token)).text();
      expect(await csv(copy.id, copy.tokens.view)).toBe(await csv(board.id, board.tokens.view));
    }
    const packText = async (id: string, token: string) =>
      (await readPdf(new Uint8Array(await (await call(`/api/boards/${id}/export?format=pdf&today=2026-03-31`, token)).arrayBuffer()))).text;
    expect(await packText(copy.id, copy.tokens.view)).toEqual(await packText(board.id, board.tokens.view));
  });
});

describe('limits on costly review requests', () => {
  let server: RunningServer;
  afterAll(async () => server?.dispose());

  it('answers 429 with Retry-After past the PDF, comparison and review point allowances', async () => {
    server = await startServer({ env: { PDF_EXPORTS_PER_IP_PER_MINUTE: '2', COMPARISONS_PER_IP_PER_MINUTE: '2', REVIEW_POINT_SAVES_PER_BOARD_PER_HOUR: '2' } });
    const board = await createBoard(server, 'Limits');
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}/api/boards/${board.id}${path}`, {
        method,
        headers: { authorization: `Bearer ${board.tokens.edit}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const statuses = async (make: () => Promise<Response>, n: number) => {
      const out: Response[] = [];
      for (let i = 0; i < n; i += 1) out.push(await make());
      return out;
    };
    const pdfs = await statuses(() => call('GET', '/export?format=pdf'), 3);
    expect(pdfs.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(pdfs[2]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await pdfs[2]!.json()) as { error: string }).error).toMatch(/Too many PDF packs from this address: at most 2 a minute/);
    const saves = await statuses(() => call('POST', '/snapshots', { name: 'Review' }), 3);
    expect(saves.map((r) => r.status)).toEqual([201, 201, 429]);
    const id = ((await saves[0]!.json()) as { id: string }).id;
    const diffs = await statuses(() => call('GET', `/snapshots/${id}/diff`), 3);
    expect(diffs.map((r) => r.status)).toEqual([200, 200, 429]);
    // JSON and CSV exports are cheap and stay unlimited.
    expect((await call('GET', '/export?format=json')).status).toBe(200);
  });

  it('limits review point saves per link per hour, and comparisons per link and per board per minute', async () => {
    const limited = await startServer({
      env: { REVIEW_POINT_SAVES_PER_LINK_PER_HOUR: '2', REVIEW_POINT_SAVES_PER_BOARD_PER_HOUR: '0', COMPARISONS_PER_LINK_PER_MINUTE: '2', COMPARISONS_PER_BOARD_PER_MINUTE: '3' },
    });
    try {
      const board = await createBoard(limited, 'Link limits');
      const call = (token: string, method: string, path: string, body?: unknown) =>
        fetch(`${limited.url}/api/boards/${board.id}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const statuses = async (make: () => Promise<Response>, n: number) => {
        const out: Response[] = [];
        for (let i = 0; i < n; i += 1) out.push(await make());
        return out;
      };
      // The edit link uses up its own saves; the owner link still has its own.
      const editSaves = await statuses(() => call(board.tokens.edit, 'POST', '/snapshots', { name: 'Review' }), 3);
      expect(editSaves.map((r) => r.status)).toEqual([201, 201, 429]);
      expect(editSaves[2]!.headers.get('content-type')).toMatch(/json/);
      expect(Number(editSaves[2]!.headers.get('retry-after'))).toBeGreaterThan(60);
      expect(((await editSaves[2]!.json()) as { error: string }).error).toMatch(/Too many review points saved through this link: at most 2 an hour/);
      expect((await call(board.tokens.owner, 'POST', '/snapshots', { name: 'Owner review' })).status).toBe(201);

      const id = ((await editSaves[0]!.json()) as { id: string }).id;
      // Two comparisons per link: the view link's third is refused...
      const viewDiffs = await statuses(() => call(board.tokens.view, 'GET', `/snapshots/${id}/diff`), 3);
      expect(viewDiffs.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(viewDiffs[2]!.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await viewDiffs[2]!.json()) as { error: string }).error).toMatch(/Too many comparisons through this link: at most 2 a minute/);
      // ...and the board's three a minute are used by the edit link's first one (the refused one counted none).
      const editDiffs = await statuses(() => call(board.tokens.edit, 'GET', `/snapshots/${id}/diff`), 2);
      expect(editDiffs.map((r) => r.status)).toEqual([200, 429]);
      expect(((await editDiffs[1]!.json()) as { error: string }).error).toMatch(/Too many comparisons on this board: at most 3 a minute/);
    } finally {
      await limited.dispose();
    }
  });
});
