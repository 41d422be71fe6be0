import { describe, expect, it } from 'vitest';
import { COMPARE_COLOURS, exitPoint, paintCompareOverlay, planCompareOverlay, type CompareMark, type OverlayContext } from './compareOverlay';

const view = { x: 0, y: 0, width: 1000, height: 800 };
const rect = (x: number, y: number, width = 100, height = 50) => ({ x, y, width, height });

describe('planCompareOverlay', () => {
  it('outlines added and changed records where they are now, in their colour, with screen-sized lines', () => {
    const marks: CompareMark[] = [
      { id: 'a', kind: 'added', now: rect(100, 100), before: null },
      { id: 'c', kind: 'changed', now: rect(300, 100), before: rect(300, 100) },
    ];
    const plan = planCompareOverlay(marks, view, 2);
    expect(plan.map((i) => [i.op, i.id, i.colour])).toEqual([
      ['halo', 'a', COMPARE_COLOURS.added],
      ['halo', 'c', COMPARE_COLOURS.changed],
    ]);
    const halo = plan[0]!;
    if (halo.op !== 'halo') throw new Error('not a halo');
    // 3 px wide at zoom 2 is 1.5 world units; the outline sits 4 + 1.5 px outside the record.
    expect(halo.lineWidth).toBe(1.5);
    expect(halo.rect).toEqual({ x: 100 - 2.75, y: 100 - 2.75, width: 105.5, height: 55.5 });
  });

  it('draws a removed record as a dashed ghost at its old place, and nothing where it is not', () => {
    const plan = planCompareOverlay([{ id: 'r', kind: 'removed', now: null, before: rect(50, 60) }], view, 1);
    expect(plan).toEqual([{ op: 'ghost', id: 'r', kind: 'removed', rect: rect(50, 60), colour: COMPARE_COLOURS.removed, lineWidth: 1.5, dash: [6, 4] }]);
  });

  it('draws a moved record as a ghost where it was, an arrow from there to the new place, and an outline over it', () => {
    const plan = planCompareOverlay([{ id: 'm', kind: 'moved', now: rect(600, 100), before: rect(100, 100) }], view, 1);
    expect(plan.map((i) => i.op)).toEqual(['ghost', 'arrow', 'halo']);
    const arrow = plan[1]!;
    if (arrow.op !== 'arrow') throw new Error('not an arrow');
    // From the ghost's right edge to just outside the outline's left edge, level.
    expect(arrow.from).toEqual({ x: 200, y: 125 });
    expect(arrow.to).toEqual({ x: 593, y: 125 });
    // The head points at the new place: both back corners lie behind the tip.
    expect(arrow.head.every((p) => p.x < 593)).toBe(true);
  });

  it('culls what lies outside the view, but keeps an arrow that crosses it', () => {
    const marks: CompareMark[] = [
      { id: 'far', kind: 'added', now: rect(5000, 5000), before: null },
      { id: 'gone', kind: 'removed', now: null, before: rect(-900, -900) },
      { id: 'across', kind: 'moved', now: rect(2000, 400), before: rect(-1000, 400) },
    ];
    const plan = planCompareOverlay(marks, view, 1);
    expect(plan.map((i) => [i.op, i.id])).toEqual([['arrow', 'across']]);
  });

  it('finds where a line from the centre leaves a rectangle', () => {
    expect(exitPoint(rect(0, 0, 100, 50), { x: 500, y: 25 })).toEqual({ x: 100, y: 25 });
    expect(exitPoint(rect(0, 0, 100, 50), { x: 50, y: -300 })).toEqual({ x: 50, y: 0 });
    expect(exitPoint(rect(0, 0, 100, 50), { x: 60, y: 30 })).toEqual({ x: 50, y: 25 });
  });
});

describe('paintCompareOverlay', () => {
  it('paints outlines solid, ghosts dashed and arrows with a filled head', () => {
    const calls: string[] = [];
    const context: OverlayContext = {
      beginPath: () => calls.push('begin'),
      rect: (x, y, w, h) => calls.push(`rect ${x},${y},${w},${h}`),
      moveTo: () => calls.push('moveTo'),
      lineTo: () => calls.push('lineTo'),
      closePath: () => calls.push('close'),
      stroke: () => calls.push(`stroke ${String(context.strokeStyle)}`),
      fill: () => calls.push('fill'),
      setLineDash: (d) => calls.push(`dash ${d.join(',')}`),
      strokeStyle: '',
      fillStyle: '',
      lineWidth: 0,
    };
    paintCompareOverlay(context, planCompareOverlay([{ id: 'm', kind: 'moved', now: rect(600, 100), before: rect(100, 100) }], view, 1));
    expect(calls).toContain('dash 6,4');
    expect(calls).toContain('rect 100,100,100,50');
    expect(calls.filter((c) => c === 'fill')).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('stroke'))).toHaveLength(3);
    expect(calls.at(-1)).toBe('dash ');
  });
});
