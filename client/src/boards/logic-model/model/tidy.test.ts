import { link, links, node } from '@pc/shared/testing';
import type { LogicColumn } from '@pc/shared';
import { describe, expect, it } from 'vitest';
import { countCrossings, tidyColumns } from './tidy';

describe('countCrossings', () => {
  it('counts inversions between neighbouring columns', () => {
    expect(countCrossings([['a0', 'a1'], ['b0', 'b1']], links('a0>b1 a1>b0'))).toBe(1);
    expect(countCrossings([['a0', 'a1'], ['b0', 'b1']], links('a0>b0 a1>b1'))).toBe(0);
    // Complete bipartite 2x2: only a0-b1 and a1-b0 cross.
    expect(countCrossings([['a0', 'a1'], ['b0', 'b1']], links('a0>b0 a0>b1 a1>b0 a1>b1'))).toBe(1);
    // 3x3 reversal: every pair crosses.
    expect(countCrossings([['a0', 'a1', 'a2'], ['b0', 'b1', 'b2']], links('a0>b2 a1>b1 a2>b0'))).toBe(3);
  });

  it('does not count links that share a card', () => {
    expect(countCrossings([['a0'], ['b0', 'b1', 'b2']], links('a0>b0 a0>b1 a0>b2'))).toBe(0);
  });

  it('ignores direction, duplicates, same-column links and cards outside the layers', () => {
    const layers = [['a0', 'a1'], ['b0', 'b1']];
    expect(countCrossings(layers, links('b1>a0 a1>b0'))).toBe(1);
    expect(countCrossings(layers, [...links('a0>b1 a1>b0'), link('a0', 'b1', 'dup')])).toBe(1);
    expect(countCrossings(layers, links('a0>a1 b0>b1 a0>b1 a1>zz zz>a0 a0>a0'))).toBe(0);
  });

  it('counts crossings along links that skip columns', () => {
    const layers = [['x0', 'x1'], ['m0', 'm1'], ['y0', 'y1']];
    expect(countCrossings(layers, links('x0>y1 x1>y0'))).toBe(1); // two long links crossing
    expect(countCrossings(layers, links('x0>y1 m1>y0'))).toBe(1); // long link crossing a short one
    expect(countCrossings(layers, links('x1>y1 x0>m1'))).toBe(0); // they only meet at m1's slot
    expect(countCrossings(layers, links('x0>y0 m0>y1'))).toBe(0); // they only touch at m0's slot
  });

  it('is zero for empty input', () => {
    expect(countCrossings([], [])).toBe(0);
    expect(countCrossings([['a'], ['b']], [])).toBe(0);
  });
});

const COLUMNS: LogicColumn[] = ['inputs', 'activities', 'outputs', 'shortTermOutcomes'];

describe('tidyColumns', () => {
  it('uncrosses a simple twist by reordering one column', () => {
    const nodes = [node('i0', 'inputs', { order: 'a0' }), node('i1', 'inputs', { order: 'a1' }), node('a0', 'activities', { order: 'a0' }), node('a1', 'activities', { order: 'a1' })];
    const result = tidyColumns({ columns: COLUMNS, nodes, links: links('i0>a1 i1>a0') });
    expect(result.crossingsBefore).toBe(1);
    expect(result.crossingsAfter).toBe(0);
    expect(result.orders.get('activities')).toEqual(['a1', 'a0']);
    expect(result.orders.get('inputs')).toEqual(['i0', 'i1']);
    expect(result.changedColumns).toEqual(['activities']);
  });

  it('leaves an already tidy board alone', () => {
    const nodes = ['i0', 'i1'].map((id, k) => node(id, 'inputs', { order: `a${k}` }));
    nodes.push(...['a0', 'a1'].map((id, k) => node(id, 'activities', { order: `a${k}` })));
    const result = tidyColumns({ columns: COLUMNS, nodes, links: links('i0>a0 i1>a1') });
    expect(result.changedColumns).toEqual([]);
    expect(result.crossingsAfter).toBe(0);
    expect(result.orders.get('outputs')).toEqual([]);
  });

  it('starts from the order keys and ignores lane cards and same-column links', () => {
    const nodes = [
      node('o2', 'outputs', { order: 'a2' }),
      node('o1', 'outputs', { order: 'a1' }),
      node('as', 'assumptions'),
    ];
    const result = tidyColumns({ columns: COLUMNS, nodes, links: links('o1>o2 as>o1') });
    expect(result.orders.get('outputs')).toEqual(['o1', 'o2']);
    expect([...result.orders.keys()]).toEqual(COLUMNS);
    expect(result.changedColumns).toEqual([]);
  });

  it('copes with cycles, self-links, dangling links and disconnected parts', () => {
    const nodes = [
      ...['i0', 'i1', 'i2'].map((id, k) => node(id, 'inputs', { order: `a${k}` })),
      ...['a0', 'a1', 'a2'].map((id, k) => node(id, 'activities', { order: `a${k}` })),
      ...['o0', 'o1'].map((id, k) => node(id, 'outputs', { order: `a${k}` })),
      node('lonely', 'shortTermOutcomes'),
    ];
    const result = tidyColumns({ columns: COLUMNS, nodes, links: links('i0>a2 i2>a0 a0>o1 o1>a0 a2>o0 a1>a1 a1>ghost ghost>o0') });
    expect(result.crossingsAfter).toBeLessThan(result.crossingsBefore);
    expect(result.crossingsAfter).toBe(0);
    expect([...(result.orders.get('activities') ?? [])].sort()).toEqual(['a0', 'a1', 'a2']);
    expect(result.orders.get('shortTermOutcomes')).toEqual(['lonely']);
  });

  it('never makes things worse, keeps every card, and is deterministic (random boards)', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 20; round += 1) {
      const nodes = Array.from({ length: 24 }, (_, i) => node(`n${i}`, COLUMNS[random(4)]!, { order: `a${random(9)}` }));
      const linkList = Array.from({ length: 30 }, (_, i) => link(`n${random(24)}`, `n${random(24)}`, `l${i}`));
      const first = tidyColumns({ columns: COLUMNS, nodes, links: linkList });
      const again = tidyColumns({ columns: COLUMNS, nodes: [...nodes].reverse(), links: linkList });
      expect(first.crossingsAfter).toBeLessThanOrEqual(first.crossingsBefore);
      expect([...again.orders]).toEqual([...first.orders]);
      const layers = COLUMNS.map((c) => [...(first.orders.get(c) ?? [])]);
      expect(countCrossings(layers, linkList)).toBe(first.crossingsAfter);
      expect(layers.flat().sort()).toEqual(nodes.map((n) => n.id).sort());
    }
  });

  it('tidies 500 cards and 1,500 links in reasonable time', () => {
    let seed = 3;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    // Links mostly go one column to the right, as in a real model.
    const nodes = Array.from({ length: 500 }, (_, i) => node(`n${i}`, COLUMNS[i % 4]!, { order: `a${random(1000)}` }));
    const linkList = Array.from({ length: 1500 }, (_, i) => {
      const from = random(500);
      const to = Math.min(499, from + 1 + 4 * random(3));
      return link(`n${from}`, `n${to}`, `l${i}`);
    });
    const result = tidyColumns({ columns: COLUMNS, nodes, links: linkList });
    expect(result.crossingsAfter).toBeLessThan(result.crossingsBefore * 0.8);
  });
});
