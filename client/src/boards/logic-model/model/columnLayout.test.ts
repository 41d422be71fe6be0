import { node } from '@pc/shared/testing';
import { type LogicNode, getTemplate } from '@pc/shared';
import { describe, expect, it } from 'vitest';
import { cardAt, cardsInRect, columnAt, DEFAULT_COLUMN_LAYOUT, dropTarget, layoutBoard } from './columnLayout';

// Defaults: columns 240 wide with 40 gaps, header 64, padding 12, cards 216 x 88 with 12 gaps.
const kellogg = getTemplate('kellogg');

function acts(count: number): LogicNode[] {
  // Given out of order on purpose: the layout sorts by order key.
  return Array.from({ length: count }, (_, i) => node(`a${i}`, 'activities', { order: `a${i}` })).reverse();
}

describe('layoutBoard', () => {
  it('places template columns left to right with headers', () => {
    const layout = layoutBoard(kellogg, []);
    const main = layout.columns.filter((c) => c.kind === 'column');
    expect(main.map((c) => c.key)).toEqual(['inputs', 'activities', 'outputs', 'shortTermOutcomes', 'impact']);
    expect(main.map((c) => c.x)).toEqual([0, 280, 560, 840, 1120]);
    expect(main[0]?.header).toEqual({ x: 0, y: 0, width: 240, height: 64 });
    expect(main.every((c) => c.height === 400)).toBe(true);
  });

  it('stacks cards by order key under the header', () => {
    const layout = layoutBoard(kellogg, acts(3));
    expect(layout.cardsByColumn.get('activities')?.map((b) => [b.nodeId, b.x, b.y, b.index])).toEqual([
      ['a0', 292, 76, 0],
      ['a1', 292, 176, 1],
      ['a2', 292, 276, 2],
    ]);
    expect(layout.cards.get('a1')).toMatchObject({ width: 216, height: 88, column: 'activities' });
  });

  it('breaks equal order keys by id so every peer stacks the same way', () => {
    const layout = layoutBoard(kellogg, [node('b', 'outputs', { order: 'a0' }), node('a', 'outputs', { order: 'a0' })]);
    expect(layout.cardsByColumn.get('outputs')?.map((b) => b.nodeId)).toEqual(['a', 'b']);
  });

  it('grows every main column to the tallest one', () => {
    const layout = layoutBoard(kellogg, acts(5));
    // 76 + 5 cards x 100 - 12 + 12 padding
    expect(layout.columns.filter((c) => c.kind === 'column').map((c) => c.height)).toEqual([576, 576, 576, 576, 576]);
  });

  it('uses measured card heights when given', () => {
    const layout = layoutBoard(kellogg, acts(2), { cardHeightOf: (n) => (n.id === 'a0' ? 150 : 60) });
    expect(layout.cards.get('a1')?.y).toBe(76 + 150 + 12);
    expect(layout.cards.get('a1')?.height).toBe(60);
  });

  it('puts the lanes below the columns across the full width, wrapping cards in a grid', () => {
    const assumptions = Array.from({ length: 7 }, (_, i) => node(`as${i}`, 'assumptions', { order: `a${i}` }));
    const layout = layoutBoard(kellogg, assumptions);
    const [lane1, lane2] = layout.columns.filter((c) => c.kind === 'lane');
    expect(lane1).toMatchObject({ key: 'assumptions', x: 0, y: 448, width: 1360 });
    const boxes = layout.cardsByColumn.get('assumptions') ?? [];
    expect(boxes.map((b) => b.row)).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(boxes.slice(0, 5).map((b) => b.x)).toEqual([12, 240, 468, 696, 924]);
    expect(boxes[5]).toMatchObject({ x: 12, y: 596 });
    expect(lane1?.height).toBe(248);
    expect(lane2).toMatchObject({ key: 'externalFactors', y: 448 + 248 + 48, height: 148 });
    expect(layout.bounds).toEqual({ x: 0, y: 0, width: 1360, height: 744 + 148 });
  });

  it('lists cards in columns the template does not show instead of placing them', () => {
    const layout = layoutBoard(kellogg, [node('s', 'situation'), node('m', 'mediumTermOutcomes'), node('a', 'activities')]);
    expect(layout.hiddenNodeIds).toEqual(['s', 'm']);
    expect([...layout.cards.keys()]).toEqual(['a']);
    expect(layoutBoard(getTemplate('ess'), [node('s', 'situation')]).cards.get('s')?.x).toBe(12);
  });

  it('honours the origin', () => {
    const layout = layoutBoard(kellogg, acts(1), { originX: 1000, originY: -50 });
    expect(layout.cards.get('a0')).toMatchObject({ x: 1292, y: 26 });
    expect(layout.bounds.x).toBe(1000);
  });
});

describe('hit testing', () => {
  const layout = layoutBoard(kellogg, [...acts(2), node('as', 'assumptions')]);

  it('finds the card under a point, and nothing in gaps or headers', () => {
    expect(cardAt(layout, { x: 300, y: 80 })).toBe('a0');
    expect(cardAt(layout, { x: 300, y: 170 })).toBeNull(); // the gap between a0 and a1
    expect(cardAt(layout, { x: 300, y: 20 })).toBeNull();
    expect(cardAt(layout, { x: 20, y: 500 })).toBe('as');
  });

  it('finds cards overlapping a marquee, and the column under a point', () => {
    expect(cardsInRect(layout, { x: 0, y: 0, width: 2000, height: 200 })).toEqual(['a0', 'a1']);
    expect(cardsInRect(layout, { x: 0, y: 0, width: 2000, height: 2000 })).toEqual(['a0', 'a1', 'as']);
    expect(columnAt(layout, { x: 300, y: 10 })).toBe('activities');
    expect(columnAt(layout, { x: 260, y: 10 })).toBeNull();
    expect(columnAt(layout, { x: 900, y: 460 })).toBe('assumptions');
  });
});

describe('dropTarget', () => {
  const layout = layoutBoard(kellogg, acts(3));

  it('counts the cards whose middle is above the point', () => {
    expect(dropTarget(layout, { x: 300, y: 70 })).toEqual({ column: 'activities', index: 0, previousNodeId: null, nextNodeId: 'a0' });
    expect(dropTarget(layout, { x: 300, y: 200 })).toEqual({ column: 'activities', index: 1, previousNodeId: 'a0', nextNodeId: 'a1' });
    expect(dropTarget(layout, { x: 300, y: 390 })).toEqual({ column: 'activities', index: 3, previousNodeId: 'a2', nextNodeId: null });
  });

  it('leaves the dragged card out, so dropping it in place changes nothing', () => {
    // a1's middle is at 220: just below it a1 would otherwise count itself.
    expect(dropTarget(layout, { x: 300, y: 225 }, 'a1')).toEqual({ column: 'activities', index: 1, previousNodeId: 'a0', nextNodeId: 'a2' });
  });

  it('lands in an empty column at index 0, and splits the gap between columns', () => {
    expect(dropTarget(layout, { x: 600, y: 300 })).toEqual({ column: 'outputs', index: 0, previousNodeId: null, nextNodeId: null });
    expect(dropTarget(layout, { x: 259, y: 100 })?.column).toBe('inputs');
    expect(dropTarget(layout, { x: 261, y: 100 })?.column).toBe('activities');
  });

  it('targets lanes in reading order', () => {
    const withLane = layoutBoard(
      kellogg,
      Array.from({ length: 7 }, (_, i) => node(`as${i}`, 'assumptions', { order: `a${i}` })),
    );
    // Row 0 holds as0..as4 at x 12, 240, 468, ...; row 1 holds as5, as6 from y 596.
    expect(dropTarget(withLane, { x: 300, y: 520 })).toMatchObject({ column: 'assumptions', index: 1, previousNodeId: 'as0' });
    expect(dropTarget(withLane, { x: 1300, y: 520 })).toMatchObject({ index: 5, nextNodeId: 'as5' });
    expect(dropTarget(withLane, { x: 300, y: 620 })).toMatchObject({ index: 6, previousNodeId: 'as5', nextNodeId: 'as6' });
    expect(dropTarget(withLane, { x: 1300, y: 620 })).toMatchObject({ index: 7, nextNodeId: null });
    expect(dropTarget(withLane, { x: 600, y: 440 })?.column).toBe('assumptions'); // upper half of the gap
  });

  it('returns null outside the board', () => {
    expect(dropTarget(layout, { x: -100, y: 100 })).toBeNull();
    expect(dropTarget(layout, { x: 2000, y: 100 })).toBeNull();
    expect(dropTarget(layout, { x: 300, y: 5000 })).toBeNull();
  });

  it('uses the layout options it was built with', () => {
    expect(layout.options).toEqual({ ...DEFAULT_COLUMN_LAYOUT });
  });
});
