import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord } from '../doc/records';
import { COLLECTION_NAMES } from '../schema';
import { csvCell, toCsv } from './csv';
import { actionTable, exportJson, matrixTable, relationshipTable, stakeholderTable } from './tables';

function board() {
  const doc = new Y.Doc();
  const council = createRecord(doc, 'partners', { id: 'p1', name: 'Council', colour: '#2563eb' });
  const trust = createRecord(doc, 'partners', { id: 'p2', name: 'Youth Trust', colour: '#d97706' });
  createRecord(doc, 'stakeholders', { name: 'police', organisation: 'Police Scotland', power: 4, interest: 1, ownerPartnerIds: [council.id, 'gone'] });
  createRecord(doc, 'stakeholders', { name: 'Food bank', power: 1, interest: 4, attitude: 2 });
  const venues = createRecord(doc, 'matrixRows', { name: 'Venues', category: 'resource', required: 3 });
  const safeguarding = createRecord(doc, 'matrixRows', { name: 'Safeguarding', category: 'skill', required: 2 });
  createRecord(doc, 'matrixCells', { id: `${venues.id}:${trust.id}`, rowId: venues.id, partnerId: trust.id, level: 2, gives: true });
  createRecord(doc, 'matrixCells', { id: `${safeguarding.id}:${council.id}`, rowId: safeguarding.id, partnerId: council.id, level: 4, receives: true });
  const act = createRecord(doc, 'logicNodes', { column: 'activities', text: 'Drop-in', leadPartnerId: trust.id, supportingPartnerIds: [council.id], dueDate: '2026-03-01', status: 'in_progress' });
  const later = createRecord(doc, 'logicNodes', { column: 'activities', text: 'Training', dueDate: '' });
  const out = createRecord(doc, 'logicNodes', { column: 'outputs', text: '40 sessions' });
  const short = createRecord(doc, 'logicNodes', { column: 'shortTermOutcomes', text: 'Less isolation' });
  const long = createRecord(doc, 'logicNodes', { column: 'longTermOutcomes', text: 'Stronger community' });
  createRecord(doc, 'logicLinks', { from: act.id, to: out.id });
  createRecord(doc, 'logicLinks', { from: out.id, to: short.id });
  createRecord(doc, 'logicLinks', { from: short.id, to: long.id });
  createRecord(doc, 'logicLinks', { from: long.id, to: short.id });
  createRecord(doc, 'logicLinks', { from: later.id, to: 'deleted-card' });
  return doc;
}

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('\n=1+1')).toBe(`"'\n=1+1"`);
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    for (const wide of ['＝SUM(A1)', '＋1', '－1', '＠A1']) expect(csvCell(wide)).toBe(`'${wide}`);
    expect(csvCell('a＝b')).toBe('a＝b');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, true]])).toBe('a,b\r\n1,true\r\n');
  });
});

describe('export tables', () => {
  it('stakeholders sorted by name with owners named (unknown owners dropped)', () => {
    const table = stakeholderTable(board());
    expect(table.rows.map((row) => row[1])).toEqual(['Food bank', 'police']);
    const police = table.rows[1]!;
    expect(police[table.header.indexOf('owners')]).toBe('Council');
    expect(police[table.header.indexOf('power')]).toBe(4);
  });

  it('matrix rows by category with levels, flags, best and gap', () => {
    const table = matrixTable(board());
    expect(table.header).toEqual(['row', 'category', 'group', 'required', 'Council', 'Youth Trust', 'best', 'gap']);
    expect(table.rows).toEqual([
      ['Safeguarding', 'skill', '', 2, '4 R', '0', 4, 0],
      ['Venues', 'resource', '', 3, '0', '2 G', 2, 1],
    ]);
  });

  it('actions with partners and every outcome they lead to, through cycles and dangling links', () => {
    const table = actionTable(board());
    expect(table.rows).toEqual([
      ['Drop-in', 'Youth Trust', 'Council', '2026-03-01', 'in_progress', 'Less isolation; Stronger community'],
      ['Training', '', '', '', 'planned', ''],
    ]);
  });

  it('JSON holds every collection, each record validated with defaults', () => {
    const json = exportJson(board(), COLLECTION_NAMES);
    expect(Object.keys(json).sort()).toEqual([...COLLECTION_NAMES].sort());
    expect(json.stakeholders).toHaveLength(2);
    expect(json.logicLinks).toHaveLength(5);
    expect(json.stakeholders?.[0]).toMatchObject({ ring: null, placed: true });
  });
});

describe('relationship table', () => {
  it('names both ends, sorted by them, and leaves a missing end blank', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'stakeholders', { id: 'b', name: 'Bellview School' });
    createRecord(doc, 'stakeholders', { id: 'a', name: 'Ardmore Health Board' });
    createRecord(doc, 'partners', { id: 'p', name: 'Kinship Carers Trust', colour: '#16a34a' });
    createRecord(doc, 'relationships', { id: 'r2', from: 'b', to: 'gone', type: 'informal' });
    createRecord(doc, 'relationships', { id: 'r1', from: 'a', to: 'p', type: 'funds', strength: 5, direction: 'both' });
    const table = relationshipTable(doc);
    expect(table.header).toEqual(['id', 'from', 'fromName', 'to', 'toName', 'type', 'strength', 'direction']);
    expect(table.rows).toEqual([
      ['r1', 'a', 'Ardmore Health Board', 'p', 'Kinship Carers Trust', 'funds', 5, 'both'],
      ['r2', 'b', 'Bellview School', 'gone', '', 'informal', 3, 'forward'],
    ]);
  });
});
