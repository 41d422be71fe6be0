import { describe, expect, it } from 'vitest';
import type { Summon } from '@pc/shared';
import { SUMMON_FRESH_MS, nextSummonSeq, shouldMove } from './summonMath';

const summon = (seq: number, at = 1000): Summon => ({ seq, at, view: 'logic-model', viewport: { x: 0, y: 0, width: 100, height: 100 }, by: 'Ada' });

describe('summon', () => {
  it('moves once per new summon', () => {
    expect(shouldMove(summon(2), 1, 1500, false)).toBe(true);
    expect(shouldMove(summon(2), 2, 1500, false)).toBe(false);
    expect(shouldMove(summon(1), 2, 1500, false)).toBe(false);
  });

  it('never moves for the summon found on opening the board, an old one, or my own', () => {
    expect(shouldMove(summon(5), null, 1500, false)).toBe(false);
    expect(shouldMove(summon(2, 1000), 1, 1000 + SUMMON_FRESH_MS + 1, false)).toBe(false);
    expect(shouldMove(summon(2), 1, 1500, true)).toBe(false);
    expect(shouldMove(null, 1, 1500, false)).toBe(false);
  });

  it('numbers summons upwards', () => {
    expect(nextSummonSeq(null)).toBe(1);
    expect(nextSummonSeq(summon(7))).toBe(8);
  });
});
