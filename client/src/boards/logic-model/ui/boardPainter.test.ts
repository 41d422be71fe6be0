import { links, node } from '@pc/shared/testing';
import { runChecks, buildLogicGraph, pathwayHighlight, getTemplate } from '@pc/shared';
import { describe, expect, it } from 'vitest';
import { layoutBoard } from '../model/columnLayout';
import { quickRoutes, routePath } from '../model/routing';
import { cardIndex, cardUnder, hitCards, linkIndex, linkUnder, paintCards, paintLinks, stageViewport, warmCardTexts, type BoardScene } from './boardPainter';
import { distanceToRoute } from './linkPainter';
import { traceRoute } from '../model/routing';
import type { LogicModelSnapshot } from './store';

const nodes = [
  node('in1', 'inputs', { order: 'a0' }),
  node('ac1', 'activities', { order: 'a0' }),
  node('ac2', 'activities', { order: 'a1' }),
  node('op1', 'outputs', { order: 'a0' }),
  node('st1', 'shortTermOutcomes', { order: 'a0' }),
];
const model = links('in1>ac1 ac1>op1 op1>st1 ac2>ac1');
const layout = layoutBoard(getTemplate('ess'), nodes, { cardHeightOf: () => 80 });
const graph = buildLogicGraph(nodes, model);
const routes = quickRoutes(layout, [...graph.links.values()]);
const snapshot = {
  template: 'ess',
  templateChosen: true,
  shownTemplate: getTemplate('ess'),
  nodes,
  links: model,
  partners: [],
  matrixRows: [],
  matrixCells: [],
  nodesById: graph.nodes,
  partnersById: new Map(),
  graph,
  report: runChecks({ nodes, links: model, partners: [], matrixRows: [], matrixCells: [], template: 'ess' }, graph),
  checking: false,
  layout,
} as LogicModelSnapshot;

function scene(extra: Partial<BoardScene> = {}): BoardScene {
  return {
    layout,
    model: snapshot,
    cards: cardIndex(layout),
    links: linkIndex(model, graph, routes),
    selectedId: null,
    selectedLinkId: null,
    editingId: null,
    editable: true,
    highlight: null,
    drag: null,
    ...extra,
  };
}

/** A 2D context that records the rectangles' starting points and the strokes and fills drawn. */
function recorder() {
  const calls: string[] = [];
  const ctx = new Proxy(
    { calls },
    {
      get(target, prop) {
        if (prop === 'calls') return target.calls;
        return (...args: unknown[]) => calls.push(`${String(prop)}(${args.map((a) => (typeof a === 'number' ? Math.round(a * 10) / 10 : String(a))).join(',')})`);
      },
      set() {
        return true;
      },
    },
  );
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

const box = (id: string) => layout.cards.get(id)!;

describe('board painter', () => {
  it('finds the viewport a stage shows', () => {
    const stage = { x: () => -200, y: () => 100, scaleX: () => 0.5, width: () => 800, height: () => 600 };
    expect(stageViewport(stage)).toEqual({ rect: { x: 400, y: -200, width: 1600, height: 1200 }, zoom: 0.5 });
  });

  it('draws only the cards that intersect the viewport', () => {
    const { ctx, calls } = recorder();
    const only = box('ac1');
    paintCards(ctx, scene(), { x: only.x + 10, y: only.y + 10, width: 20, height: 20 }, 0.2);
    // One card at 20%: its body path starts at its top-left corner plus the corner radius; no text at that zoom.
    expect(calls.filter((c) => c.startsWith('moveTo(')).map((c) => c)).toContain(`moveTo(${only.x + 8},${only.y})`);
    expect(calls.some((c) => c.startsWith(`moveTo(${box('in1').x + 8},`))).toBe(false);
    expect(calls.some((c) => c.startsWith('fillText'))).toBe(false);
  });

  it('draws the dragged card where the pointer took it, not in its place', () => {
    const { ctx, calls } = recorder();
    const dragged = box('ac1');
    paintCards(ctx, scene({ drag: { id: 'ac1', dx: 500, dy: 40 } }), { x: -1e4, y: -1e4, width: 2e4, height: 2e4 }, 0.2);
    expect(calls).toContain(`moveTo(${dragged.x + 500 + 8},${dragged.y + 40})`);
    expect(calls).not.toContain(`moveTo(${dragged.x + 8},${dragged.y})`);
  });

  it('gives every visible card a hit region except the dragged one', () => {
    const { ctx, calls } = recorder();
    hitCards(ctx, scene({ drag: { id: 'ac2', dx: 0, dy: 0 } }), { x: -1e4, y: -1e4, width: 2e4, height: 2e4 }, '#ff0000');
    expect(calls.filter((c) => c === 'fill()')).toHaveLength(nodes.length - 1);
  });

  it('paints links dimmed outside the selected pathway', () => {
    const { ctx, calls } = recorder();
    const all = { x: -1e4, y: -1e4, width: 2e4, height: 2e4 };
    paintLinks(ctx, scene({ highlight: pathwayHighlight(graph, 'st1') }), all);
    expect(calls.filter((c) => c === 'stroke()')).toHaveLength(model.length);
  });

  it('resolves the card and the link under a point from the layout', () => {
    const b = box('op1');
    expect(cardUnder(scene(), { x: b.x + 5, y: b.y + 5 })).toBe('op1');
    expect(cardUnder(scene(), { x: b.x - 5, y: b.y + 5 })).toBe(null);
    expect(cardUnder(scene({ drag: { id: 'op1', dx: 0, dy: 0 } }), { x: b.x + 5, y: b.y + 5 })).toBe(null);
    const route = routes.get('in1>ac1')!;
    const start = route.shape.points[0]!;
    expect(linkUnder(scene(), { x: start.x + 4, y: start.y + 3 })).toBe('in1>ac1');
    expect(linkUnder(scene(), { x: start.x + 4, y: start.y + 60 })).toBe(null);
  });
});

describe('link painter', () => {
  it('traces the same path as routePath, curves and rounded polylines alike', () => {
    const shapes = [
      ...[...routes.values()].map((r) => r.shape),
      { kind: 'polyline' as const, points: [{ x: 0, y: 0 }, { x: 40.04, y: 0 }, { x: 40.04, y: 33.33 }, { x: 90, y: 33.33 }] },
    ];
    for (const shape of shapes) {
      let d = '';
      traceRoute(
        {
          moveTo: (x, y) => (d += `M${x},${y}`),
          lineTo: (x, y) => (d += ` L${x},${y}`),
          bezierCurveTo: (a, b, c, e, f, g) => (d += ` C${a},${b} ${c},${e} ${f},${g}`),
          quadraticCurveTo: (a, b, c, e) => (d += ` L${a},${b} Q`.replace(` L${a},${b} Q`, ` Q${a},${b} ${c},${e}`)),
        },
        shape,
      );
      // routePath writes "L a Q q b" per corner; the trace issues lineTo then quadraticCurveTo with the same numbers.
      expect(d).toBe(routePath(shape));
    }
  });

  it('measures the distance from a point to a route', () => {
    const line = { kind: 'polyline' as const, points: [{ x: 0, y: 0 }, { x: 100, y: 0 }] };
    expect(distanceToRoute(line, { x: 50, y: 7 })).toBeCloseTo(7);
    expect(distanceToRoute(line, { x: 110, y: 0 })).toBeCloseTo(10);
    const curve = { kind: 'curve' as const, points: [{ x: 0, y: 0 }, { x: 30, y: 0 }, { x: 70, y: 0 }, { x: 100, y: 0 }] as const };
    expect(distanceToRoute(curve, { x: 50, y: -4 })).toBeCloseTo(4);
  });
});

describe('warming card texts', () => {
  it('does nothing far below a readable zoom and stops when time runs out', () => {
    let asked = 0;
    expect(warmCardTexts(scene(), { x: -1e4, y: -1e4, width: 2e4, height: 2e4 }, 0.1, () => (asked += 1, 50))).toBe(true);
    expect(asked).toBe(0);
    expect(warmCardTexts(scene(), { x: -1e4, y: -1e4, width: 2e4, height: 2e4 }, 1, () => 0)).toBe(false);
  });
});
