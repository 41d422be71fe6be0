import { describe, expect, it } from 'vitest';
import {
  clampStakeholderLevel,
  isHighLevel,
  mendelowQuadrant,
  MENDELOW_QUADRANTS,
  QUADRANT_LABELS,
  QUADRANT_STRATEGIES,
} from './quadrants';

describe('clampStakeholderLevel', () => {
  it('rounds to the nearest level and clamps to 0-4', () => {
    expect([-3, -0.4, 0, 1.49, 1.5, 2.5, 3.7, 4, 9, Infinity, -Infinity].map(clampStakeholderLevel)).toEqual([
      0, 0, 0, 1, 2, 3, 4, 4, 4, 4, 0,
    ]);
  });

  it('treats NaN as the middle level', () => {
    expect(clampStakeholderLevel(Number.NaN)).toBe(2);
  });
});

describe('mendelowQuadrant', () => {
  it('counts levels 3-4 as high and 0-2 as low on both axes', () => {
    expect(mendelowQuadrant(3, 3)).toBe('manageClosely');
    expect(mendelowQuadrant(4, 2)).toBe('keepSatisfied');
    expect(mendelowQuadrant(2, 4)).toBe('keepInformed');
    expect(mendelowQuadrant(2, 2)).toBe('monitor');
    expect(mendelowQuadrant(0, 0)).toBe('monitor');
    expect([0, 1, 2, 3, 4].map(isHighLevel)).toEqual([false, false, false, true, true]);
  });

  it('covers the 25 cells as 4 / 6 / 6 / 9', () => {
    const counts = { manageClosely: 0, keepSatisfied: 0, keepInformed: 0, monitor: 0 };
    for (let p = 0; p <= 4; p += 1) for (let i = 0; i <= 4; i += 1) counts[mendelowQuadrant(p, i)] += 1;
    expect(counts).toEqual({ manageClosely: 4, keepSatisfied: 6, keepInformed: 6, monitor: 9 });
  });

  it('rounds and clamps first', () => {
    expect(mendelowQuadrant(2.5, 2.49)).toBe('keepSatisfied');
    expect(mendelowQuadrant(99, -5)).toBe('keepSatisfied');
    expect(mendelowQuadrant(Number.NaN, Number.NaN)).toBe('monitor');
  });

  it('has a label and one-sentence strategy for every quadrant', () => {
    for (const quadrant of MENDELOW_QUADRANTS) {
      expect(QUADRANT_LABELS[quadrant]).toMatch(/^[A-Z]/);
      expect(QUADRANT_STRATEGIES[quadrant]).toMatch(/^[A-Z][^.]*\.$/);
    }
  });
});
