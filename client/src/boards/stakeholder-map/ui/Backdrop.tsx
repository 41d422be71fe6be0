import { MENDELOW_QUADRANTS, QUADRANT_LABELS, type MendelowQuadrant } from '@pc/shared';
import { memo } from 'react';
import { Circle, Group, Line, Rect, Text } from 'react-konva';
import { FONT_FAMILY } from '../../../lib/theme';
import { GRID_LEVELS, quadrantRects } from '../model/grid';
import { GRID_WORLD, ONION_WORLD, type MapLayout } from '../model/mapLayout';
import { ringRadii, RING_LABELS } from '../model/onion';

const QUADRANT_FILLS: Readonly<Record<MendelowQuadrant, string>> = {
  manageClosely: '#fff4ec',
  keepSatisfied: '#fffbea',
  keepInformed: '#eef5ff',
  monitor: '#f6f8fb',
};

const QUADRANT_HINTS: Readonly<Record<MendelowQuadrant, string>> = {
  manageClosely: 'High power, high interest',
  keepSatisfied: 'High power, lower interest',
  keepInformed: 'Lower power, high interest',
  monitor: 'Lower power, lower interest',
};

const RING_FILLS = ['#dbe8ff', '#e8f0ff', '#f1f5fb', '#f8fafc'];

function GridBackdrop() {
  const quadrants = quadrantRects(GRID_WORLD);
  const cell = GRID_WORLD.width / GRID_LEVELS;
  const lines: number[][] = [];
  for (let i = 1; i < GRID_LEVELS; i += 1) {
    lines.push([GRID_WORLD.x + i * cell, GRID_WORLD.y, GRID_WORLD.x + i * cell, GRID_WORLD.y + GRID_WORLD.height]);
    lines.push([GRID_WORLD.x, GRID_WORLD.y + i * cell, GRID_WORLD.x + GRID_WORLD.width, GRID_WORLD.y + i * cell]);
  }
  const divider = quadrants.keepInformed;
  return (
    <Group listening={false}>
      {MENDELOW_QUADRANTS.map((q) => {
        const r = quadrants[q];
        return <Rect key={q} x={r.x} y={r.y} width={r.width} height={r.height} fill={QUADRANT_FILLS[q]} perfectDrawEnabled={false} />;
      })}
      {lines.map((points, i) => (
        <Line key={i} points={points} stroke="#e5eaf1" strokeWidth={1} perfectDrawEnabled={false} />
      ))}
      <Line points={[divider.x, GRID_WORLD.y, divider.x, GRID_WORLD.y + GRID_WORLD.height]} stroke="#b6c2d2" strokeWidth={2} dash={[10, 6]} />
      <Line points={[GRID_WORLD.x, divider.y, GRID_WORLD.x + GRID_WORLD.width, divider.y]} stroke="#b6c2d2" strokeWidth={2} dash={[10, 6]} />
      <Rect x={GRID_WORLD.x} y={GRID_WORLD.y} width={GRID_WORLD.width} height={GRID_WORLD.height} stroke="#cbd5e1" strokeWidth={1.5} cornerRadius={6} />
      {MENDELOW_QUADRANTS.map((q) => {
        const r = quadrants[q];
        return (
          <Group key={q} x={r.x + 14} y={r.y + 12}>
            <Text text={QUADRANT_LABELS[q].toUpperCase()} fontSize={22} fontStyle="bold" letterSpacing={1.2} fill="#475569" fontFamily={FONT_FAMILY} />
            <Text y={28} text={QUADRANT_HINTS[q]} fontSize={15} fill="#7b8797" fontFamily={FONT_FAMILY} />
          </Group>
        );
      })}
      {Array.from({ length: GRID_LEVELS }, (_, level) => (
        <Group key={level}>
          <Text x={GRID_WORLD.x + (level + 0.5) * cell - 10} y={GRID_WORLD.y + GRID_WORLD.height + 8} width={20} align="center" text={String(level)} fontSize={17} fill="#64748b" fontFamily={FONT_FAMILY} />
          <Text x={GRID_WORLD.x - 30} y={GRID_WORLD.y + (GRID_LEVELS - level - 0.5) * cell - 9} width={20} align="right" text={String(level)} fontSize={17} fill="#64748b" fontFamily={FONT_FAMILY} />
        </Group>
      ))}
      <Text x={GRID_WORLD.x} y={GRID_WORLD.y + GRID_WORLD.height + 36} width={GRID_WORLD.width} align="center" text="INTEREST  →" fontSize={19} fontStyle="bold" letterSpacing={1.5} fill="#475569" fontFamily={FONT_FAMILY} />
      <Text x={GRID_WORLD.x - 78} y={GRID_WORLD.y + GRID_WORLD.height} width={GRID_WORLD.height} align="center" rotation={-90} text="POWER  →" fontSize={19} fontStyle="bold" letterSpacing={1.5} fill="#475569" fontFamily={FONT_FAMILY} />
    </Group>
  );
}

function OnionBackdrop() {
  const bands = ringRadii(ONION_WORLD.radius);
  const { cx, cy } = ONION_WORLD;
  return (
    <Group listening={false}>
      {[...bands].reverse().map((band, i) => (
        <Circle key={band.ring} x={cx} y={cy} radius={band.outer} fill={RING_FILLS[3 - i]} stroke="#c3cedd" strokeWidth={1.5} perfectDrawEnabled={false} />
      ))}
      {bands.map((band) => (
        <Text
          key={band.ring}
          x={cx - 150}
          y={cy - band.outer + 9}
          width={300}
          align="center"
          text={RING_LABELS[band.ring].toUpperCase()}
          fontSize={16}
          fontStyle="bold"
          letterSpacing={1.2}
          fill="#52617a"
          fontFamily={FONT_FAMILY}
        />
      ))}
    </Group>
  );
}

/** The layout's template, drawn once per layout on a layer that never listens. */
export const Backdrop = memo(function Backdrop({ layout }: { layout: MapLayout }) {
  if (layout === 'grid') return <GridBackdrop />;
  if (layout === 'onion') return <OnionBackdrop />;
  return null;
});
