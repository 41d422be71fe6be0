import { describe, expect, it } from 'vitest';
import { arrowHead, exitPoint, routeConnector, routeToPoint } from './connector';

const box = (x: number, y: number, width = 100, height = 50) => ({ x, y, width, height });

describe('connector ends', () => {
  it('leave each rectangle where the line between centres crosses its edge', () => {
    const route = routeConnector(box(0, 0), box(300, 0), 0)!;
    expect(route.from).toEqual({ x: 100, y: 25 });
    expect(route.to).toEqual({ x: 300, y: 25 });
    expect(route.mid).toEqual({ x: 200, y: 25 });
  });

  it('keep a gap from the edges along the line', () => {
    const route = routeConnector(box(0, 0), box(0, 200), 10)!;
    expect(route.from).toEqual({ x: 50, y: 60 });
    expect(route.to).toEqual({ x: 50, y: 190 });
  });

  it('meet the top or bottom edge on a steep diagonal, the side on a shallow one', () => {
    // Centre (50,25); toward (150,425): dy dominates, leaves through the bottom edge.
    expect(exitPoint(box(0, 0), { x: 150, y: 425 })).toEqual({ x: 56.25, y: 50 });
    expect(exitPoint(box(0, 0), { x: 450, y: 125 })).toEqual({ x: 100, y: 37.5 });
  });

  it('follow an end that moved', () => {
    const before = routeConnector(box(0, 0), box(300, 0), 0)!;
    const after = routeConnector(box(0, 0), box(300, 300), 0)!;
    expect(after.to).not.toEqual(before.to);
    expect(after.to.y).toBeLessThan(300 + 25);
  });

  it('are absent when an end is missing or the two overlap', () => {
    expect(routeConnector(null, box(0, 0))).toBeNull();
    expect(routeConnector(box(0, 0), null)).toBeNull();
    expect(routeConnector(box(0, 0), box(50, 10))).toBeNull();
  });

  it('run to the pointer while one is being drawn', () => {
    expect(routeToPoint(box(0, 0), { x: 50, y: 300 }, 0).from).toEqual({ x: 50, y: 50 });
  });

  it('get an arrow head pointing along the line', () => {
    const [tip, left, right] = arrowHead({ x: 0, y: 0 }, { x: 100, y: 0 }, 10, 5);
    expect(tip).toEqual({ x: 100, y: 0 });
    expect(left).toEqual({ x: 90, y: 5 });
    expect(right).toEqual({ x: 90, y: -5 });
  });
});
