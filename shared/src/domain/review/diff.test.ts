import { describe, expect, it } from 'vitest';
import { cell, link, node, partner, row, stakeholder } from '../fixtures.testutil';
import { diffBoards } from './sentences';
import type { BoardRecords } from './diff';
import { healthAggregateSchema, healthItemSchema, healthResponseSchema, partnerStageSchema } from '../../schema';

const kinship = partner('kin', 'Kinship Carers Trust');
const council = partner('council', 'Ardmore Council');

function texts(before: BoardRecords, after: BoardRecords): string[] {
  return diffBoards(before, after).sentences.map((s) => s.text);
}

describe('diffBoards: stakeholders', () => {
  const base = stakeholder('s1', '', { name: 'Ardmore Health Board', power: 4, interest: 2, attitude: -1 });

  it('words power and interest changes and the quadrant move', () => {
    const after = { ...base, interest: 4 };
    const diff = diffBoards({ stakeholders: [base] }, { stakeholders: [after] });
    expect(diff.sentences).toEqual([
      { group: 'stakeholder-map', collection: 'stakeholders', id: 's1', kind: 'changed', text: 'Ardmore Health Board: interest 2 → 4, moved to Manage closely' },
    ]);
    expect(diff.changes[0]!.fields).toEqual([{ field: 'interest', before: 2, after: 4 }]);
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 1 });
  });

  it('names attitudes in words', () => {
    expect(texts({ stakeholders: [base] }, { stakeholders: [{ ...base, attitude: 0 }] })).toEqual([
      'Ardmore Health Board: attitude Sceptic → Neutral',
    ]);
  });

  it('says "not assessed" for an attitude nobody has judged yet', () => {
    expect(texts({ stakeholders: [{ ...base, attitude: null }] }, { stakeholders: [base] })).toEqual([
      'Ardmore Health Board: attitude not assessed → Sceptic',
    ]);
  });

  it('lists added and removed stakeholders with their quadrant', () => {
    const added = stakeholder('s2', '', { name: 'Youth Forum', power: 1, interest: 4 });
    expect(texts({ stakeholders: [base] }, { stakeholders: [added] })).toEqual(['Ardmore Health Board removed', 'Youth Forum added (Keep informed)']);
  });

  it('says nothing when nothing changed, whatever the field order or missing defaults', () => {
    const raw = { id: 's1', name: 'Ardmore Health Board', power: 4, interest: 2, attitude: -1, organisation: '' };
    expect(diffBoards({ stakeholders: [raw] }, { stakeholders: [base] }).changes).toEqual([]);
  });
});

describe('diffBoards: relationships', () => {
  const people = [stakeholder('a', '', { name: 'Ardmore' }), stakeholder('b', '', { name: 'Bellview' })];
  it('names both ends', () => {
    const rel = { id: 'r1', from: 'a', to: 'b', type: 'funds', strength: 3, direction: 'forward' };
    expect(texts({ stakeholders: people }, { stakeholders: people, relationships: [rel] })).toEqual(['Relationship Ardmore → Bellview (funds) added']);
    expect(texts({ stakeholders: people, relationships: [rel] }, { stakeholders: people, relationships: [{ ...rel, strength: 5 }] })).toEqual([
      'Relationship Ardmore → Bellview: strength 3 → 5',
    ]);
  });
});

describe('diffBoards: skills matrix', () => {
  const training = row('r1', { name: 'Safeguarding training', required: 3 });

  it('says who closed a gap', () => {
    const before = { partners: [kinship, council], matrixRows: [training], matrixCells: [cell('r1', 'kin', { level: 1 })] };
    const after = { ...before, matrixCells: [cell('r1', 'kin', { level: 3 })] };
    expect(texts(before, after)).toEqual(['Safeguarding training: Kinship Carers Trust level 1 → 3', 'Safeguarding training: gap closed by Kinship Carers Trust']);
  });

  it('reports a gap opened when the requirement rises, and rows added', () => {
    const before = { partners: [kinship], matrixRows: [training], matrixCells: [cell('r1', 'kin', { level: 3 })] };
    const budget = row('r2', { name: 'Budget', category: 'resource', required: 1 });
    const after = { ...before, matrixRows: [{ ...training, required: 4 }, budget] };
    expect(texts(before, after)).toEqual([
      'Safeguarding training: required 3 → 4',
      "Resource 'Budget' added (required 1)",
      'Safeguarding training: gap opened (1 level short)',
    ]);
  });

  it('words giving and receiving', () => {
    const before = { partners: [kinship], matrixRows: [training], matrixCells: [cell('r1', 'kin', { level: 3 })] };
    const after = { ...before, matrixCells: [cell('r1', 'kin', { level: 3, gives: true })] };
    expect(texts(before, after)).toEqual(['Safeguarding training: Kinship Carers Trust now gives it']);
  });
});

describe('diffBoards: logic model', () => {
  const outcome = node('o1', 'shortTermOutcomes', { text: 'Carers feel less isolated' });
  const activity = node('a1', 'activities', { text: 'Peer groups', leadPartnerId: 'kin' });

  it('counts indicators gained', () => {
    const after = { logicNodes: [{ ...outcome, indicators: ['Loneliness score'] }] };
    expect(texts({ logicNodes: [outcome] }, after)).toEqual(["Short-term outcome 'Carers feel less isolated': gained an indicator"]);
    // Under the board's template the card is named as its column shows it.
    expect(diffBoards({ logicNodes: [outcome] }, after, 'kellogg').sentences[0]!.text).toBe(
      "Outcome 'Carers feel less isolated': gained an indicator",
    );
  });

  it('names the old and new lead', () => {
    const before = { partners: [kinship, council], logicNodes: [activity] };
    const after = { partners: [kinship, council], logicNodes: [{ ...activity, leadPartnerId: 'council' }] };
    expect(texts(before, after)).toEqual(["Activity 'Peer groups': lead changed (Kinship Carers Trust → Ardmore Council)"]);
  });

  it('words links between cards', () => {
    const before = { logicNodes: [activity, outcome] };
    const after = { logicNodes: [activity, outcome], logicLinks: [link('a1', 'o1')] };
    expect(texts(before, after)).toEqual(["Link from activity 'Peer groups' to short-term outcome 'Carers feel less isolated' added"]);
  });
});

describe('diffBoards: canvas items', () => {
  const note = { id: 'n1', kind: 'sticky', text: 'Ask the council', x: 10, y: 20, view: 'skills-matrix' };

  it('reports moves with old and new positions, on the right board', () => {
    const diff = diffBoards({ canvasItems: [note] }, { canvasItems: [{ ...note, x: 300, y: 400 }] });
    expect(diff.moved).toEqual([{ id: 'n1', view: 'skills-matrix', from: { x: 10, y: 20 }, to: { x: 300, y: 400 } }]);
    expect(diff.sentences.map((s) => [s.group, s.text])).toEqual([['skills-matrix', "Note 'Ask the council': moved"]]);
  });

  it('reports text edits, additions and removals', () => {
    expect(texts({ canvasItems: [note] }, { canvasItems: [{ ...note, text: 'Council agreed' }] })).toEqual([
      "Note 'Ask the council': now reads 'Council agreed'",
    ]);
    expect(texts({}, { canvasItems: [note] })).toEqual(["Note 'Ask the council' added"]);
    expect(texts({ canvasItems: [note] }, {})).toEqual(["Note 'Ask the council' removed"]);
  });
});

describe('diffBoards: partners and grouping', () => {
  it('groups sentences per board, partners first', () => {
    const before = { partners: [kinship], logicNodes: [node('x', 'impact', { text: 'Fewer crises' })] };
    const after = { partners: [{ ...kinship, name: 'Kinship Trust' }], stakeholders: [stakeholder('s', '', { name: 'GP' })] };
    const diff = diffBoards(before, after);
    expect(diff.sentences.map((s) => [s.group, s.text])).toEqual([
      ['partners', "Partner Kinship Trust: renamed from 'Kinship Carers Trust'"],
      ['stakeholder-map', 'GP added (Monitor)'],
      ['logic-model', "Impact 'Fewer crises' removed"],
    ]);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1 });
  });
});

describe('diffBoards: partnership health', () => {
  const item = healthItemSchema.parse({ id: 'i1', principle: 1, text: 'We wrote our shared vision together', order: 'a0' });
  const rating = healthResponseSchema.parse({ id: 'i1:kin', itemId: 'i1', partnerId: 'kin', level: 'notYet' });
  const stage = partnerStageSchema.parse({ id: 'council:kin', partnerA: 'council', partnerB: 'kin', current: 'networking', target: 'collaborating' });
  const base = { partners: [kinship, council], healthItems: [item] };

  it('words ratings: given, changed level, note and link, removed', () => {
    expect(texts(base, { ...base, healthResponses: [rating] })).toEqual(["Kinship Carers Trust rated 'We wrote our shared vision together': not yet"]);
    expect(texts({ ...base, healthResponses: [rating] }, { ...base, healthResponses: [{ ...rating, level: 'fully', note: 'Signed', evidenceUrl: 'https://x.org' }] })).toEqual([
      "Kinship Carers Trust's rating of 'We wrote our shared vision together': not yet → fully, note edited, evidence link changed",
    ]);
    expect(texts({ ...base, healthResponses: [rating] }, base)).toEqual(["Kinship Carers Trust's rating of 'We wrote our shared vision together' removed"]);
  });

  it('words stages between partners: set, moved on, aim changed', () => {
    expect(texts(base, { ...base, partnerStages: [stage] })).toEqual(['Ardmore Council and Kinship Carers Trust: networking, aiming for collaborating']);
    const moved = diffBoards({ ...base, partnerStages: [stage] }, { ...base, partnerStages: [{ ...stage, current: 'cooperating', target: 'integrating' }] });
    expect(moved.sentences).toEqual([
      expect.objectContaining({ group: 'health', text: 'Ardmore Council and Kinship Carers Trust: now cooperating (was networking), aiming for integrating (was collaborating)' }),
    ]);
  });

  it('words anonymous counts without naming anyone', () => {
    const aggregate = healthAggregateSchema.parse({ id: 'i1', itemId: 'i1', partly: 2, fully: 1 });
    expect(texts(base, { ...base, healthAggregates: [aggregate] })).toEqual(["Anonymous ratings of 'We wrote our shared vision together': 1 fully, 2 partly, 0 not yet"]);
  });
});
