import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, listRecords } from '../doc/records';
import { EXPORT_TABLES, type Table } from '../export/tables';
import { applyImport, importContext, importMatchKey, MAX_IMPORT_ROWS, planImport, unguardCell, type ImportTableName } from './tables';

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
  applyImport(to, plan);
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
    applyImport(doc, plan);
    expect(updates).toBe(1);
    expect(listRecords(doc, 'matrixCells')).toHaveLength(2);
  });

  it('re-importing a board\'s own tables changes nothing and adds no copies', () => {
    const doc = source();
    const before = EXPORT_TABLES.stakeholders(doc);
    for (const table of ['stakeholders', 'relationships', 'matrix'] as const) {
      const exported = EXPORT_TABLES[table](doc);
      const plan = planImport(table, exported.header, asText(exported), importContext(doc));
      expect(plan).toMatchObject({ ok: true, added: 0, updated: 0, records: [], updates: [] });
      if (plan.ok) expect(plan.unchanged).toBe(exported.rows.length);
    }
    expect(EXPORT_TABLES.stakeholders(doc)).toEqual(before);
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

describe('matching rows to records already on the board', () => {
  it('matches names ignoring case and spaces, and updates only the fields that differ', () => {
    const doc = source();
    const police = listRecords(doc, 'stakeholders').find((s) => s.record.name === 'police')!.record;
    const plan = planImport('stakeholders', ['name', 'power', 'organisation'], [['  POLICE ', '4', 'Police Scotland'], ['New group', '1', '']], importContext(doc));
    if (!plan.ok) throw new Error(JSON.stringify(plan));
    expect(plan.outcomes).toEqual([
      { row: 2, action: 'update', label: 'police', fields: ['organisation'] },
      { row: 3, action: 'add', label: 'New group', fields: [] },
    ]);
    expect(plan.updates).toEqual([{ collection: 'stakeholders', id: police.id, patch: { organisation: 'Police Scotland' } }]);
    applyImport(doc, plan);
    const after = listRecords(doc, 'stakeholders').map((r) => r.record);
    expect(after).toHaveLength(3);
    // Fields the file does not have (owners, attitude) are kept.
    expect(after.find((s) => s.id === police.id)).toMatchObject({ organisation: 'Police Scotland', ownerPartnerIds: ['p1'], attitude: -1 });
  });

  it('keeps salience that follows power and interest unless the file sets another value', () => {
    const doc = new Y.Doc();
    const s = createRecord(doc, 'stakeholders', { name: 'Board', power: 4, interest: 1 });
    const same = planImport('stakeholders', ['name', 'saliencePower', 'salienceLegitimacy'], [['Board', 'true', 'false']], importContext(doc));
    expect(same).toMatchObject({ ok: true, unchanged: 1 });
    const other = planImport('stakeholders', ['name', 'saliencePower'], [['Board', 'false']], importContext(doc));
    expect(other).toMatchObject({ ok: true, updates: [{ id: s.id, patch: { saliencePower: false } }] });
  });

  it('prefers the id column, so a renamed stakeholder is updated, not duplicated', () => {
    const doc = source();
    const police = listRecords(doc, 'stakeholders').find((s) => s.record.name === 'police')!.record;
    const plan = planImport('stakeholders', ['id', 'name'], [[police.id, 'Police Scotland']], importContext(doc));
    expect(plan).toMatchObject({ ok: true, added: 0, updated: 1, updates: [{ id: police.id, patch: { name: 'Police Scotland' } }] });
  });

  it('refuses a row matching two records, and two rows for one record', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'stakeholders', { name: 'Twin' });
    createRecord(doc, 'stakeholders', { name: 'twin ' });
    expect(planImport('stakeholders', ['name'], [['TWIN']], importContext(doc))).toMatchObject({ ok: false, rows: [{ row: 2, message: expect.stringMatching(/more than one stakeholder/) }] });
    expect(planImport('stakeholders', ['name'], [['Solo'], ['solo']], importContext(doc))).toMatchObject({ ok: false, rows: [{ row: 3, message: 'the same stakeholder as row 2; keep one row for it' }] });
  });

  it('matches matrix rows by name and updates their levels in place', () => {
    const doc = source();
    const plan = planImport('matrix', ['row', 'category', 'required', 'Council', 'Youth Trust'], [['venues', 'resource', '3', '1', '2 G R'], ['Safeguarding', 'skill', '2', '', '']], importContext(doc));
    if (!plan.ok) throw new Error(JSON.stringify(plan));
    expect(plan.outcomes.map((o) => [o.action, o.fields])).toEqual([
      ['update', ['Council']],
      ['update', ['required']],
    ]);
    applyImport(doc, plan);
    expect(listRecords(doc, 'matrixRows')).toHaveLength(2);
    expect(EXPORT_TABLES.matrix(doc).rows.find((r) => r[0] === 'Venues')).toEqual(['Venues', 'resource', 'Space', 3, '1', '2 G R', 2, 1]);
  });

  it('keys relationships on their two ends and type', () => {
    const doc = source();
    const exported = EXPORT_TABLES.relationships(doc);
    // Without ids: matched by ends and type; a new type is a new relationship.
    const header = ['fromName', 'toName', 'type', 'strength'];
    const rows = exported.rows.map((r) => [String(r[2]), String(r[4]), String(r[5]), '2']);
    rows.push([rows[0]![0]!, rows[0]![1]!, 'informal', '1']);
    const plan = planImport('relationships', header, rows.map((r) => r.map((c) => (/^[=+\-@]/.test(c) ? `'${c}` : c))), importContext(doc));
    expect(plan).toMatchObject({ ok: true, added: 1, updated: 2 });
  });

  it('folds names to one key', () => {
    expect(importMatchKey('  Kinship   Carers’ Trust ')).toBe('kinship carers’ trust');
    expect(importMatchKey('Cafe\u0301 Nord')).toBe(importMatchKey('Café nord'));
  });
});

describe('planImport matrix rows', () => {
  it('calls a missing row name by its column, "row"', () => {
    const plan = planImport('matrix', ['row', 'category'], [['', 'skill']], importContext(new Y.Doc()));
    expect(plan).toMatchObject({ ok: false, rows: [{ row: 2, message: expect.stringMatching(/^row: /) }] });
  });
});
