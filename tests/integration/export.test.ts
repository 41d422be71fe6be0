import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord } from '@pc/shared';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

describe('GET /api/boards/:id/export', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startServer();
    board = await createBoard(server, 'Riverside Youth Partnership');
    const client = pool.connect(server, board.id, board.tokens.edit);
    await client.synced();
    const partner = createRecord(client.doc, 'partners', { name: 'Council', colour: '#2563eb' });
    const cafe = createRecord(client.doc, 'stakeholders', { name: 'Café "Nord", Ltd', power: 3, interest: 4, ownerPartnerIds: [partner.id] });
    createRecord(client.doc, 'stakeholders', { name: '=cmd|calc', power: 0, interest: 0 });
    createRecord(client.doc, 'relationships', { from: cafe.id, to: partner.id, type: 'reports to', strength: 4 });
    const row = createRecord(client.doc, 'matrixRows', { name: 'Venues', category: 'resource', required: 3 });
    createRecord(client.doc, 'matrixCells', { id: `${row.id}:${partner.id}`, rowId: row.id, partnerId: partner.id, level: 1, gives: true });
    const activity = createRecord(client.doc, 'logicNodes', { column: 'activities', text: 'Drop-in', leadPartnerId: partner.id });
    const outcome = createRecord(client.doc, 'logicNodes', { column: 'shortTermOutcomes', text: 'Less isolation' });
    createRecord(client.doc, 'logicLinks', { from: activity.id, to: outcome.id });
    // The export reads the server's copy: wait until every record has reached it.
    await waitFor(async () => {
      const res = await exportJson(board.tokens.view);
      return res.status === 200 && ((await res.json()) as { records: { logicLinks: unknown[] } }).records.logicLinks.length === 1;
    });
    pool.destroyAll();
  });
  afterAll(async () => {
    pool.destroyAll();
    await server?.dispose();
  });

  const exportJson = (token: string) =>
    fetch(`${server.url}/api/boards/${board.id}/export?format=json`, { headers: { authorization: `Bearer ${token}` } });
  const exportCsv = (table: string, token = board.tokens.view) =>
    fetch(`${server.url}/api/boards/${board.id}/export?format=csv&table=${table}`, { headers: { authorization: `Bearer ${token}` } });

  it('JSON: every record by collection, as a download named after the board', async () => {
    const res = await exportJson(board.tokens.view);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="riverside-youth-partnership-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = (await res.json()) as { board: { title: string }; records: Record<string, unknown[]> };
    expect(body.board.title).toBe('Riverside Youth Partnership');
    expect(body.records.stakeholders).toHaveLength(2);
    expect(body.records.partners).toHaveLength(1);
    expect(Object.keys(body.records)).toContain('votes');
  });

  it('CSV stakeholders: quoted, UTF-8 with a byte-order mark, formulas defused', async () => {
    const res = await exportCsv('stakeholders');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,name,organisation,sector/);
    expect(lines).toHaveLength(3);
    expect(text).toContain(",'=cmd|calc,");
    expect(text).toContain('"Café ""Nord"", Ltd"');
    expect(text).toContain(',Council,');
  });

  it('CSV relationships: both ends named', async () => {
    const csv = (await (await exportCsv('relationships')).text()).replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,from,fromName,to,toName,type,strength,direction');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/,"Café ""Nord"", Ltd",.*,Council,reports to,4,forward$/);
  });

  it('CSV matrix and actions', async () => {
    const matrix = (await (await exportCsv('matrix')).text()).replace(/^\uFEFF/, '');
    expect(matrix.split('\r\n')[0]).toBe('row,category,group,required,Council,best,gap');
    expect(matrix).toContain('Venues,resource,,3,1 G,1,2');
    const actions = (await (await exportCsv('actions')).text()).replace(/^\uFEFF/, '');
    expect(actions).toContain('Drop-in,Council,,,planned,Less isolation');
  });

  it('refuses bad queries and bad tokens with a clear JSON error', async () => {
    const bad = async (res: Response, status: number, pattern: RegExp) => {
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(pattern);
    };
    await bad(await fetch(`${server.url}/api/boards/${board.id}/export?format=xml`, { headers: { authorization: `Bearer ${board.tokens.view}` } }), 400, /format must be json, csv, pdf or yjs/);
    await bad(await exportCsv('secrets'), 400, /table must be stakeholders, relationships, matrix, actions, health, stages or agreement/);
    await bad(await fetch(`${server.url}/api/boards/${board.id}/export?format=json`), 401, /Bearer/);
    await bad(await exportJson('x'.repeat(22)), 403, /does not grant access/);
    await bad(await fetch(`${server.url}/api/boards/nope/export?format=json`, { headers: { authorization: 'Bearer abc' } }), 404, /No board/);
    await bad(await fetch(`${server.url}/api/boards/${board.id}/export?format=csv&table=matrix&table=actions`, { headers: { authorization: `Bearer ${board.tokens.view}` } }), 400, /table must be/);
  });
});
