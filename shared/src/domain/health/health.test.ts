import { describe, expect, it } from 'vitest';
import {
  healthItemSchema,
  healthResponseSchema,
  partnerStageSchema,
  type HealthItem,
  type HealthResponse,
  type LogicNode,
  type Partner,
  type PartnerStage,
  type Stakeholder,
  logicNodeSchema,
  partnerSchema,
  stakeholderSchema,
  matrixRowSchema,
  matrixCellSchema,
} from '../../schema';
import { COMPASS_CHECKLIST } from './checklist';
import { aggregateLevels, scoreHealth } from './scoring';
import { evidenceFor, type EvidenceInput } from './evidence';
import { buildStageMatrix, stagesOfPartner } from './stages';
import { reviewsDue } from './reviewDue';

const partner = (id: string): Partner => partnerSchema.parse({ id, name: id, colour: '#336699' });
const item = (id: string, principle: number, extra: Partial<HealthItem> = {}): HealthItem =>
  healthItemSchema.parse({ id, principle, text: `item ${id}`, order: 'a0', ...extra });
const rate = (itemId: string, partnerId: string, level: HealthResponse['level'], ratedAt = 0): HealthResponse =>
  healthResponseSchema.parse({ id: `${itemId}:${partnerId}`, itemId, partnerId, level, ratedAt });
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 4);

describe('scoreHealth', () => {
  const partners = [partner('a'), partner('b'), partner('c')];
  const items = [item('i1', 1), item('i2', 1), item('i3', 2)];

  it('scores each principle per partner and overall as a share of the points possible', () => {
    const summary = scoreHealth({
      items,
      partners,
      responses: [rate('i1', 'a', 'fully'), rate('i2', 'a', 'partly'), rate('i1', 'b', 'notYet'), rate('i3', 'c', 'fully')],
    });
    const p1 = summary.principles[0]!;
    expect(p1.byPartner.get('a')).toBe(75); // (2 + 1) / 4
    expect(p1.byPartner.get('b')).toBe(0);
    expect(p1.byPartner.get('c')).toBeNull(); // rated nothing here
    expect(p1.overall).toBe(50); // 3 of 6 points
    expect(p1.spread).toBe(2); // i1: fully vs not yet
    expect(p1.disagreements).toEqual(['i1']);
    expect(summary.principles[1]!.overall).toBe(100);
    expect(summary.overall).toBe(63); // 5 of 8
    expect(summary.principles[5]!.overall).toBeNull();
  });

  it('ignores ratings of removed items and partners who left, and counts anonymous aggregates to no partner', () => {
    const summary = scoreHealth({
      items,
      partners: [partner('a')],
      responses: [rate('i1', 'gone', 'fully'), rate('nope', 'a', 'fully'), rate('i1', 'a', 'partly')],
      aggregates: [{ id: 'i2', itemId: 'i2', notYet: 1, partly: 0, fully: 1, spread: 2, ratedAt: 0 }],
    });
    expect(summary.items.get('i1')!.rated).toBe(1);
    expect(summary.items.get('i2')!.score).toBe(50);
    expect(summary.principles[0]!.byPartner.get('a')).toBe(50);
    expect(summary.principles[0]!.overall).toBe(50); // 1 + 2 of 6
  });

  it('aggregates levels into counts and spread', () => {
    expect(aggregateLevels(['partly', 'partly'])).toEqual({ counts: { notYet: 0, partly: 2, fully: 0 }, spread: 0 });
    expect(aggregateLevels(['partly', 'fully'])).toEqual({ counts: { notYet: 0, partly: 1, fully: 1 }, spread: 1 });
    expect(aggregateLevels([]).spread).toBe(0);
  });
});

describe('evidenceFor', () => {
  const partners = [partner('a'), partner('b')];
  const base = (over: Partial<EvidenceInput> = {}): EvidenceInput => ({
    partners,
    stakeholders: [],
    matrixRows: [],
    matrixCells: [],
    logicNodes: [],
    reviewPoints: [],
    stakeholdersChangedAt: null,
    reviewIntervalDays: 90,
    now: NOW,
    today: '2026-12-04',
    ...over,
  });
  const stakeholder = (id: string, extra: Partial<Stakeholder> = {}): Stakeholder =>
    stakeholderSchema.parse({ id, name: id, power: 2, interest: 2, ...extra });
  const activity = (id: string, extra: Partial<LogicNode> = {}): LogicNode =>
    logicNodeSchema.parse({ id, column: 'activities', text: id, order: 'a0', ...extra });

  it('stakeholder map: none, one partner only, joint', () => {
    expect(evidenceFor('stakeholderMap', base()).level).toBe('notYet');
    const one = evidenceFor('stakeholderMap', base({ stakeholders: [stakeholder('s1', { ownerPartnerIds: ['a'] })], stakeholdersChangedAt: NOW - 3 * DAY }));
    expect(one.level).toBe('partly');
    expect(one.summary).toContain('1 stakeholder on the map');
    expect(one.summary).toContain('last changed 3 days ago');
    const joint = evidenceFor('stakeholderMap', base({ stakeholders: [stakeholder('s1', { ownerPartnerIds: ['a'] }), stakeholder('s2', { ownerPartnerIds: ['b'] })] }));
    expect(joint.level).toBe('fully');
  });

  it('stakeholder review: review points within the interval, too old, or only edits', () => {
    const stakeholders = [stakeholder('s1')];
    expect(evidenceFor('stakeholderReview', base({ stakeholders, reviewPoints: [NOW - 100 * DAY, NOW - 10 * DAY] })).level).toBe('fully');
    const old = evidenceFor('stakeholderReview', base({ stakeholders, reviewPoints: [NOW - 100 * DAY] }));
    expect(old.level).toBe('partly');
    expect(old.summary).toContain('more than 90 days ago');
    expect(evidenceFor('stakeholderReview', base({ stakeholders, stakeholdersChangedAt: NOW - DAY })).level).toBe('partly');
    expect(evidenceFor('stakeholderReview', base({ stakeholders })).level).toBe('notYet');
  });

  it('skills matrix: rows, rated levels and the gap count from the matrix analysis', () => {
    expect(evidenceFor('skillsMatrix', base()).level).toBe('notYet');
    const rows = [matrixRowSchema.parse({ id: 'r1', name: 'Finance', category: 'skill', required: 3, order: 'a0' }), matrixRowSchema.parse({ id: 'r2', name: 'Data', category: 'skill', required: 2, order: 'a1' })];
    expect(evidenceFor('skillsMatrix', base({ matrixRows: rows })).level).toBe('partly');
    const cells = [matrixCellSchema.parse({ id: 'r1:a', rowId: 'r1', partnerId: 'a', level: 4 })];
    const rated = evidenceFor('skillsMatrix', base({ matrixRows: rows, matrixCells: cells }));
    expect(rated.level).toBe('fully');
    expect(rated.summary).toContain('2 rows in the matrix; 1 gap');
  });

  it('comms strategy: owner and next contact per stakeholder, overdue counted', () => {
    const stakeholders = [
      stakeholder('s1', { ownerPartnerIds: ['a'], nextContact: '2027-01-10' }),
      stakeholder('s2', { ownerPartnerIds: ['gone'], nextContact: '2027-01-10' }),
      stakeholder('s3', { ownerPartnerIds: ['b'], nextContact: '2026-11-01' }),
    ];
    const e = evidenceFor('commsStrategy', base({ stakeholders }));
    expect(e.level).toBe('partly');
    expect(e.summary).toBe('2 of 3 stakeholders have an owner and a next contact date; 1 overdue');
    expect(evidenceFor('commsStrategy', base({ stakeholders: [stakeholders[0]!] })).level).toBe('fully');
  });

  it('action plan and roles: leads, due dates, overdue, activities without a lead', () => {
    const nodes = [
      activity('x', { leadPartnerId: 'a', dueDate: '2027-01-01' }),
      activity('y', { leadPartnerId: 'b', dueDate: '2026-01-01' }),
      activity('z'),
      logicNodeSchema.parse({ id: 'o', column: 'outputs', text: 'o', order: 'a0' }),
    ];
    const plan = evidenceFor('actionPlanUpdated', base({ logicNodes: nodes }));
    expect(plan.summary).toBe('2 of 3 activities have a lead and a due date; 1 overdue');
    expect(plan.level).toBe('partly');
    const roles = evidenceFor('rolesClear', base({ logicNodes: nodes }));
    expect(roles.summary).toBe('1 activity of 3 without a lead partner');
    expect(roles.level).toBe('partly');
    expect(evidenceFor('rolesClear', base({ logicNodes: nodes.slice(0, 2) })).level).toBe('fully');
    expect(evidenceFor('actionPlanUpdated', base({ logicNodes: nodes.slice(0, 1) })).level).toBe('fully');
  });
});

describe('stage matrix', () => {
  const partners = [partner('a'), partner('b'), partner('c')];
  const stage = (a: string, b: string, current: PartnerStage['current'], target: PartnerStage['target']): PartnerStage =>
    partnerStageSchema.parse({ id: a < b ? `${a}:${b}` : `${b}:${a}`, partnerA: a < b ? a : b, partnerB: a < b ? b : a, current, target });

  it('gives the same cell for either order, and counts pairs set, reached and moving closer', () => {
    const m = buildStageMatrix(partners, [stage('a', 'b', 'networking', 'collaborating'), stage('b', 'c', 'integrating', 'integrating'), stage('a', 'gone', 'cooperating', null)]);
    expect(m.cell('b', 'a')).toEqual(m.cell('a', 'b'));
    expect(m.cell('a', 'b').stepsToGo).toBe(2);
    expect(m.cell('a', 'c')).toMatchObject({ current: null, stepsToGo: null });
    expect(m.summary).toEqual({ pairs: 3, set: 2, reached: 1, movingCloser: 1 });
    expect(stagesOfPartner(m, 'b').map((r) => [r.partner.id, r.cell.current])).toEqual([
      ['a', 'networking'],
      ['c', 'integrating'],
    ]);
  });

  it('the schema refuses a partner paired with itself', () => {
    expect(partnerStageSchema.safeParse({ id: 'a:a', partnerA: 'a', partnerB: 'a' }).success).toBe(false);
  });
});

describe('reviewsDue', () => {
  const items = [item('r1', 3, { reviewItem: true }), item('r2', 5, { reviewItem: true }), item('n', 1)];
  it('lists review items last rated longer ago than the interval, oldest first', () => {
    const due = reviewsDue({
      items,
      responses: [rate('r1', 'a', 'fully', NOW - 10 * DAY), rate('r2', 'a', 'fully', NOW - 200 * DAY), rate('n', 'a', 'fully', 0)],
      reviewPoints: [],
      intervalDays: 90,
      boardCreatedAt: NOW - 400 * DAY,
      now: NOW,
    });
    expect(due.map((d) => [d.itemId, d.ageDays])).toEqual([['r2', 200]]);
  });
  it('a recent review point counts as a review; a young board is not nagged about items never rated', () => {
    const common = { items, responses: [], intervalDays: 30, now: NOW };
    expect(reviewsDue({ ...common, reviewPoints: [NOW - 5 * DAY], boardCreatedAt: NOW - 400 * DAY })).toEqual([]);
    expect(reviewsDue({ ...common, reviewPoints: [], boardCreatedAt: NOW - 5 * DAY })).toEqual([]);
    expect(reviewsDue({ ...common, reviewPoints: [], boardCreatedAt: NOW - 40 * DAY }).map((d) => d.itemId)).toEqual(['r1', 'r2']);
  });
});

describe('the seeded checklist', () => {
  it('has unique ids, items under all six principles, and each evidence rule once', () => {
    expect(new Set(COMPASS_CHECKLIST.map((s) => s.id)).size).toBe(COMPASS_CHECKLIST.length);
    expect(new Set(COMPASS_CHECKLIST.map((s) => s.principle))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    const rules = COMPASS_CHECKLIST.flatMap((s) => (s.evidenceRule ? [s.evidenceRule] : []));
    expect(new Set(rules).size).toBe(rules.length);
    expect(rules.length).toBe(6);
  });
});
