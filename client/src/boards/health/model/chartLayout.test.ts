import { describe, expect, it } from 'vitest';
import { layoutBarChart } from './chartLayout';

describe('layoutBarChart', () => {
  const series = [
    { id: 'a', label: 'Alba', colour: '#111111' },
    { id: 'all', label: 'Overall', colour: '#222222' },
  ];
  const groups = [
    { label: 'P1', values: new Map([['a', 50], ['all', 100]]) },
    { label: 'P2', values: new Map<string, number | null>([['a', null], ['all', 0]]) },
  ];
  it('gives each value a bar proportional to it on the 0-100 axis, inside the plot', () => {
    const chart = layoutBarChart(groups, series, 400, 236);
    expect(chart.bars).toHaveLength(4);
    const full = chart.bars.find((b) => b.groupIndex === 0 && b.seriesId === 'all')!;
    const half = chart.bars.find((b) => b.groupIndex === 0 && b.seriesId === 'a')!;
    expect(full.height).toBeCloseTo(chart.plot.height);
    expect(half.height).toBeCloseTo(chart.plot.height / 2);
    expect(full.y + full.height).toBeCloseTo(chart.plot.y + chart.plot.height);
    for (const bar of chart.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(chart.plot.x);
      expect(bar.x + bar.width).toBeLessThanOrEqual(chart.plot.x + chart.plot.width);
    }
    // Bars of the second group sit right of the first group's.
    expect(chart.bars.find((b) => b.groupIndex === 1)!.x).toBeGreaterThan(full.x);
  });
  it('keeps "not rated" (null) apart from a score of 0', () => {
    const chart = layoutBarChart(groups, series, 400, 236);
    expect(chart.bars.find((b) => b.groupIndex === 1 && b.seriesId === 'a')!.value).toBeNull();
    expect(chart.bars.find((b) => b.groupIndex === 1 && b.seriesId === 'all')!.value).toBe(0);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
  });
});
