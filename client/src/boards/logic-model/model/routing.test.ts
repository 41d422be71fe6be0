import { links, node } from '@pc/shared/testing';
import { getTemplate } from '@pc/shared';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { layoutBoard, type CardBox } from './columnLayout';
import { MAX_ELK_CARDS, quickRoute, routeBounds, routeEnd, routeLinks, routeMidpoint, routePath, routeWithElk, simplify, warpPolyline, type RouteShape } from './routing';
import { type Point } from '../../../lib/geometry';

const ess = getTemplate('ess');
const elk = new ELK();

// Cards of different heights so ELK's positions and ours really differ.
const nodes = [
  node('in1', 'inputs', { order: 'a0' }),
  node('in2', 'inputs', { order: 'a1' }),
  node('ac1', 'activities', { order: 'a0' }),
  node('ac2', 'activities', { order: 'a1' }),
  node('ac3', 'activities', { order: 'a2' }),
  node('op1', 'outputs', { order: 'a0' }),
  node('op2', 'outputs', { order: 'a1' }),
  node('op3', 'outputs', { order: 'a2' }),
  node('st1', 'shortTermOutcomes', { order: 'a0' }),
  node('st2', 'shortTermOutcomes', { order: 'a1' }),
  node('lt1', 'longTermOutcomes', { order: 'a0' }),
  node('as1', 'assumptions', { order: 'a0' }),
];
const layout = layoutBoard(ess, nodes, { cardHeightOf: (n) => (n.id.endsWith('2') ? 120 : 80) });
const model = links('in1>ac1 in2>ac3 in1>ac2 ac1>op1 ac2>op2 ac3>op3 op1>st1 op2>st1 op3>st2 in2>lt1 st1>st2 lt1>ac3 as1>ac1 op1>lt1');

function inside(box: CardBox, p: Point, margin = 1): boolean {
  return p.x > box.x + margin && p.x < box.x + box.width - margin && p.y > box.y + margin && p.y < box.y + box.height - margin;
}

function onBorder(box: CardBox, p: Point): boolean {
  const withinY = p.y >= box.y - 0.5 && p.y <= box.y + box.height + 0.5;
  return withinY && (Math.abs(p.x - box.x) < 0.5 || Math.abs(p.x - (box.x + box.width)) < 0.5);
}

function sample(shape: RouteShape): Point[] {
  const out: Point[] = [];
  const pts = shape.points;
  for (let i = 1; i < pts.length; i += 1) {
    for (let t = 0; t <= 1; t += 0.02) out.push({ x: pts[i - 1]!.x + (pts[i]!.x - pts[i - 1]!.x) * t, y: pts[i - 1]!.y + (pts[i]!.y - pts[i - 1]!.y) * t });
  }
  return out;
}

describe('routeLinks with ELK', () => {
  it('routes links between columns from card side to card side, around every other card', async () => {
    const routes = await routeLinks(elk, layout, model);
    for (const l of model) {
      const route = routes.get(l.id);
      expect(route, l.id).toBeDefined();
      const from = layout.cards.get(l.from)!;
      const to = layout.cards.get(l.to)!;
      if (l.from === 'as1' || l.id === 'st1>st2') {
        expect(route!.routed).toBe(false);
        continue;
      }
      expect(route!.routed, l.id).toBe(true);
      const pts = route!.shape.points;
      expect(onBorder(from, pts[0]!), `${l.id} starts on its card`).toBe(true);
      expect(onBorder(to, pts[pts.length - 1]!), `${l.id} ends on its card`).toBe(true);
      for (const box of layout.cards.values()) {
        const hits = sample(route!.shape).filter((p) => inside(box, p, 2));
        expect(hits, `${l.id} cuts ${box.nodeId}`).toEqual([]);
      }
    }
  });

  it('returns only quick curves when no link runs between columns', async () => {
    const routes = await routeLinks(elk, layout, links('st1>st2 as1>ac1'));
    expect([...routes.values()].every((r) => !r.routed)).toBe(true);
    expect(routes.get('st1>st2')!.shape.kind).toBe('curve');
  });

  it('sends a backward link into the right side of its target', async () => {
    const routes = await routeLinks(elk, layout, links('lt1>ac3'));
    const pts = routes.get('lt1>ac3')!.shape.points;
    const ac3 = layout.cards.get('ac3')!;
    expect(pts[pts.length - 1]!.x).toBeCloseTo(ac3.x + ac3.width, 3);
  });
});

describe('quickRoute', () => {
  it('curves forward links from the right side to the left side', () => {
    const shape = quickRoute(layout, { id: 'x', from: 'ac1', to: 'op1' })!;
    const ac1 = layout.cards.get('ac1')!;
    const op1 = layout.cards.get('op1')!;
    expect(shape.points[0]).toEqual({ x: ac1.x + ac1.width, y: ac1.y + ac1.height / 2 });
    expect(shape.points[3]).toEqual({ x: op1.x, y: op1.y + op1.height / 2 });
  });

  it('bows same-column links out to the right', () => {
    const shape = quickRoute(layout, { id: 'x', from: 'st1', to: 'st2' })!;
    const st1 = layout.cards.get('st1')!;
    expect(shape.points[1].x).toBeGreaterThan(st1.x + st1.width);
  });

  it('brings lane links in through the gaps, clear of every card', () => {
    const shape = quickRoute(layout, { id: 'x', from: 'as1', to: 'ac3' })!;
    const as1 = layout.cards.get('as1')!;
    const ac3 = layout.cards.get('ac3')!;
    expect(shape.points[0]).toEqual({ x: as1.x + as1.width / 2, y: as1.y });
    expect(shape.points[shape.points.length - 1]).toEqual({ x: ac3.x, y: ac3.y + ac3.height / 2 });
    for (const box of layout.cards.values()) expect(sample(shape).filter((p) => inside(box, p, 2)), box.nodeId).toEqual([]);
    const reversed = quickRoute(layout, { id: 'y', from: 'ac3', to: 'as1' })!;
    expect(reversed.points[reversed.points.length - 1]).toEqual(shape.points[0]);
  });

  it('is null for a link to a card that is not laid out', () => {
    expect(quickRoute(layout, { id: 'x', from: 'st1', to: 'gone' })).toBeNull();
  });
});

describe('route geometry', () => {
  it('warps straight runs between breaks and simplifies collinear points', () => {
    const warp = { map: (p: Point) => ({ x: p.x * 2, y: p.y + (p.x > 10 ? 5 : 0) }), breaks: [10] };
    expect(warpPolyline([{ x: 0, y: 0 }, { x: 20, y: 0 }], warp)).toEqual([
      { x: 0, y: 0 },
      { x: 20, y: 0 },
      { x: 40, y: 5 },
    ]);
    expect(simplify([{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 2, y: 0 }, { x: 2, y: 0 }])).toEqual([{ x: 0, y: 0 }, { x: 2, y: 0 }]);
  });

  it('draws rounded corners, finds the arrow direction and the midpoint', () => {
    const shape: RouteShape = { kind: 'polyline', points: [{ x: 0, y: 0 }, { x: 40, y: 0 }, { x: 40, y: 40 }] };
    expect(routePath(shape)).toBe('M0,0 L30,0 Q40,0 40,10 L40,40');
    expect(routeEnd(shape).angle).toBeCloseTo(Math.PI / 2);
    expect(routeMidpoint(shape)).toEqual({ x: 40, y: 0 });
  });
});

describe('routing limits and bounds', () => {
  it('routes with ELK only boards with links and at most MAX_ELK_CARDS cards', () => {
    expect(routeWithElk(10, 0)).toBe(false);
    expect(routeWithElk(10, 3)).toBe(true);
    expect(routeWithElk(MAX_ELK_CARDS, 3)).toBe(true);
    expect(routeWithElk(MAX_ELK_CARDS + 1, 3)).toBe(false);
  });

  it('bounds a route by its points plus a pad', () => {
    expect(routeBounds({ kind: 'polyline', points: [{ x: 0, y: 10 }, { x: 50, y: 10 }, { x: 50, y: -20 }] }, 5)).toEqual({ x: -5, y: -25, width: 60, height: 40 });
    expect(routeBounds({ kind: 'curve', points: [{ x: 0, y: 0 }, { x: 30, y: 0 }, { x: 30, y: 40 }, { x: 60, y: 40 }] }, 0)).toEqual({ x: 0, y: 0, width: 60, height: 40 });
  });
});
