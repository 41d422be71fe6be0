import { type LogicTemplate } from '@pc/shared';
import { memo, useState } from 'react';
import { Circle, Group, Line, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import type { ColumnBox } from '../model/columnLayout';
import { FONT_FAMILY } from '../../../lib/theme';
import { COLUMN_ACCENT } from './theme';
import { type Point } from '../../../lib/geometry';

/** The board's fixed furniture: column and lane backgrounds, and the link handle on a card's right edge. */

interface ColumnBackgroundProps {
  column: ColumnBox;
  template: LogicTemplate;
  editable: boolean;
  empty: boolean;
  onPointerDown(event: Konva.KonvaEventObject<PointerEvent>): void;
  onAdd(world: Point | null): void;
  pointerWorld(): Point | null;
}

export const ColumnBackground = memo(function ColumnBackground({ column, template, editable, empty, onPointerDown, onAdd, pointerWorld }: ColumnBackgroundProps) {
  const spec = template.columns.find((c) => c.key === column.key) ?? template.lanes.find((l) => l.key === column.key);
  const label = spec?.label ?? column.key;
  const prompt = spec?.prompt ?? '';
  const accent = COLUMN_ACCENT[column.key];
  const lane = column.kind === 'lane';
  const addX = column.x + column.width - 30;
  const addY = column.y + (lane ? 6 : 10);
  return (
    <Group>
      <Rect
        x={column.x}
        y={column.y}
        width={column.width}
        height={column.height}
        cornerRadius={12}
        fill={lane ? '#f7f5f0' : '#f3f6fa'}
        stroke="#e3e8ef"
        strokeWidth={1}
        strokeScaleEnabled={false}
        onPointerDown={onPointerDown}
        onDblClick={(event) => {
          event.cancelBubble = true;
          onAdd(pointerWorld());
        }}
        onDblTap={(event) => {
          event.cancelBubble = true;
          onAdd(pointerWorld());
        }}
        perfectDrawEnabled={false}
      />
      <Rect x={column.x + 12} y={column.y + column.header.height - 6} width={column.width - 24} height={2} fill={accent} opacity={0.55} listening={false} />
      <Text
        x={column.x + 14}
        y={column.y + (lane ? 11 : 12)}
        width={column.width - 56}
        text={label}
        fontSize={14}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#0f172a"
        wrap="none"
        ellipsis
        listening={false}
      />
      {!lane && (
        <Text
          x={column.x + 14}
          y={column.y + 31}
          width={column.width - 28}
          height={27}
          text={prompt}
          fontSize={10.5}
          lineHeight={1.15}
          fontFamily={FONT_FAMILY}
          fill="#64748b"
          ellipsis
          listening={false}
        />
      )}
      {lane && (
        <Text x={column.x + 150} y={column.y + 12} width={column.width - 200} text={prompt} fontSize={11.5} fontFamily={FONT_FAMILY} fill="#78716c" wrap="none" ellipsis listening={false} />
      )}
      {empty && !lane && (
        <Text
          x={column.cardX + 6}
          y={column.header.y + column.header.height + 18}
          width={column.cardWidth - 12}
          text={editable ? `${prompt}\n\nDouble-click here or press + to add a card.` : prompt}
          fontSize={12}
          lineHeight={1.4}
          fontFamily={FONT_FAMILY}
          fill="#94a3b8"
          align="center"
          listening={false}
        />
      )}
      {empty && lane && editable && (
        <Text x={column.cardX + 4} y={column.y + column.header.height + 24} text="Double-click here or press + to add a card." fontSize={12} fontFamily={FONT_FAMILY} fill="#a8a29e" listening={false} />
      )}
      {editable && (
        <Group
          x={addX}
          y={addY}
          name="column-add"
          onPointerDown={(event) => {
            event.cancelBubble = true;
          }}
          onClick={(event) => {
            event.cancelBubble = true;
            onAdd(null);
          }}
          onTap={() => onAdd(null)}
          onMouseEnter={(event) => {
            const c = event.target.getStage()?.container();
            if (c) c.style.cursor = 'pointer';
          }}
          onMouseLeave={(event) => {
            const c = event.target.getStage()?.container();
            if (c) c.style.cursor = '';
          }}
        >
          <Rect width={22} height={22} cornerRadius={6} fill="#ffffff" stroke="#cbd5e1" strokeWidth={1} />
          <Line points={[11, 6, 11, 16]} stroke="#334155" strokeWidth={1.6} lineCap="round" listening={false} />
          <Line points={[6, 11, 16, 11]} stroke="#334155" strokeWidth={1.6} lineCap="round" listening={false} />
        </Group>
      )}
    </Group>
  );
});

export function LinkHandle({ box, onPointerDown, onHover }: { box: { x: number; y: number; width: number; height: number }; onPointerDown(e: Konva.KonvaEventObject<PointerEvent>): void; onHover(inside: boolean): void }) {
  const [over, setOver] = useState(false);
  return (
    <Group
      x={box.x + box.width}
      y={box.y + box.height / 2}
      name="link-handle"
      onPointerDown={onPointerDown}
      onMouseEnter={(event) => {
        setOver(true);
        onHover(true);
        const c = event.target.getStage()?.container();
        if (c) c.style.cursor = 'crosshair';
      }}
      onMouseLeave={(event) => {
        setOver(false);
        onHover(false);
        const c = event.target.getStage()?.container();
        if (c) c.style.cursor = '';
      }}
    >
      <Circle radius={14} fill="transparent" />
      <Circle radius={over ? 8 : 6.5} fill={over ? '#2563eb' : '#ffffff'} stroke="#2563eb" strokeWidth={1.75} />
      <Line points={[-2.5, 0, 2.5, 0]} stroke={over ? '#ffffff' : '#2563eb'} strokeWidth={1.5} lineCap="round" listening={false} />
    </Group>
  );
}
