import type { LogicColumn, LogicLink, LogicNode } from '../../schema';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES, runChecks, type CheckRuleId, type LogicModelData } from './checks';
import { cell, link, links, node, partner, row } from '../fixtures.testutil';

function model(nodes: LogicNode[], linkList: LogicLink[] = [], extra: Partial<LogicModelData> = {}): LogicModelData {
  return { nodes, links: linkList, partners: [partner('p1', 'Youth Trust')], matrixRows: [], matrixCells: [], ...extra };
}

const activity = (id: string, extra: Partial<LogicNode> = {}): LogicNode =>
  node(id, 'activities', { leadPartnerId: 'p1', ...extra });
const measured = (id: string, column: LogicColumn, extra: Partial<LogicNode> = {}): LogicNode =>
  node(id, column, { indicators: ['count'], ...extra });

function rule(data: LogicModelData, id: CheckRuleId) {
  return runChecks(data).results.filter((r) => r.rule === id);
}

/** A complete, clean chain: nothing should be reported. */
function healthy(): LogicModelData {
  return model(
    [
      node('in', 'inputs'),
      activity('act'),
      measured('out', 'outputs'),
      measured('st', 'shortTermOutcomes'),
      node('imp', 'impact'),
      node('as', 'assumptions'),
    ],
    links('in>act act>out out>st st>imp as>act'),
    { template: 'kellogg' },
  );
}

describe('runChecks', () => {
  it('finds nothing wrong with a complete chain', () => {
    const report = runChecks(healthy());
    expect(report.results).toEqual([]);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('reports nothing for an empty board', () => {
    expect(runChecks(model([], [], { template: 'ess' })).results).toEqual([]);
  });

  it('reports a matrix row listed twice on one activity once', () => {
    const data = model([activity('a', { matrixRowIds: ['r', 'r'] })], [], { matrixRows: [row('r')] });
    expect(rule(data, 'activityNeedsUngivenSkill')).toHaveLength(1);
  });

  it('has one rule definition per rule id', () => {
    expect(new Set(CHECK_RULES.map((r) => r.id)).size).toBe(CHECK_RULES.length);
  });

  it('outcomeWithoutActivityPath: flags outcomes and impact no activity reaches', () => {
    const data = model(
      [activity('act'), measured('st', 'shortTermOutcomes', { text: 'Less isolation' }), node('imp', 'impact')],
      links('st>imp'),
    );
    const found = rule(data, 'outcomeWithoutActivityPath');
    expect(found.map((r) => r.nodeIds)).toEqual([['st'], ['imp']]);
    expect(found[0]?.message).toBe(
      'Short-term outcome "Less isolation" has no path from any activity. Link it back to the work that brings it about.',
    );
    expect(found[0]?.severity).toBe('warning');
  });

  it('outcomeWithoutActivityPath: a path through an assumption does not count', () => {
    const data = model([activity('act'), node('as', 'assumptions'), measured('st', 'shortTermOutcomes')], links('act>as as>st'));
    expect(rule(data, 'outcomeWithoutActivityPath').map((r) => r.nodeIds)).toEqual([['st']]);
  });

  it('activityLeadsNowhere: flags activities with no path to an output or outcome', () => {
    const data = model(
      [activity('a1', { text: 'Drop-in' }), activity('a2'), activity('a3'), node('in', 'inputs'), measured('o', 'outputs')],
      links('a2>a3 a3>o a1>in'),
    );
    const found = rule(data, 'activityLeadsNowhere');
    expect(found.map((r) => r.nodeIds)).toEqual([['a1']]);
    expect(found[0]?.message).toContain('Activity "Drop-in" does not lead to any output or outcome');
  });

  it('missingIndicator: outputs and outcomes need a non-blank indicator; impact does not', () => {
    const data = model([
      measured('o1', 'outputs', { indicators: [] }),
      measured('o2', 'outputs', { indicators: ['   ', ''] }),
      measured('o3', 'outputs', { indicators: ['', 'sessions run'] }),
      measured('m', 'mediumTermOutcomes', { indicators: [] }),
      node('imp', 'impact'),
      activity('act'),
    ]);
    const found = rule(data, 'missingIndicator');
    expect(found.map((r) => r.nodeIds[0])).toEqual(['o1', 'o2', 'm']);
    expect(found[0]?.severity).toBe('info');
  });

  it('activityWithoutLead: no lead, or a lead who has left', () => {
    const data = model([activity('a', { leadPartnerId: null, text: 'Training' }), activity('b', { leadPartnerId: 'gone' }), activity('c')]);
    const found = rule(data, 'activityWithoutLead');
    expect(found.map((r) => r.nodeIds[0])).toEqual(['a', 'b']);
    expect(found[0]?.message).toBe('Activity "Training" has no lead partner. Agree who is responsible for it.');
    expect(found[1]?.message).toContain('no longer in the partnership');
  });

  it('activityNeedsUngivenSkill: gives flag of an existing partner; missing rows get their own message', () => {
    const data = model([activity('a', { text: 'Befriending', matrixRowIds: ['safeguarding', 'venue', 'data', 'deleted'] })], [], {
      partners: [partner('p1')],
      matrixRows: [row('safeguarding', { name: 'Safeguarding' }), row('venue', { name: 'Venue' }), row('data', { name: 'Data' })],
      matrixCells: [
        cell('safeguarding', 'p1', { gives: true }),
        cell('venue', 'p1', { gives: false }), // has it but does not give it
        cell('data', 'ex-partner', { gives: true }), // only a partner who left gives it
      ],
    });
    const found = rule(data, 'activityNeedsUngivenSkill');
    expect(found.map((r) => r.matrixRowIds)).toEqual([['venue'], ['data'], ['deleted']]);
    expect(found[0]?.message).toBe(
      'Activity "Befriending" needs "Venue", which no partner gives. Find it in the skills matrix or bring in a partner who can.',
    );
    expect(found[2]?.message).toContain('no longer in the skills matrix');
    expect(new Set(found.map((r) => r.key)).size).toBe(3);
  });

  it('unlinkedAssumption: lane cards linked to nothing (a self-link does not count)', () => {
    const data = model(
      [activity('act'), node('as1', 'assumptions'), node('as2', 'assumptions'), node('ef', 'externalFactors'), node('ef2', 'externalFactors')],
      links('as2>act act>ef2 ef>ef'),
    );
    const found = rule(data, 'unlinkedAssumption');
    expect(found.map((r) => r.nodeIds[0])).toEqual(['as1', 'ef']);
    expect(found[1]?.message).toContain('External factor "ef" is not linked to any card. Link it to the cards it affects.');
  });

  it('cycle: each loop once, in order, as an error; self-links count', () => {
    const data = model(
      [measured('a', 'shortTermOutcomes'), measured('b', 'shortTermOutcomes'), measured('c', 'mediumTermOutcomes'), measured('d', 'outputs')],
      links('a>b b>c c>a d>d'),
    );
    const found = rule(data, 'cycle');
    expect(found.map((r) => r.path)).toEqual([['d'], ['a', 'b', 'c']]);
    expect(found.every((r) => r.severity === 'error')).toBe(true);
    expect(found[0]?.message).toBe('Output "d" is linked to itself. Remove the link.');
    expect(found[1]?.message).toContain('loop: short-term outcome "a" → short-term outcome "b" → medium-term outcome "c" → back');
    expect(found[1]?.linkIds).toEqual(['a>b', 'b>c', 'c>a']);
  });

  it('cycle: loops through an assumption are annotations, not loops', () => {
    const data = model([measured('o', 'shortTermOutcomes'), node('as', 'assumptions')], links('o>as as>o'));
    expect(rule(data, 'cycle')).toEqual([]);
  });

  it('backwardLink and sameColumnLink: flag links against the flow', () => {
    const data = model(
      [activity('a1'), activity('a2'), measured('o', 'outputs'), measured('s1', 'shortTermOutcomes'), measured('s2', 'shortTermOutcomes')],
      links('o>a1 a1>a2 a2>o s1>s2 a1>s1'),
      { template: 'ess' },
    );
    const backward = rule(data, 'backwardLink');
    expect(backward.map((r) => r.linkIds)).toEqual([['o>a1']]);
    expect(backward[0]?.nodeIds).toEqual(['o', 'a1']);
    expect(backward[0]?.message).toContain('runs backwards, from Outputs to Activities');
    expect(rule(data, 'sameColumnLink').map((r) => r.linkIds)).toEqual([['a1>a2']]);
    // The backward link also closes the loop o > a1 > a2 > o.
    expect(rule(data, 'cycle').map((r) => r.path)).toEqual([['a1', 'a2', 'o']]);
  });

  it('columnNotInTemplate: cards a merge left in a hidden column', () => {
    const data = { ...healthy(), nodes: [...healthy().nodes, node('sit', 'situation', { text: 'Rural isolation' })] };
    const found = rule(data, 'columnNotInTemplate');
    expect(found.map((r) => r.nodeIds)).toEqual([['sit']]);
    // The column is drawn (nothing is hidden), so the message must not say it is not shown.
    expect(found[0]?.message).toContain('a column the');
    expect(found[0]?.message).toContain('it is shown so nothing is hidden');
    expect(rule({ ...data, template: null }, 'columnNotInTemplate')).toEqual([]);
  });

  it('danglingLink: links to deleted cards are reported, not followed', () => {
    const data = { ...healthy(), links: [...healthy().links, link('act', 'deleted', 'L9'), link('x', 'y', 'L8')] };
    const found = rule(data, 'danglingLink');
    expect(found.map((r) => [r.nodeIds, r.linkIds])).toEqual([
      [['act'], ['L9']],
      [[], ['L8']],
    ]);
  });

  it('ignores duplicate links rather than reporting them twice', () => {
    const data = model([activity('a'), measured('o', 'outputs')], [link('o', 'a', 'L1'), link('o', 'a', 'L2')]);
    expect(rule(data, 'backwardLink').map((r) => r.linkIds)).toEqual([['L1']]);
  });

  it('sorts by severity, then column order, then card order; indexes results per card and link', () => {
    const data = model(
      [
        measured('s', 'shortTermOutcomes', { indicators: [] }),
        activity('b', { leadPartnerId: null, order: 'a2' }),
        activity('a', { leadPartnerId: null, order: 'a1' }),
        measured('x', 'outputs'),
      ],
      links('a>s b>s x>x'),
    );
    const report = runChecks(data);
    expect(report.results.map((r) => `${r.severity}:${r.rule}:${r.nodeIds[0]}`)).toEqual([
      'error:cycle:x',
      'warning:activityWithoutLead:a',
      'warning:activityWithoutLead:b',
      'info:missingIndicator:s',
    ]);
    expect(report.byNode.get('a')?.map((r) => r.rule)).toEqual(['activityWithoutLead']);
    expect(report.byLink.get('x>x')?.map((r) => r.rule)).toEqual(['cycle']);
    expect(report.worstByNode.get('x')).toBe('error');
    expect(report.worstByNode.get('s')).toBe('info');
    expect(report.counts).toEqual({ error: 1, warning: 2, info: 1 });
  });

  it('gives the same keys and order on every run', () => {
    const a = runChecks(model([activity('a', { leadPartnerId: null })], []));
    const b = runChecks(model([activity('a', { leadPartnerId: null })], []));
    expect(a.results.map((r) => r.key)).toEqual(b.results.map((r) => r.key));
    expect(a.results[0]?.key).toBe('activityLeadsNowhere:a');
  });

  it('checks 500 cards and 1,500 links quickly', () => {
    const columns: LogicColumn[] = ['inputs', 'activities', 'outputs', 'shortTermOutcomes', 'mediumTermOutcomes'];
    const nodes = Array.from({ length: 500 }, (_, i) => node(`n${i}`, columns[i % columns.length]!, { indicators: i % 3 ? ['x'] : [] }));
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const linkList = Array.from({ length: 1500 }, (_, i) => link(`n${random(500)}`, `n${random(500)}`, `l${i}`));
    const report = runChecks(model(nodes, linkList));
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results.some((r) => r.rule === 'cycle')).toBe(true);
  });
});
