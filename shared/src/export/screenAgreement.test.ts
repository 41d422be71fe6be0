import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, listRecords } from '../doc/records';
import type { CollectionName } from '../schema';
import { buildActionPlan } from '../domain/logic/actionPlan';
import { analyseMatrix } from '../domain/matrix/analysis';
import { mendelowQuadrant, QUADRANT_LABELS } from '../domain/stakeholders/quadrants';
import { actionTable, matrixTable, stakeholderTable, type Table } from './tables';

/**
 * One board, read twice: by the export tables and by the model functions the
 * boards draw from. Where both show the same fact, they must say the same thing.
 */
function board(): Y.Doc {
  const doc = new Y.Doc();
  const council = createRecord(doc, 'partners', { name: 'Council', colour: '#2563eb' });
  const trust = createRecord(doc, 'partners', { name: 'Youth Trust', colour: '#d97706' });

  createRecord(doc, 'stakeholders', { name: 'Police', power: 4, interest: 3 });
  createRecord(doc, 'stakeholders', { name: 'Food bank', power: 1, interest: 4 });
  createRecord(doc, 'stakeholders', { name: 'MSP', power: 3, interest: 2 });
  createRecord(doc, 'stakeholders', { name: 'Library', power: 2, interest: 2 });

  const venues = createRecord(doc, 'matrixRows', { name: 'Venues', category: 'resource', required: 3 });
  const safeguarding = createRecord(doc, 'matrixRows', { name: 'Safeguarding', category: 'skill', required: 4 });
  const data = createRecord(doc, 'matrixRows', { name: 'Data', category: 'knowledge', required: 1 });
  const cell = (rowId: string, partnerId: string, level: number) =>
    createRecord(doc, 'matrixCells', { id: `${rowId}:${partnerId}`, rowId, partnerId, level });
  cell(venues.id, trust.id, 2);
  cell(safeguarding.id, council.id, 3);
  cell(safeguarding.id, trust.id, 1);
  cell(data.id, council.id, 4);

  const card = (column: 'activities' | 'outputs' | 'shortTermOutcomes' | 'longTermOutcomes' | 'assumptions' | 'externalFactors', text: string, extra = {}) =>
    createRecord(doc, 'logicNodes', { column, text, ...extra });
  const link = (from: { id: string }, to: { id: string }) => createRecord(doc, 'logicLinks', { from: from.id, to: to.id });
  const dropIn = card('activities', 'Drop-in', { leadPartnerId: trust.id, supportingPartnerIds: [council.id, trust.id], dueDate: '2026-03-01' });
  const survey = card('activities', 'Survey', { leadPartnerId: council.id, dueDate: '2026-02-01' });
  const training = card('activities', 'Training');
  const sessions = card('outputs', '40 sessions');
  const isolation = card('shortTermOutcomes', 'Less isolation');
  const community = card('longTermOutcomes', 'Stronger community');
  const staffTime = card('assumptions', 'Partners release staff time');
  const funding = card('externalFactors', 'Council budget holds');
  const viaAssumption = card('shortTermOutcomes', 'Reached only through an assumption');
  const viaFactor = card('longTermOutcomes', 'Reached only through an external factor');
  link(dropIn, sessions);
  link(sessions, isolation);
  link(isolation, community);
  // Annotations: they say what an activity depends on, not what it causes.
  link(survey, staffTime);
  link(staffTime, viaAssumption);
  link(training, funding);
  link(funding, viaFactor);
  return doc;
}

const read = <C extends CollectionName>(doc: Y.Doc, name: C) => listRecords(doc, name).map((r) => r.record);

function column(table: Table, name: string): (string | number | boolean)[] {
  const index = table.header.indexOf(name);
  expect(index, `column ${name}`).toBeGreaterThanOrEqual(0);
  return table.rows.map((row) => row[index]!);
}

describe('CSV tables agree with the screen', () => {
  it('action plan: same activities, leads, supporters and causal outcomes as the board', () => {
    const doc = board();
    const screen = buildActionPlan({ nodes: read(doc, 'logicNodes'), links: read(doc, 'logicLinks'), partners: read(doc, 'partners') }, '2026-01-15');
    const csv = actionTable(doc);
    const csvByActivity = new Map(csv.rows.map((row) => [row[0], row]));
    expect([...csvByActivity.keys()].sort()).toEqual(screen.map((row) => row.activity).sort());
    for (const row of screen) {
      expect(csvByActivity.get(row.activity)).toEqual([
        row.activity,
        row.leadPartnerName,
        row.supportingPartnerNames.join('; '),
        row.dueDate,
        row.status,
        row.linkedOutcomeTexts.join('; '),
      ]);
    }
    // The cases the two used to disagree on: outcomes reached only through an
    // assumption or an external factor are not the activity's outcomes.
    expect(column(csv, 'linkedOutcomes')).toEqual(['', 'Less isolation; Stronger community', '']);
    expect(column(csv, 'activity')).toEqual(['Survey', 'Drop-in', 'Training']);
    expect(column(csv, 'supportingPartners')).toEqual(['', 'Council', '']);
  });

  it('matrix: the gap and best level per row are the board\'s', () => {
    const doc = board();
    const analysis = analyseMatrix(read(doc, 'matrixRows'), read(doc, 'partners'), read(doc, 'matrixCells'));
    const csv = matrixTable(doc);
    const names = new Map(read(doc, 'matrixRows').map((row) => [row.name, row.id]));
    const byName = column(csv, 'row').map((name) => analysis.byRowId.get(names.get(String(name))!)!);
    expect(column(csv, 'gap')).toEqual(byName.map((row) => row.gap));
    expect(column(csv, 'best')).toEqual(byName.map((row) => row.bestAvailable));
    expect(column(csv, 'gap')).toEqual([1, 0, 1]); // Safeguarding, Data, Venues
  });

  it('stakeholders: each quadrant is the one the map draws them in', () => {
    const doc = board();
    const csv = stakeholderTable(doc);
    const stakeholders = new Map(read(doc, 'stakeholders').map((s) => [s.id, s]));
    const expected = column(csv, 'id').map((id) => {
      const s = stakeholders.get(String(id))!;
      return QUADRANT_LABELS[mendelowQuadrant(s.power, s.interest)];
    });
    expect(column(csv, 'quadrant')).toEqual(expected);
    expect(column(csv, 'quadrant')).toEqual(['Keep informed', 'Monitor', 'Keep satisfied', 'Manage closely']);
  });
});
