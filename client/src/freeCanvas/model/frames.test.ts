import { describe, expect, it } from 'vitest';
import type { CanvasItem } from '@pc/shared';
import { carriedIds, frameContents } from './frames';

const item = (id: string, kind: CanvasItem['kind'], x: number, y: number, width = 100, height = 60) => ({ id, kind, x, y, width, height });

const frame = item('f', 'frame', 0, 0, 400, 300);
const items = [
  frame,
  item('inside', 'sticky', 20, 20),
  item('centre-in', 'sticky', 340, 250), // centre (390, 280): inside although it sticks out
  item('centre-out', 'sticky', 360, 260), // centre (410, 290): outside although it overlaps
  item('far', 'sticky', 900, 900),
  item('label', 'text', 100, 100, 120, 20),
  item('arrow', 'connector', 10, 10, 8, 8),
  item('small-frame', 'frame', 200, 20, 150, 100),
  item('in-small', 'sticky', 220, 40, 50, 40),
];

describe('frame containment', () => {
  it('holds the items whose centre lies inside, not connectors or itself', () => {
    expect(frameContents(frame, items).map((i) => i.id).sort()).toEqual(['centre-in', 'in-small', 'inside', 'label', 'small-frame']);
  });

  it('a frame never holds a frame as large as itself', () => {
    const twin = item('twin', 'frame', 0, 0, 400, 300);
    expect(frameContents(frame, [frame, twin]).map((i) => i.id)).toEqual([]);
    expect(frameContents(twin, [frame, twin]).map((i) => i.id)).toEqual([]);
  });

  it('moving a frame carries its contents, frames in frames included, once each', () => {
    expect([...carriedIds(['small-frame'], items)].sort()).toEqual(['in-small', 'small-frame']);
    expect([...carriedIds(['f', 'inside'], items)].sort()).toEqual(['centre-in', 'f', 'in-small', 'inside', 'label', 'small-frame']);
  });

  it('a note moves alone, and unknown ids and connectors are ignored', () => {
    expect([...carriedIds(['far', 'ghost', 'arrow'], items)]).toEqual(['far']);
  });
});
