import { describe, expect, it } from 'vitest';
import {
  buildLogicGraph,
  causalSubgraph,
  classifyLink,
  classifyLinkColumns,
  downstream,
  pathwayHighlight,
  reachFrom,
  upstream,
} from './graph';
import { link, links, node } from '../fixtures.testutil';

const sorted = (s: Iterable<string>): string[] => [...s].sort();

/** in1 -> act1 -> out1 -> st1 -> imp ; act2 -> st1 ; as1 -> st1 ; loose output out2 */
function sample() {
  const nodes = [
    node('in1', 'inputs'),
    node('act1', 'activities'),
    node('act2', 'activities'),
    node('out1', 'outputs'),
    node('out2', 'outputs'),
    node('st1', 'shortTermOutcomes'),
    node('imp', 'impact'),
    node('as1', 'assumptions'),
  ];
  return buildLogicGraph(nodes, links('in1>act1 act1>out1 out1>st1 st1>imp act2>st1 as1>st1'));
}

describe('buildLogicGraph', () => {
  it('indexes outgoing and incoming links', () => {
    const g = sample();
    expect(g.outgoing.get('act1')?.map((l) => l.to)).toEqual(['out1']);
    expect(sorted(g.incoming.get('st1')?.map((l) => l.from) ?? [])).toEqual(['act2', 'as1', 'out1']);
    expect(g.links.size).toBe(6);
    expect(g.ignored).toEqual([]);
  });

  it('sets aside links whose ends are missing', () => {
    const g = buildLogicGraph([node('a', 'activities')], [link('a', 'gone'), link('gone', 'a'), link('x', 'y')]);
    expect(g.links.size).toBe(0);
    expect(g.ignored.map((i) => i.reason)).toEqual(['missingEnd', 'missingEnd', 'missingEnd']);
    expect(g.outgoing.get('a')).toBeUndefined();
  });

  it('keeps one link per pair, the same one whatever the input order', () => {
    const nodes = [node('a', 'activities'), node('b', 'outputs')];
    const twins = [link('a', 'b', 'L2'), link('a', 'b', 'L1'), link('a', 'b', 'L1')];
    for (const order of [twins, [...twins].reverse()]) {
      const g = buildLogicGraph(nodes, order);
      expect([...g.links.keys()]).toEqual(['L1']);
      expect(g.ignored.map((i) => `${i.link.id}:${i.reason}`).sort()).toEqual(['L1:duplicate', 'L2:duplicate']);
    }
  });

  it('keeps opposite links as two links', () => {
    const g = buildLogicGraph([node('a', 'outputs'), node('b', 'outputs')], links('a>b b>a'));
    expect(g.links.size).toBe(2);
  });
});

describe('upstream and downstream', () => {
  it('follows paths across columns', () => {
    const g = sample();
    expect(sorted(upstream(g, 'imp'))).toEqual(['act1', 'act2', 'as1', 'in1', 'out1', 'st1']);
    expect(sorted(downstream(g, 'in1'))).toEqual(['act1', 'imp', 'out1', 'st1']);
    expect(downstream(g, 'out2').size).toBe(0);
    expect(upstream(g, 'nope').size).toBe(0);
  });

  it('terminates on cycles and self-links and never includes the card itself', () => {
    const g = buildLogicGraph(
      [node('a', 'outputs'), node('b', 'shortTermOutcomes'), node('c', 'shortTermOutcomes'), node('d', 'impact')],
      links('a>b b>c c>b c>c c>d'),
    );
    expect(sorted(downstream(g, 'a'))).toEqual(['b', 'c', 'd']);
    expect(sorted(downstream(g, 'b'))).toEqual(['c', 'd']);
    expect(sorted(upstream(g, 'c'))).toEqual(['a', 'b']);
  });

  it('handles a 10,000-card chain without recursion', () => {
    const n = 10_000;
    const nodes = Array.from({ length: n }, (_, i) => node(`n${i}`, 'shortTermOutcomes'));
    const chain = Array.from({ length: n - 1 }, (_, i) => link(`n${i}`, `n${i + 1}`));
    const g = buildLogicGraph(nodes, chain);
    expect(downstream(g, 'n0').size).toBe(n - 1);
    expect(upstream(g, `n${n - 1}`).size).toBe(n - 1);
  });

  it('reaches from many starts at once, including a start only if a path returns to it', () => {
    const g = sample();
    const r = reachFrom(g, ['act1', 'act2'], 'downstream');
    expect(sorted(r.nodeIds)).toEqual(['imp', 'out1', 'st1']);
    expect(sorted(r.linkIds)).toEqual(['act1>out1', 'act2>st1', 'out1>st1', 'st1>imp']);
  });
});

describe('causalSubgraph', () => {
  it('drops annotation links but keeps self-links', () => {
    const g = buildLogicGraph(
      [node('a', 'activities'), node('o', 'shortTermOutcomes'), node('x', 'assumptions')],
      links('a>x x>o o>x x>x a>o'),
    );
    const c = causalSubgraph(g);
    expect(sorted(c.links.keys())).toEqual(['a>o', 'x>x']);
    expect(sorted(downstream(c, 'a'))).toEqual(['o']);
    expect(c.outgoing.get('o')).toBeUndefined();
  });
});

describe('pathwayHighlight', () => {
  it('shows everything upstream of an outcome', () => {
    const h = pathwayHighlight(sample(), 'st1');
    expect(h.direction).toBe('upstream');
    expect(sorted(h.nodeIds)).toEqual(['act1', 'act2', 'as1', 'in1', 'out1', 'st1']);
    expect(sorted(h.linkIds)).toEqual(['act1>out1', 'act2>st1', 'as1>st1', 'in1>act1', 'out1>st1']);
  });

  it('shows everything downstream of an activity', () => {
    const h = pathwayHighlight(sample(), 'act1');
    expect(h.direction).toBe('downstream');
    expect(sorted(h.nodeIds)).toEqual(['act1', 'imp', 'out1', 'st1']);
    expect(sorted(h.linkIds)).toEqual(['act1>out1', 'out1>st1', 'st1>imp']);
  });

  it('shows both ways for other cards, and just the card when it is isolated', () => {
    const h = pathwayHighlight(sample(), 'out1');
    expect(h.direction).toBe('both');
    expect(sorted(h.nodeIds)).toEqual(['act1', 'imp', 'in1', 'out1', 'st1']);
    const alone = pathwayHighlight(sample(), 'out2');
    expect(sorted(alone.nodeIds)).toEqual(['out2']);
    expect(alone.linkIds.size).toBe(0);
  });

  it('treats impact as an outcome and ignores unknown ids', () => {
    expect(pathwayHighlight(sample(), 'imp').direction).toBe('upstream');
    expect(pathwayHighlight(sample(), 'ghost').nodeIds.size).toBe(0);
  });
});

describe('link direction', () => {
  it('classifies by column stage', () => {
    expect(classifyLinkColumns('activities', 'outputs')).toEqual({ direction: 'forward', flagged: false });
    expect(classifyLinkColumns('inputs', 'impact').direction).toBe('forward');
    expect(classifyLinkColumns('situation', 'inputs').direction).toBe('forward');
    expect(classifyLinkColumns('outputs', 'activities')).toEqual({ direction: 'backward', flagged: true });
    expect(classifyLinkColumns('longTermOutcomes', 'shortTermOutcomes').flagged).toBe(true);
  });

  it('allows same-column links within outcome columns only', () => {
    expect(classifyLinkColumns('mediumTermOutcomes', 'mediumTermOutcomes')).toEqual({ direction: 'within', flagged: false });
    expect(classifyLinkColumns('impact', 'impact').flagged).toBe(false);
    expect(classifyLinkColumns('activities', 'activities')).toEqual({ direction: 'within', flagged: true });
    expect(classifyLinkColumns('outputs', 'outputs').flagged).toBe(true);
  });

  it('treats lane links as annotations and self-links as flagged', () => {
    expect(classifyLinkColumns('assumptions', 'activities')).toEqual({ direction: 'annotation', flagged: false });
    expect(classifyLinkColumns('impact', 'externalFactors').direction).toBe('annotation');
    expect(classifyLinkColumns('outputs', 'outputs', true)).toEqual({ direction: 'self', flagged: true });
  });

  it('classifies graph links and returns null for dangling ones', () => {
    const g = sample();
    expect(classifyLink(g, link('out1', 'act1'))?.direction).toBe('backward');
    expect(classifyLink(g, link('st1', 'st1'))?.direction).toBe('self');
    expect(classifyLink(g, link('out1', 'gone'))).toBeNull();
  });
});
