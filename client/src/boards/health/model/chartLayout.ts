/**
 * The health chart's geometry: one group of bars per principle, one bar per
 * partner plus the overall score, on a 0-100 axis. Pure, so the chart and the
 * table beside it can be checked to show the same figures.
 */

export interface ChartSeries {
  id: string;
  label: string;
  colour: string;
}

export interface ChartGroup {
  label: string;
  /** Score per series id, 0-100, or null when nothing was rated. */
  values: ReadonlyMap<string, number | null>;
}

export interface ChartBar {
  groupIndex: number;
  seriesId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number | null;
  colour: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  bars: ChartBar[];
  groupLabels: { x: number; label: string }[];
  ticks: { y: number; value: number }[];
}

const MARGIN = { left: 36, right: 8, top: 12, bottom: 36 };
const GROUP_GAP = 0.25;
/** Height of the stub drawn for "not rated", so it is visibly different from 0. */
export const UNRATED_STUB = 0;

export function layoutBarChart(groups: readonly ChartGroup[], series: readonly ChartSeries[], width: number, height: number): ChartLayout {
  const plot = { x: MARGIN.left, y: MARGIN.top, width: Math.max(0, width - MARGIN.left - MARGIN.right), height: Math.max(0, height - MARGIN.top - MARGIN.bottom) };
  const groupWidth = groups.length ? plot.width / groups.length : 0;
  const inner = groupWidth * (1 - GROUP_GAP);
  const barWidth = series.length ? inner / series.length : 0;
  const bars: ChartBar[] = [];
  groups.forEach((group, gi) => {
    const start = plot.x + gi * groupWidth + (groupWidth - inner) / 2;
    series.forEach((s, si) => {
      const value = group.values.get(s.id) ?? null;
      const h = value === null ? UNRATED_STUB : (value / 100) * plot.height;
      bars.push({ groupIndex: gi, seriesId: s.id, x: start + si * barWidth, y: plot.y + plot.height - h, width: Math.max(1, barWidth - 2), height: h, value, colour: s.colour });
    });
  });
  return {
    width,
    height,
    plot,
    bars,
    groupLabels: groups.map((g, gi) => ({ x: plot.x + gi * groupWidth + groupWidth / 2, label: g.label })),
    ticks: [0, 25, 50, 75, 100].map((value) => ({ value, y: plot.y + plot.height - (value / 100) * plot.height })),
  };
}
