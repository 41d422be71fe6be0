import { memo } from 'react';
import { Arc, Circle, Group, Text } from 'react-konva';
import type Konva from 'konva';
import { FONT_FAMILY } from '../../../lib/theme';
import { labelFontSize, labelOffsetY, labelWidth as labelBoxWidth, LABEL_LINE_HEIGHT, LABEL_LINES } from '../model/cardMetrics';

/** Stable callbacks from the layers component; identity never changes, so memo holds. */
export interface CardHandlers {
  pointerDown(id: string, event: Konva.KonvaEventObject<PointerEvent>): void;
  handleDown(id: string, event: Konva.KonvaEventObject<PointerEvent>): void;
  open(id: string): void;
  hover(id: string | null): void;
}

export interface CardProps {
  id: string;
  name: string;
  x: number;
  y: number;
  radius: number;
  scale: number;
  fill: string;
  /** Owning partners' colours joined with commas (a string, so memo compares by value). */
  owners: string;
  selected: boolean;
  /** Search is active and this card matches (halo) or does not (faded). */
  highlight: 'hit' | 'miss' | null;
  isPartner: boolean;
  showLabel: boolean;
  /** Show the "draw a relationship" handle (network layout, selected, editable). */
  handle: boolean;
  handlers: CardHandlers | null;
}

export { LABEL_FONT_SIZE } from '../model/cardMetrics';

/**
 * One stakeholder as Konva nodes, for the card being dragged (every other card
 * is painted by cardPainter.ts, to the same pixels): a circle in the encoded colour, a segmented outline in the
 * owning partners' colours, the name underneath. Memoised on plain props: the
 * collection store keeps unchanged records identical, so a drag re-renders the
 * dragged card only.
 */
export const StakeholderCard = memo(function StakeholderCard(props: CardProps) {
  const { id, name, x, y, radius, scale, fill, owners, selected, highlight, isPartner, showLabel, handle, handlers } = props;
  const ownerColours = owners === '' ? [] : owners.split(',');
  const labelWidth = labelBoxWidth(scale);
  const fontSize = labelFontSize(scale);
  return (
    <Group
      x={x}
      y={y}
      name="stakeholder"
      id={`stakeholder-${id}`}
      opacity={highlight === 'miss' ? 0.28 : 1}
      listening={handlers !== null}
      onPointerDown={(event) => handlers?.pointerDown(id, event)}
      onDblClick={(event) => {
        event.cancelBubble = true;
        handlers?.open(id);
      }}
      onDblTap={(event) => {
        event.cancelBubble = true;
        handlers?.open(id);
      }}
      onMouseEnter={() => handlers?.hover(id)}
      onMouseLeave={() => handlers?.hover(null)}
    >
      {highlight === 'hit' && <Circle radius={radius + 9} fill="#fde047" opacity={0.85} listening={false} perfectDrawEnabled={false} />}
      {ownerColours.length === 1 && (
        <Circle radius={radius + 3.5} stroke={ownerColours[0]} strokeWidth={4} listening={false} perfectDrawEnabled={false} />
      )}
      {ownerColours.length > 1 &&
        ownerColours.map((colour, i) => (
          <Arc
            key={`${colour}-${i}`}
            innerRadius={radius + 1.5}
            outerRadius={radius + 5.5}
            angle={360 / ownerColours.length}
            rotation={-90 + (360 / ownerColours.length) * i}
            fill={colour}
            listening={false}
            perfectDrawEnabled={false}
          />
        ))}
      <Circle
        radius={radius}
        fill={fill}
        stroke={selected ? '#1d4ed8' : '#ffffff'}
        strokeWidth={selected ? 3 : 1.5}
        shadowColor="#0f172a"
        shadowOpacity={selected ? 0.25 : 0}
        shadowBlur={selected ? 8 : 0}
        shadowForStrokeEnabled={false}
        perfectDrawEnabled={false}
      />
      {selected && <Circle radius={radius + (ownerColours.length ? 9 : 6)} stroke="#2563eb" strokeWidth={1.5} dash={[4, 3]} listening={false} perfectDrawEnabled={false} />}
      {isPartner && (
        <Group x={radius * 0.72} y={-radius * 0.72} listening={false}>
          <Circle radius={8} fill="#0f172a" stroke="#ffffff" strokeWidth={1.5} perfectDrawEnabled={false} />
          <Text text="P" fontSize={10} fontStyle="bold" fill="#ffffff" x={-3.5} y={-5} fontFamily={FONT_FAMILY} perfectDrawEnabled={false} />
        </Group>
      )}
      {showLabel && (
        <Text
          x={-labelWidth / 2}
          y={labelOffsetY(radius, ownerColours.length)}
          width={labelWidth}
          height={fontSize * LABEL_LINE_HEIGHT * LABEL_LINES}
          text={name}
          align="center"
          fontSize={fontSize}
          lineHeight={LABEL_LINE_HEIGHT}
          fontFamily={FONT_FAMILY}
          fontStyle={selected ? 'bold' : 'normal'}
          fill="#0f172a"
          wrap="word"
          ellipsis
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {handle && (
        <Group
          x={radius + 14}
          y={0}
          name="edge-handle"
          onPointerDown={(event) => {
            event.cancelBubble = true;
            handlers?.handleDown(id, event);
          }}
        >
          <Circle radius={9} fill="#ffffff" stroke="#2563eb" strokeWidth={2} perfectDrawEnabled={false} />
          <Text text="+" fontSize={14} fontStyle="bold" fill="#2563eb" x={-4.2} y={-7.5} listening={false} fontFamily={FONT_FAMILY} perfectDrawEnabled={false} />
        </Group>
      )}
    </Group>
  );
});
