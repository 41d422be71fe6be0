import { describe, expect, it } from 'vitest';
import { align, distribute } from './arrange';

const boxes = [
  { id: 'a', x: 0, y: 0, width: 100, height: 50 },
  { id: 'b', x: 150, y: 40, width: 50, height: 100 },
  { id: 'c', x: 300, y: 10, width: 100, height: 20 },
];

describe('align', () => {
  it('left, centre and right use the selection bounds', () => {
    expect(Object.fromEntries(align(boxes, 'left'))).toEqual({ b: { x: 0, y: 40 }, c: { x: 0, y: 10 } });
    expect(Object.fromEntries(align(boxes, 'right'))).toEqual({ a: { x: 300, y: 0 }, b: { x: 350, y: 40 } });
    expect(Object.fromEntries(align(boxes, 'centre'))).toEqual({ a: { x: 150, y: 0 }, b: { x: 175, y: 40 }, c: { x: 150, y: 10 } });
  });

  it('top, middle and bottom', () => {
    expect(Object.fromEntries(align(boxes, 'top'))).toEqual({ b: { x: 150, y: 0 }, c: { x: 300, y: 0 } });
    expect(Object.fromEntries(align(boxes, 'bottom'))).toEqual({ a: { x: 0, y: 90 }, c: { x: 300, y: 120 } });
    expect(Object.fromEntries(align(boxes, 'middle'))).toEqual({ a: { x: 0, y: 45 }, b: { x: 150, y: 20 }, c: { x: 300, y: 60 } });
  });

  it('one box does not move', () => {
    expect(align(boxes.slice(0, 1), 'right').size).toBe(0);
  });
});

describe('distribute', () => {
  it('gives equal gaps, keeping the outer two in place', () => {
    const uneven = [
      { id: 'a', x: 0, y: 0, width: 100, height: 10 },
      { id: 'b', x: 110, y: 0, width: 50, height: 10 },
      { id: 'c', x: 400, y: 0, width: 100, height: 10 },
    ];
    // Span 0..500, boxes 250 wide: two gaps of 125.
    expect(Object.fromEntries(distribute(uneven, 'horizontal'))).toEqual({ b: { x: 225, y: 0 } });
  });

  it('works vertically in the order of the top edges, whatever the input order', () => {
    const shuffled = [
      { id: 'low', x: 5, y: 300, width: 10, height: 100 },
      { id: 'top', x: 5, y: 0, width: 10, height: 100 },
      { id: 'mid', x: 5, y: 120, width: 10, height: 40 },
      { id: 'mid2', x: 5, y: 130, width: 10, height: 40 },
    ];
    // Span 0..400, total 280: three gaps of 40.
    expect(Object.fromEntries(distribute(shuffled, 'vertical'))).toEqual({ mid: { x: 5, y: 140 }, mid2: { x: 5, y: 220 } });
  });

  it('needs three boxes', () => {
    expect(distribute(boxes.slice(0, 2), 'horizontal').size).toBe(0);
  });
});
