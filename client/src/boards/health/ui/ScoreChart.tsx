import { useMemo } from 'react';
import { Layer, Line, Rect, Stage, Text } from 'react-konva';
import { FONT_FAMILY } from '../../../lib/theme';
import { layoutBarChart, type ChartGroup, type ChartSeries } from '../model/chartLayout';

interface ScoreChartProps {
  groups: readonly ChartGroup[];
  series: readonly ChartSeries[];
  width: number;
  height: number;
}

/**
 * Scores per principle as grouped bars (one per partner, then overall), drawn
 * with Konva. Each bar carries its figure (`figure` attribute: principle,
 * series, score) and prints it, so what the chart shows can be read and
 * compared with the table beside it. Decorative for screen readers: the table
 * holds the same figures.
 */
export function ScoreChart({ groups, series, width, height }: ScoreChartProps) {
  const chart = useMemo(() => layoutBarChart(groups, series, width, height), [groups, series, width, height]);
  const seriesLabel = new Map(series.map((s) => [s.id, s.label]));
  return (
    <div className="health-chart" aria-hidden="true" data-testid="health-chart">
      <Stage width={width} height={height} listening={false}>
        <Layer>
          {chart.ticks.map((tick) => (
            <Line key={tick.value} points={[chart.plot.x, tick.y, chart.plot.x + chart.plot.width, tick.y]} stroke="#e5e7eb" strokeWidth={1} />
          ))}
          {chart.ticks.map((tick) => (
            <Text key={`t${tick.value}`} x={0} y={tick.y - 6} width={chart.plot.x - 6} align="right" text={String(tick.value)} fontSize={10} fontFamily={FONT_FAMILY} fill="#6b7280" />
          ))}
          {chart.bars.map((bar) => (
            <Rect
              key={`${bar.groupIndex}:${bar.seriesId}`}
              name="health-bar"
              figure={`${groups[bar.groupIndex]!.label}|${seriesLabel.get(bar.seriesId)}|${bar.value === null ? '' : bar.value}`}
              x={bar.x}
              y={bar.value === null ? chart.plot.y + chart.plot.height - 2 : bar.y}
              width={bar.width}
              height={bar.value === null ? 2 : Math.max(bar.height, 1)}
              fill={bar.value === null ? '#d1d5db' : bar.colour}
              cornerRadius={2}
            />
          ))}
          {chart.bars.map((bar) =>
            bar.value === null || bar.width < 14 ? null : (
              <Text key={`v${bar.groupIndex}:${bar.seriesId}`} x={bar.x - 4} y={bar.y - 13} width={bar.width + 8} align="center" text={String(bar.value)} fontSize={10} fontFamily={FONT_FAMILY} fill="#374151" />
            ),
          )}
          {chart.groupLabels.map((g) => (
            <Text key={g.label} x={g.x - 40} y={chart.plot.y + chart.plot.height + 8} width={80} align="center" text={g.label} fontSize={11} fontFamily={FONT_FAMILY} fill="#374151" />
          ))}
        </Layer>
      </Stage>
      <ul className="health-legend">
        {series.map((s) => (
          <li key={s.id}>
            <span className="health-swatch" style={{ background: s.colour }} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
