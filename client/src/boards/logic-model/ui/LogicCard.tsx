import { memo } from 'react';
import { Circle, Group, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import type { LogicNode, Partner } from '@pc/shared';
import type { CheckSeverity } from '../model/checks';
import type { CardBox } from '../model/columnLayout';
import { COLUMN_FACTS } from '../model/templates';
import { CARD, FONT_FAMILY, LINE_PX, cardHasFooter, textWidth } from './cardMetrics';
import { COLUMN_ACCENT, SEVERITY_COLOUR, STATUS_COLOUR, STATUS_LABEL } from './theme';

/** Stable callbacks from the board layer; identity never changes, so memo holds. */
export interface CardHandlers {
  select(id: string): void;
  edit(id: string): void;
  hover(id: string | null): void;
  dragStart(id: string): void;
  dragMove(id: string): void;
  dragEnd(id: string, node: Konva.Node): void;
}

interface LogicCardProps {
  node: LogicNode;
  box: CardBox;
  lead: Partner | null;
  severity: CheckSeverity | null;
  checkCount: number;
  selected: boolean;
  /** Outside the highlighted pathway while another card is selected. */
  dimmed: boolean;
  editing: boolean;
  draggable: boolean;
  editable: boolean;
  /** Level of detail: text only where it is readable, the shadow only where it shows. */
  showText: boolean;
  showShadow: boolean;
  handlers: CardHandlers;
}

const PILL_H = 18;
/** How far the drop shadow reaches under the card (world units). */
export const CARD_SHADOW_PX = 1.5;

/**
 * One card. Memoised: the collection store keeps a record's object identical
 * until that record changes, and the box is reused while the layout is.
 */
export const LogicCard = memo(function LogicCard({ node, box, lead, severity, checkCount, selected, dimmed, editing, draggable, editable, showText, showShadow, handlers }: LogicCardProps) {
  const empty = node.text.trim() === '';
  const footer = cardHasFooter(node);
  const textHeight = box.height - CARD.padTop - CARD.padBottom - (footer ? CARD.footer : 0);
  const accent = COLUMN_ACCENT[node.column];
  return (
    <Group
      id={`logic-${node.id}`}
      name="logic-card"
      x={box.x}
      y={box.y}
      opacity={dimmed ? 0.35 : 1}
      draggable={draggable}
      onPointerDown={(event) => {
        if (event.evt.button !== 0) return;
        event.cancelBubble = true;
        handlers.select(node.id);
      }}
      onDblClick={(event) => {
        event.cancelBubble = true;
        handlers.edit(node.id);
      }}
      onDblTap={(event) => {
        event.cancelBubble = true;
        handlers.edit(node.id);
      }}
      onDragStart={() => handlers.dragStart(node.id)}
      onDragMove={() => handlers.dragMove(node.id)}
      onDragEnd={(event) => handlers.dragEnd(node.id, event.target)}
      onMouseEnter={() => handlers.hover(node.id)}
      onMouseLeave={() => handlers.hover(null)}
    >
      {showShadow && <Rect x={0} y={CARD_SHADOW_PX} width={box.width} height={box.height} cornerRadius={8} fill="rgba(15, 23, 42, 0.06)" listening={false} perfectDrawEnabled={false} />}
      <Rect
        width={box.width}
        height={box.height}
        cornerRadius={8}
        fill="#ffffff"
        stroke={selected ? '#2563eb' : '#d5dde8'}
        strokeWidth={selected ? 2 : 1}
        strokeScaleEnabled={false}
        perfectDrawEnabled={false}
      />
      <Rect x={0} y={6} width={3} height={box.height - 12} cornerRadius={2} fill={accent} listening={false} perfectDrawEnabled={false} />
      {!editing && showText && (
        <Text
          x={CARD.padX}
          y={CARD.padTop}
          width={textWidth()}
          height={Math.max(LINE_PX, textHeight)}
          text={empty ? (editable ? 'Double-click to write' : 'Untitled') : node.text}
          fontSize={CARD.fontSize}
          lineHeight={CARD.lineHeight}
          fontFamily={FONT_FAMILY}
          fill={empty ? '#94a3b8' : '#1e293b'}
          wrap="word"
          ellipsis
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      {severity && (
        <Group x={box.width - 15} y={15} listening={false}>
          <Circle radius={9} fill={SEVERITY_COLOUR[severity]} perfectDrawEnabled={false} />
          {showText && (
            <Text
              x={-9}
              y={-6}
              width={18}
              align="center"
              text={checkCount > 9 ? '9+' : String(checkCount)}
              fontSize={11}
              fontStyle="bold"
              fontFamily={FONT_FAMILY}
              fill="#ffffff"
              perfectDrawEnabled={false}
            />
          )}
        </Group>
      )}
      {footer && <CardFooter node={node} lead={lead} width={box.width} y={box.height - CARD.footer - 4} showText={showText} />}
    </Group>
  );
});

function CardFooter({ node, lead, width, y, showText }: { node: LogicNode; lead: Partner | null; width: number; y: number; showText: boolean }) {
  if (node.column === 'activities') {
    const status = STATUS_COLOUR[node.status];
    const statusText = STATUS_LABEL[node.status];
    const statusWidth = statusText.length * 6.2 + 14;
    const leadWidth = width - CARD.padX * 2 - statusWidth - 6;
    return (
      <Group x={CARD.padX} y={y + 4} listening={false}>
        {lead ? (
          <>
            <Rect width={leadWidth} height={PILL_H} cornerRadius={PILL_H / 2} fill={lead.colour} perfectDrawEnabled={false} />
            {showText && <Text x={8} y={3} width={leadWidth - 14} text={lead.name} fontSize={11.5} fontStyle="bold" fontFamily={FONT_FAMILY} fill="#ffffff" wrap="none" ellipsis perfectDrawEnabled={false} />}
          </>
        ) : (
          <>
            <Rect width={leadWidth} height={PILL_H} cornerRadius={PILL_H / 2} stroke="#cbd5e1" dash={[3, 3]} strokeWidth={1} perfectDrawEnabled={false} />
            {showText && <Text x={8} y={3} width={leadWidth - 14} text="No lead partner" fontSize={11.5} fontFamily={FONT_FAMILY} fill="#64748b" wrap="none" ellipsis perfectDrawEnabled={false} />}
          </>
        )}
        <Rect x={leadWidth + 6} width={statusWidth} height={PILL_H} cornerRadius={4} fill={status.fill} perfectDrawEnabled={false} />
        {showText && <Text x={leadWidth + 6} y={3.5} width={statusWidth} align="center" text={statusText} fontSize={11} fontFamily={FONT_FAMILY} fill={status.text} perfectDrawEnabled={false} />}
      </Group>
    );
  }
  if (!COLUMN_FACTS[node.column].carriesIndicators) return null;
  const count = node.indicators.filter((i) => i.trim() !== '').length;
  const label = count === 0 ? 'No indicator yet' : count === 1 ? `Indicator: ${node.indicators.find((i) => i.trim())}` : `${count} indicators`;
  return (
    <Group x={CARD.padX} y={y + 4} listening={false}>
      <Rect width={width - CARD.padX * 2} height={PILL_H} cornerRadius={4} fill={count === 0 ? '#f8fafc' : '#f0fdfa'} stroke={count === 0 ? '#e2e8f0' : '#99f6e4'} strokeWidth={1} perfectDrawEnabled={false} />
      {showText && <Text x={7} y={3.5} width={width - CARD.padX * 2 - 12} text={label} fontSize={11} fontFamily={FONT_FAMILY} fill={count === 0 ? '#64748b' : '#0f766e'} wrap="none" ellipsis perfectDrawEnabled={false} />}
    </Group>
  );
}
