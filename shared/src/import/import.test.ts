import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, listRecords } from '../doc/records';
import { EXPORT_TABLES, type Table } from '../export/tables';
import { applyImport, importContext, MAX_IMPORT_ROWS, planImport, unguardCell, type ImportTableName } from './tables';

function partners(doc: Y.Doc) {
  createRecord(doc, 'partners', { id: 'p1', name: 'Council', colour: '#2563eb' });
  createRecord(doc, 'partners', { id: 'p2', name: 'Youth Trust', colour: '#d97706' });
}

function source() {
  const doc = new Y.Doc();
  partners(doc);
  const police = createRecord(doc, 'stakeholders', { name: 'police', organisation: 'Police, Scotland', power: 4, interest: 1, ownerPartnerIds: ['p1'], attitude: -1, ring: 'core', salienceUrgency: true, nextContact: '2026-05-01', notes: 'line one\nline two' });
  const bank = createRecord(doc, 'stakeholders', { name: '=Food bank', power: 1, interest: 4, sector: 'community' });
  createRecord(doc, 'relationships', { from: police.id, to: bank.id, type: 'funds', strength: 5, direction: 'both' });
  createRecord(doc, 'relationships', { from: bank.id, to: 'p2', type: 'reports to' });
  const venues = createRecord(doc, 'matrixRows', { name: 'Venues', category: 'resource', required: 3, group: 'Space' });
  createRecord(doc, 'matrixRows', { name: 'Safeguarding', category: 'skill', required: 1 });
  createRecord(doc, 'matrixCells', { id: `${venues.id}:p2`, rowId: venues.id, partnerId: 'p2', level: 2, gives: true, receives: true });
  return doc;
}

/** Cells as a CSV reader hands them over: text, formula cells guarded as the export writes them. */
const asText = (table: Table) => table.rows.map((row) => row.map((v) => (v === null ? '' : typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : String(v))));

function roundTrip(from: Y.Doc, to: Y.Doc, table: ImportTableName) {
  const exported = EXPORT_TABLES[table](from);
  const plan = planImport(table, exported.header, asText(exported), importContext(to));
  if (!plan.ok) throw new Error(JSON.stringify(plan));
  applyImport(to, plan.records);
  return plan.imported;
}

describe('planImport', () => {
  it('round-trips every table: export, import into a fresh board, export again gives the same table', () => {
    const from = source();
    const to = new Y.Doc();
    partners(to);
    expect(roundTrip(from, to, 'stakeholders')).toBe(2);
    expect(roundTrip(from, to, 'relationships')).toBe(2);
    expect(roundTrip(from, to, 'matrix')).toBe(2);
    for (const table of ['stakeholders', 'relationships', 'matrix'] as const) expect(EXPORT_TABLES[table](to)).toEqual(EXPORT_TABLES[table](from));
    expect(listRecords(to, 'stakeholders').every((r) => r.valid)).toBe(true);
  });

  it('applies the whole import as one document update', () => {
    const doc = new Y.Doc();
    partners(doc);
    const plan = planImport('matrix', ['row', 'category', 'Council'], [['Venues', 'resource', '2 G'], ['Vans', 'resource', '1']], importContext(doc));
    if (!plan.ok) throw new Error(plan.error);
    let updates = 0;
    doc.on('update', () => updates++);
    applyImport(doc, plan.records);
    expect(updates).toBe(1);
    expect(listRecords(doc, 'matrixCells')).toHaveLength(2);
  });

  it('gives a stakeholder whose id is already on the board a new id instead of overwriting it', () => {
    const doc = source();
    const before = listRecords(doc, 'stakeholders').length;
    roundTrip(doc, doc, 'stakeholders');
    expect(listRecords(doc, 'stakeholders')).toHaveLength(before * 2);
  });

  it('reports every bad row by its spreadsheet row number and creates nothing', () => {
    const doc = new Y.Doc();
    partners(doc);
    const plan = planImport('stakeholders', ['name', 'power', 'owners', 'nextContact'], [['Ok', '2', 'Council', ''], ['Bad', '9', '', ''], ['', '1', '', ''], ['X', 'high', 'Nobody', 'soon']], importContext(doc));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.rows.map((r) => r.row)).toEqual([3, 4, 5]);
    expect(plan.rows[0]!.message).toMatch(/power/);
    expect(plan.rows[1]!.message).toMatch(/name/);
    expect(plan.rows[2]!.message).toMatch(/Nobody/);
  });

  it('names missing required columns and refuses empty or oversized tables', () => {
    const doc = new Y.Doc();
    expect(planImport('relationships', ['id', 'type'], [['a', 'b']], importContext(doc))).toMatchObject({ ok: false, error: 'Missing required columns: from or fromName, to or toName' });
    expect(planImport('stakeholders', ['name'], [], importContext(doc))).toMatchObject({ ok: false, error: expect.stringMatching(/no rows/) });
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`S${i}`]);
    expect(planImport('stakeholders', ['name'], many, importContext(doc))).toMatchObject({ ok: false, error: expect.stringMatching(/At most 5000/) });
  });

  it('resolves relationship ends by name, refusing unknown and ambiguous names', () => {
    const doc = new Y.Doc();
    partners(doc);
    createRecord(doc, 'stakeholders', { name: 'Twin' });
    createRecord(doc, 'stakeholders', { name: 'twin' });
    const plan = planImport('relationships', ['from', 'to', 'strength'], [['Council', 'youth trust', '4'], ['Council', 'Twin', '3'], ['Ghost', 'p1', '3']], importContext(doc));
    expect(plan).toMatchObject({ ok: false, rows: [{ row: 3, message: expect.stringMatching(/more than one/) }, { row: 4, message: expect.stringMatching(/Ghost/) }] });
    const good = planImport('relationships', ['from', 'to', 'unknown column'], [['Council', 'youth trust', 'x']], importContext(doc));
    expect(good).toMatchObject({ ok: true, records: [{ collection: 'relationships', record: { from: 'p1', to: 'p2' } }] });
  });

  it('refuses matrix cells that are not levels, ignores columns that are not partners', () => {
    const doc = new Y.Doc();
    partners(doc);
    const bad = planImport('matrix', ['row', 'category', 'Council', 'Other'], [['Venues', 'resource', 'lots', '3']], importContext(doc));
    expect(bad).toMatchObject({ ok: false, rows: [{ row: 2, message: expect.stringMatching(/Council/) }] });
    const wrongCategory = planImport('matrix', ['row', 'category'], [['Venues', 'stuff']], importContext(doc));
    expect(wrongCategory).toMatchObject({ ok: false, rows: [{ row: 2, message: expect.stringMatching(/category/) }] });
  });

  it('un-guards formula cells the export guarded, and only those', () => {
    expect(unguardCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguardCell("'-2")).toBe('-2');
    expect(unguardCell("'quoted'")).toBe("'quoted'");
    expect(unguardCell('plain')).toBe('plain');
  });
});

describe('planImport matrix rows', () => {
  it('calls a missing row name by its column, "row"', () => {
    const plan = planImport('matrix', ['row', 'category'], [['', 'skill']], importContext(new Y.Doc()));
    expect(plan).toMatchObject({ ok: false, rows: [{ row: 2, message: expect.stringMatching(/^row: /) }] });
  });
});
