import type { LogicNode } from '../../schema';
import { describe, expect, it } from 'vitest';
import { buildActionPlan, filterByPartner, isOverdue, sortActionPlan, type ActionPlanRow } from './actionPlan';
import { links, node, partner } from '../fixtures.testutil';

const TODAY = '2026-03-15';
const partners = [partner('p1', 'Youth Trust'), partner('p2', 'council'), partner('p3', 'Age Scotland')];

function activity(id: string, extra: Partial<LogicNode> = {}): LogicNode {
  return node(id, 'activities', extra);
}

function plan(): ActionPlanRow[] {
  const nodes = [
    activity('a1', { text: 'Peer groups', order: 'a1', leadPartnerId: 'p1', supportingPartnerIds: ['p2'], dueDate: '2026-03-01', status: 'in_progress' }),
    activity('a2', { text: 'Training', order: 'a0', leadPartnerId: 'p2', dueDate: '2026-04-01' }),
    activity('a3', { text: 'Survey', order: 'a2', leadPartnerId: null, supportingPartnerIds: ['p3', 'ghost', 'p3'], dueDate: '2026-01-10', status: 'done' }),
    activity('a4', { text: 'Drop-in 10', order: 'a3', leadPartnerId: 'gone', status: 'stuck' }),
    node('o1', 'outputs'),
    node('s1', 'shortTermOutcomes', { text: 'More confident', order: 'a1' }),
    node('s0', 'shortTermOutcomes', { text: 'Less isolated', order: 'a0' }),
    node('m1', 'mediumTermOutcomes', { text: 'Join groups' }),
    node('as', 'assumptions'),
    node('s9', 'shortTermOutcomes', { text: 'Via assumption only' }),
  ];
  return buildActionPlan({ nodes, links: links('a1>o1 o1>s1 o1>s0 s1>m1 a2>s1 a3>as as>s9 a4>a4'), partners }, TODAY);
}

const ids = (rows: readonly ActionPlanRow[]): string[] => rows.map((r) => r.nodeId);

describe('buildActionPlan', () => {
  it('lists activities only, in card order', () => {
    expect(ids(plan())).toEqual(['a2', 'a1', 'a3', 'a4']);
  });

  it('resolves lead and supporting partners, dropping duplicates and partners who left', () => {
    const [a2, a1, a3, a4] = plan();
    expect(a1?.leadPartnerName).toBe('Youth Trust');
    expect(a1?.supportingPartnerNames).toEqual(['council']);
    expect(a2?.supportingPartnerIds).toEqual([]);
    expect(a3?.leadPartnerName).toBe('');
    expect(a3?.leadPartnerMissing).toBe(false);
    expect(a3?.supportingPartnerIds).toEqual(['p3']);
    expect(a4?.leadPartnerMissing).toBe(true);
  });

  it('does not list the lead again as a supporter', () => {
    const rows = buildActionPlan(
      { nodes: [activity('a', { leadPartnerId: 'p1', supportingPartnerIds: ['p1', 'p2'] })], links: [], partners },
      TODAY,
    );
    expect(rows[0]?.supportingPartnerIds).toEqual(['p2']);
  });

  it('links the downstream outcomes in board order, not through assumptions', () => {
    const [a2, a1, a3, a4] = plan();
    expect(a1?.linkedOutcomeIds).toEqual(['s0', 's1', 'm1']);
    expect(a1?.linkedOutcomeTexts).toEqual(['Less isolated', 'More confident', 'Join groups']);
    expect(a2?.linkedOutcomeIds).toEqual(['s1', 'm1']);
    expect(a3?.linkedOutcomeIds).toEqual([]);
    expect(a4?.linkedOutcomeIds).toEqual([]);
  });

  it('marks overdue rows: due before today and not done', () => {
    expect(plan().map((r) => r.overdue)).toEqual([false, true, false, false]);
  });

  it('marks nothing overdue without a calendar (the export)', () => {
    const nodes = [activity('late', { dueDate: '2000-01-01' })];
    expect(buildActionPlan({ nodes, links: [], partners }, null).map((r) => r.overdue)).toEqual([false]);
  });

  it('rejects a malformed today', () => {
    expect(() => buildActionPlan({ nodes: [], links: [], partners }, '15/03/2026')).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  it('is strict on the day and ignores blank dates and done work', () => {
    expect(isOverdue('2026-03-14', 'planned', TODAY)).toBe(true);
    expect(isOverdue('2026-03-15', 'planned', TODAY)).toBe(false);
    expect(isOverdue('', 'stuck', TODAY)).toBe(false);
    expect(isOverdue('2020-01-01', 'done', TODAY)).toBe(false);
  });
});

describe('filterByPartner', () => {
  it('keeps rows the partner leads or supports', () => {
    expect(ids(filterByPartner(plan(), 'p2'))).toEqual(['a2', 'a1']);
    expect(ids(filterByPartner(plan(), 'p3'))).toEqual(['a3']);
    expect(filterByPartner(plan(), 'nobody')).toEqual([]);
  });
});

describe('sortActionPlan', () => {
  it('sorts text case-insensitively with numbers in number order', () => {
    const rows = buildActionPlan(
      { nodes: ['item 10', 'Item 9', 'apple'].map((text, i) => activity(`x${i}`, { text })), links: [], partners },
      TODAY,
    );
    expect(sortActionPlan(rows, 'activity').map((r) => r.activity)).toEqual(['apple', 'Item 9', 'item 10']);
  });

  it('sorts by lead with blanks last in both directions', () => {
    expect(ids(sortActionPlan(plan(), 'lead'))).toEqual(['a2', 'a1', 'a3', 'a4']);
    expect(ids(sortActionPlan(plan(), 'lead', 'desc'))).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('sorts by due date with undated rows last', () => {
    expect(ids(sortActionPlan(plan(), 'dueDate'))).toEqual(['a3', 'a1', 'a2', 'a4']);
    expect(ids(sortActionPlan(plan(), 'dueDate', 'desc'))).toEqual(['a2', 'a1', 'a3', 'a4']);
  });

  it('sorts by status in workflow order, overdue first, and by number of outcomes', () => {
    expect(sortActionPlan(plan(), 'status').map((r) => r.status)).toEqual(['stuck', 'in_progress', 'planned', 'done']);
    expect(ids(sortActionPlan(plan(), 'overdue'))).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(ids(sortActionPlan(plan(), 'linkedOutcomes', 'desc'))).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('sorts by supporting partners and back to card order', () => {
    expect(ids(sortActionPlan(plan(), 'supporting'))).toEqual(['a3', 'a1', 'a2', 'a4']);
    expect(ids(sortActionPlan(sortActionPlan(plan(), 'lead'), 'order'))).toEqual(['a2', 'a1', 'a3', 'a4']);
  });

  it('is stable: ties keep their incoming order, also when descending', () => {
    const rows = plan();
    // a3 and a4 both have no outcomes; a1 and a2 tie on nothing.
    expect(ids(sortActionPlan(rows, 'linkedOutcomes'))).toEqual(['a3', 'a4', 'a2', 'a1']);
    const reversed = [...rows].reverse();
    expect(ids(sortActionPlan(reversed, 'linkedOutcomes'))).toEqual(['a4', 'a3', 'a2', 'a1']);
    expect(ids(sortActionPlan(reversed, 'linkedOutcomes', 'desc'))).toEqual(['a1', 'a2', 'a4', 'a3']);
  });

  it('does not mutate its input', () => {
    const rows = plan();
    const before = ids(rows);
    sortActionPlan(rows, 'activity', 'desc');
    expect(ids(rows)).toEqual(before);
  });
});
