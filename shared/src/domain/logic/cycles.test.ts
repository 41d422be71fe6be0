import { describe, expect, it } from 'vitest';
import { findCycles, stronglyConnectedComponents } from './cycles';
import { buildLogicGraph } from './graph';
import { link, links, node } from '../fixtures.testutil';

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function succ(spec: Record<string, string[]>) {
  return (id: string): string[] => spec[id] ?? [];
}

describe('stronglyConnectedComponents', () => {
  it('finds components, each node in exactly one', () => {
    const spec = { a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'], f: [] };
    const comps = stronglyConnectedComponents(['a', 'b', 'c', 'd', 'e', 'f'], succ(spec)).map((c) => c.sort());
    expect(comps.sort()).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f']]);
  });

  it('emits components in reverse topological order', () => {
    const comps = stronglyConnectedComponents(['a', 'b', 'c'], succ({ a: ['b'], b: ['c'] }));
    expect(comps).toEqual([['c'], ['b'], ['a']]);
  });

  it('ignores successors that are not in the node list', () => {
    expect(stronglyConnectedComponents(['a'], succ({ a: ['zz'] }))).toEqual([['a']]);
  });

  it('handles 20,000 nodes in one loop without recursion', () => {
    const n = 20_000;
    const ids = Array.from({ length: n }, (_, i) => `n${i}`);
    const comps = stronglyConnectedComponents(ids, (id) => [`n${(Number(id.slice(1)) + 1) % n}`]);
    expect(comps).toHaveLength(1);
    expect(comps[0]).toHaveLength(n);
  });
});

describe('findCycles', () => {
  it('reports nothing for an acyclic graph', () => {
    const g = buildLogicGraph([node('a', 'activities'), node('b', 'outputs')], links('a>b'));
    expect(findCycles(g, byId)).toEqual([]);
  });

  it('reports a self-link as a loop of one', () => {
    const g = buildLogicGraph([node('a', 'outputs')], links('a>a'));
    expect(findCycles(g, byId)).toEqual([{ path: ['a'], nodeIds: ['a'], linkIds: ['a>a'] }]);
  });

  it('reports a simple loop once, in arrow order from the earliest card', () => {
    const g = buildLogicGraph([node('c', 'outputs'), node('a', 'outputs'), node('b', 'outputs')], links('b>c c>a a>b'));
    const [cycle, ...rest] = findCycles(g, byId);
    expect(rest).toEqual([]);
    expect(cycle?.path).toEqual(['a', 'b', 'c']);
    expect(cycle?.linkIds).toEqual(['a>b', 'b>c', 'c>a']);
  });

  it('reports a knot with several loops once, shortest loop first, all members listed', () => {
    // a>b>a and a>c>d>a share a; one component of four cards.
    const g = buildLogicGraph(
      ['a', 'b', 'c', 'd', 'e'].map((id) => node(id, 'shortTermOutcomes')),
      links('a>c c>d d>a a>b b>a d>e a>a'),
    );
    const cycles = findCycles(g, byId);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.path).toEqual(['a', 'b']);
    expect(cycles[0]?.nodeIds).toEqual(['a', 'b', 'c', 'd']);
    expect(cycles[0]?.linkIds).toEqual(['a>a', 'a>b', 'a>c', 'b>a', 'c>d', 'd>a']);
  });

  it('reports separate loops separately, in board order', () => {
    const g = buildLogicGraph(
      ['p', 'q', 'r', 's', 't'].map((id) => node(id, 'outputs')),
      links('s>t t>s p>q q>p q>r r>r'),
    );
    expect(findCycles(g, byId).map((c) => c.path)).toEqual([['p', 'q'], ['r'], ['s', 't']]);
  });

  it('ignores dangling links', () => {
    const g = buildLogicGraph([node('a', 'outputs')], [link('a', 'ghost'), link('ghost', 'a')]);
    expect(findCycles(g, byId)).toEqual([]);
  });
});
