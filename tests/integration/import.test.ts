import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, getCollection, listRecords } from '@pc/shared';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

const MAX_IMPORT_BYTES = 256 * 1024;

describe('POST /api/boards/:id/import', () => {
  let server: RunningServer;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startServer({ env: { MAX_IMPORT_BYTES: String(MAX_IMPORT_BYTES) } });
  });
  afterEach(() => pool.destroyAll());
  afterAll(async () => {
    pool.destroyAll();
    await server?.dispose();
  });

  const post = (board: { id: string }, table: string, body: string, token: string, type = 'text/csv') =>
    fetch(`${server.url}/api/boards/${board.id}/import?table=${table}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body,
    });
  const exportCsv = async (board: CreatedBoard, table: string) =>
    (await fetch(`${server.url}/api/boards/${board.id}/export?format=csv&table=${table}`, { headers: { authorization: `Bearer ${board.tokens.view}` } })).text();

  /** A board with the two partners, as a connected client sees it. */
  async function boardWithPartners() {
    const board = await createBoard(server, 'Import');
    const client = pool.connect(server, board.id, board.tokens.edit);
    await client.synced();
    createRecord(client.doc, 'partners', { name: 'Council', colour: '#2563eb' });
    createRecord(client.doc, 'partners', { name: 'Youth Trust', colour: '#d97706' });
    await waitFor(async () => (await exportCsv(board, 'matrix')).includes('Youth Trust'));
    return { board, client };
  }

  it('creates the records in one change that a connected stock client sees at once', async () => {
    const { board, client } = await boardWithPartners();
    const sizes: number[] = [];
    getCollection(client.doc, 'stakeholders').observe((event) => sizes.push(event.target.size));
    const csv = 'name,power,interest,owners,notes,shoe size\r\nFood bank,1,4,Council,"says ""hi"", twice",44\r\nPolice,4,1,Council; Youth Trust,,\r\n';
    const res = await post(board, 'stakeholders', csv, board.tokens.edit);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ imported: 2, added: 2, updated: 0, unchanged: 0 });
    await waitFor(() => sizes.length > 0);
    expect(sizes[0]).toBe(2);
    const police = listRecords(client.doc, 'stakeholders').find((r) => r.record.name === 'Police')!;
    expect(police.record.ownerPartnerIds).toHaveLength(2);
    expect(listRecords(client.doc, 'stakeholders').find((r) => r.record.name === 'Food bank')!.record.notes).toBe('says "hi", twice');
  });

  it('round-trips every table: export, import into a fresh board, the fresh board exports the same files', async () => {
    const { board: from, client } = await boardWithPartners();
    const [council, trust] = listRecords(client.doc, 'partners').map((r) => r.record).sort((a, b) => a.name.localeCompare(b.name));
    const a = createRecord(client.doc, 'stakeholders', { name: '=HYPERLINK("x")', organisation: 'A, Ltd', power: 3, attitude: -2, ring: 'core', sector: 'public', ownerPartnerIds: [council!.id], notes: 'two\nlines' });
    const b = createRecord(client.doc, 'stakeholders', { name: 'Café Nord', interest: 4, salienceUrgency: true, frequency: 'monthly', nextContact: '2026-06-01' });
    createRecord(client.doc, 'relationships', { from: a.id, to: b.id, type: 'funds', strength: 5, direction: 'both' });
    createRecord(client.doc, 'relationships', { from: b.id, to: trust!.id });
    const row = createRecord(client.doc, 'matrixRows', { name: '+Venues', category: 'resource', required: 3, group: 'Space' });
    createRecord(client.doc, 'matrixCells', { id: `${row.id}:${trust!.id}`, rowId: row.id, partnerId: trust!.id, level: 2, gives: true });
    await waitFor(async () => (await exportCsv(from, 'matrix')).includes('2 G'));
    const { board: to, client: other } = await boardWithPartners();
    // Partners are not imported: the fresh board has its own, with the same names and new ids.
    const partnerIdOf = new Map(listRecords(other.doc, 'partners').map((r) => [r.record.name, r.record.id]));
    const withFreshPartnerIds = (csv: string) => csv.replace(council!.id, partnerIdOf.get('Council')!).replace(trust!.id, partnerIdOf.get('Youth Trust')!);
    for (const table of ['stakeholders', 'relationships', 'matrix']) {
      const original = await exportCsv(from, table);
      const res = await post(to, table, original, to.tokens.owner);
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await exportCsv(to, table)).toBe(withFreshPartnerIds(original));
    }
    expect(await exportCsv(from, 'stakeholders')).toContain(`'=HYPERLINK`);
  });

  it('refuses bad rows with their row numbers and changes nothing', async () => {
    const { board } = await boardWithPartners();
    const csv = 'name,power,attitude,nextContact\nGood,2,0,\nBad power,7,0,\n,1,,\nBad date,1,1,next week\n';
    const res = await post(board, 'stakeholders', csv, board.tokens.edit);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; rows: { row: number; message: string }[] };
    expect(body.error).toMatch(/nothing was imported/);
    expect(body.rows.map((r) => r.row)).toEqual([3, 4, 5]);
    expect(body.rows[0]!.message).toMatch(/power/);
    expect(body.rows[2]!.message).toMatch(/date/);
    expect((await exportCsv(board, 'stakeholders')).trim().split('\n')).toHaveLength(1);
  });

  it('names missing columns; refuses an empty body, a wrong table, a wrong content type', async () => {
    const { board } = await boardWithPartners();
    const missing = await post(board, 'relationships', 'id,type\nx,funds\n', board.tokens.edit);
    expect(missing.status).toBe(422);
    expect(await missing.json()).toEqual({ error: 'Missing required columns: from or fromName, to or toName', rows: [] });
    const empty = await post(board, 'stakeholders', '', board.tokens.edit);
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { error: string }).error).toBe('The file is empty');
    const headerOnly = await post(board, 'stakeholders', 'name\r\n', board.tokens.edit);
    expect(headerOnly.status).toBe(422);
    const wrong = await post(board, 'actions', 'activity\nx\n', board.tokens.edit);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/stakeholders, relationships, matrix/);
    expect((await post(board, 'stakeholders', 'name\nx\n', board.tokens.edit, 'application/json')).status).toBe(415);
    const broken = await post(board, 'stakeholders', 'name,notes\n"unclosed,x\n', board.tokens.edit);
    expect(broken.status).toBe(422);
    expect(((await broken.json()) as { error: string }).error).toBe('The file is not valid CSV');
  });

  it('checks the token and the board: view 403, none 401, unknown board 404', async () => {
    const { board } = await boardWithPartners();
    expect((await post(board, 'stakeholders', 'name\nx\n', board.tokens.view)).status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/boards/${board.id}/import?table=stakeholders`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'name\nx\n' });
    expect(anonymous.status).toBe(401);
    expect((await post({ id: 'b_nosuchboard0000000000' }, 'stakeholders', 'name\nx\n', board.tokens.owner)).status).toBe(404);
    expect((await exportCsv(board, 'stakeholders')).trim().split('\n')).toHaveLength(1);
  });

  it('bounds hostile input: oversized bodies 413, too many rows and huge fields 422', async () => {
    const { board } = await boardWithPartners();
    const oversized = await post(board, 'stakeholders', `name\n${'x'.repeat(MAX_IMPORT_BYTES)}\n`, board.tokens.edit);
    expect(oversized.status).toBe(413);
    const atLimit = `name,power,interest,notes\n${Array.from({ length: 5000 }, (_, i) => `Stakeholder ${i},${i % 5},${(i * 3) % 5},note ${i}`).join('\n')}\n`;
    const started = performance.now();
    const full = await post(board, 'stakeholders', atLimit, board.tokens.edit);
    const elapsed = performance.now() - started;
    expect(await full.json()).toMatchObject({ imported: 5000, added: 5000 });
    console.log(`5,000 stakeholder rows (${atLimit.length} bytes) imported in ${elapsed.toFixed(0)} ms`);
    const many = await post(board, 'stakeholders', `name\n${Array.from({ length: 5001 }, (_, i) => `S${i}`).join('\n')}\n`, board.tokens.edit);
    expect(many.status).toBe(422);
    expect(((await many.json()) as { error: string }).error).toMatch(/At most 5000 rows/);
    const huge = await post(board, 'stakeholders', `name,notes\nok,${'n'.repeat(20_000)}\n${'N'.repeat(500)},x\n`, board.tokens.edit);
    expect(huge.status).toBe(422);
    expect(((await huge.json()) as { rows: { row: number }[] }).rows.map((r) => r.row)).toEqual([2, 3]);
    expect((await exportCsv(board, 'stakeholders')).trim().split('\n')).toHaveLength(5001);
  });

  it('un-guards formula cells the export guarded', async () => {
    const { board, client } = await boardWithPartners();
    const res = await post(board, 'stakeholders', "name,notes\n'=SUM(A1),'+44 20\n'quoted',x\n", board.tokens.edit);
    expect(res.status).toBe(200);
    await waitFor(() => listRecords(client.doc, 'stakeholders').length === 2);
    const names = listRecords(client.doc, 'stakeholders').map((r) => r.record.name).sort();
    expect(names).toEqual(["'quoted'", '=SUM(A1)']);
    expect(listRecords(client.doc, 'stakeholders').find((r) => r.record.name === '=SUM(A1)')!.record.notes).toBe('+44 20');
  });
});
