import { node } from '@pc/shared/testing';
import { getTemplate } from '@pc/shared';
import { describe, expect, it } from 'vitest';
import { holdAt, keepInPlaceShift } from '../../../canvas/layoutAnchor';
import { logicAnchors } from './anchors';
import { layoutBoard } from './columnLayout';

const kellogg = getTemplate('kellogg');
const ess = getTemplate('ess');
const nodes = [node('o1', 'outputs', { order: 'a0' }), node('o2', 'outputs', { order: 'a1' }), node('x1', 'assumptions', { order: 'a0' })];

describe('logicAnchors', () => {
  const before = layoutBoard(kellogg, nodes);
  const o2 = before.cards.get('o2')!;
  const held = holdAt(logicAnchors, before, { x: o2.x + 10, y: o2.y + 10 });

  it('holds the card under the pointer on both axes', () => {
    expect(held).toMatchObject({ x: { key: 'card:o2' }, y: { key: 'card:o2' } });
  });

  it('follows the card when one above grows and when a column comes in on the left', () => {
    const grown = layoutBoard(kellogg, nodes, { cardHeightOf: (n) => (n.id === 'o1' ? 200 : 88) });
    expect(keepInPlaceShift(held, logicAnchors, grown, 1)).toEqual({ dx: 0, dy: -(200 - 88) });
    const widened = layoutBoard(ess, nodes);
    expect(keepInPlaceShift(held, logicAnchors, widened, 0.5)).toEqual({ dx: -280 * 0.5, dy: 0 });
  });

  it('holds a lane both ways and a column across when the pointer is on no card', () => {
    const lane = before.columns.find((c) => c.key === 'externalFactors')!;
    const atLane = holdAt(logicAnchors, before, { x: lane.x + lane.width - 5, y: lane.y + 5 });
    expect(atLane.y?.key).toBe('column:externalFactors');
    const grown = layoutBoard(kellogg, [...nodes, ...['a', 'b', 'c', 'd', 'e'].map((id, i) => node(`act-${id}`, 'activities', { order: `a${i}` }))]);
    expect(keepInPlaceShift(atLane, logicAnchors, grown, 1).dy).toBeLessThan(0);
    const outputs = before.columns.find((c) => c.key === 'outputs')!;
    const atColumn = holdAt(logicAnchors, before, { x: outputs.x + 5, y: outputs.y + outputs.height - 5 });
    expect(atColumn).toMatchObject({ x: { key: 'column:outputs' }, y: null });
  });
});
