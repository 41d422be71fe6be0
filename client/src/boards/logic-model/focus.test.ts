import { node } from '@pc/shared/testing';
import { getTemplate } from '@pc/shared';
import { describe, expect, it } from 'vitest';
import { layoutBoard } from './model/columnLayout';
import { stepTarget } from './focus';

const kellogg = getTemplate('kellogg');
const layout = layoutBoard(kellogg, [
  node('a0', 'activities', { order: 'a0' }),
  node('a1', 'activities', { order: 'a1' }),
  node('a2', 'activities', { order: 'a2' }),
  node('o0', 'outputs', { order: 'a0' }),
  node('x0', 'assumptions', { order: 'a0' }),
  node('x1', 'assumptions', { order: 'a1' }),
]);

describe('Ctrl+arrow on a logic card', () => {
  it('moves it up and down its column, and nowhere past either end', () => {
    expect(stepTarget(layout, 'a1', 'up')).toEqual({ column: 'activities', index: 0, previousNodeId: null, nextNodeId: 'a0' });
    expect(stepTarget(layout, 'a1', 'down')).toEqual({ column: 'activities', index: 2, previousNodeId: 'a2', nextNodeId: null });
    expect(stepTarget(layout, 'a0', 'up')).toBeNull();
    expect(stepTarget(layout, 'a2', 'down')).toBeNull();
  });

  it('takes it to the neighbouring column at the same height (or the end of a shorter one)', () => {
    expect(stepTarget(layout, 'a0', 'right')).toEqual({ column: 'outputs', index: 0, previousNodeId: null, nextNodeId: 'o0' });
    expect(stepTarget(layout, 'a2', 'right')).toEqual({ column: 'outputs', index: 1, previousNodeId: 'o0', nextNodeId: null });
    expect(stepTarget(layout, 'a0', 'left')).toEqual({ column: 'inputs', index: 0, previousNodeId: null, nextNodeId: null });
    expect(stepTarget(layout, 'missing', 'left')).toBeNull();
  });

  it('in a lane, left and right reorder and up and down go to the neighbouring lane', () => {
    expect(stepTarget(layout, 'x0', 'right')).toEqual({ column: 'assumptions', index: 1, previousNodeId: 'x1', nextNodeId: null });
    expect(stepTarget(layout, 'x0', 'down')).toEqual({ column: 'externalFactors', index: 0, previousNodeId: null, nextNodeId: null });
    expect(stepTarget(layout, 'x0', 'up')).toBeNull();
  });
});
