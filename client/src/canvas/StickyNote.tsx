import { memo, useState } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import type { CanvasItem } from '@pc/shared';
import type { Point } from '../lib/geometry';
import { FONT_FAMILY } from '../lib/theme';
import { pressProps } from './pressProps';

export const NOTE_PADDING_X = 14;
export const NOTE_PADDING_Y = 12;
export const NOTE_FONT_SIZE = 16;
export const NOTE_LINE_HEIGHT = 1.3;
/** How far the drop shadow reaches beyond the note (world units). */
export const NOTE_SHADOW_PX = 3;

/** Stable callbacks from the canvas; identity never changes, so memo holds. */
export interface NoteHandlers {
  /** `additive`: shift held, toggle the note in the selection. */
  select(id: string, additive: boolean): void;
  edit(id: string): void;
  dragStart(id: string): void;
  dragMove(id: string, to: Point): void;
  dragEnd(id: string, to: Point): void;
  hover(id: string | null): void;
  /** A press on a note drawn in a batch: select it, and drag it if the pointer moves on. */
  grab(id: string, event: PointerEvent): void;
}

/** What a note shows: its text, or (to editors) a hint on an empty note. */
export function noteLabel(item: CanvasItem, editable: boolean): { text: string; placeholder: boolean } {
  if (item.text.trim() !== '') return { text: item.text, placeholder: false };
  return { text: editable ? 'Double-click to write' : '', placeholder: true };
}

interface StickyNoteProps {
  item: CanvasItem;
  selected: boolean;
  editing: boolean;
  draggable: boolean;
  editable: boolean;
  /** Level of detail: the text is drawn only where it is readable, the shadow where it shows. */
  showText: boolean;
  showShadow: boolean;
  handlers: NoteHandlers;
}

/**
 * A sticky note as a node of its own: the selected note and the one being
 * edited (every other note is drawn by a `NoteBatch`). Memoised on the item object, which the collection store keeps
 * identical until that record changes, so other people's edits elsewhere never
 * re-render it. Konva moves the node itself while dragging; during a drag the
 * props keep the drag-start position so our own throttled writes (and anyone
 * else's) never yank the note back under the pointer.
 */
export const StickyNote = memo(function StickyNote({ item, selected, editing, draggable, editable, showText, showShadow, handlers }: StickyNoteProps) {
  // State, not a ref: the render after the drop must hand Konva the stored position,
  // or an undo back to the drag-start position would leave the node where it was dropped.
  const [dragOrigin, setDragOrigin] = useState<Point | null>(null);
  const position = dragOrigin ?? item;
  const label = noteLabel(item, editable);
  const nodePosition = (event: Konva.KonvaEventObject<DragEvent>): Point => ({
    x: event.target.x(),
    y: event.target.y(),
  });
  return (
    <Group
      id={item.id}
      name="note"
      x={position.x}
      y={position.y}
      draggable={draggable}
      {...pressProps(item.id, handlers)}
      onDragStart={() => {
        setDragOrigin({ x: item.x, y: item.y });
        handlers.dragStart(item.id);
      }}
      onDragMove={(event) => handlers.dragMove(item.id, nodePosition(event))}
      onDragEnd={(event) => {
        setDragOrigin(null);
        handlers.dragEnd(item.id, nodePosition(event));
      }}
      onMouseEnter={() => handlers.hover(item.id)}
      onMouseLeave={() => handlers.hover(null)}
    >
      {showShadow && (
        <Rect
          x={-1}
          y={1}
          width={item.width + 2}
          height={item.height + NOTE_SHADOW_PX}
          cornerRadius={9}
          fill="rgba(15, 23, 42, 0.07)"
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
      <Rect
        width={item.width}
        height={item.height}
        cornerRadius={8}
        fill={item.colour}
        stroke={selected ? '#2563eb' : 'rgba(15, 23, 42, 0.14)'}
        strokeWidth={selected ? 2 : 1}
        strokeScaleEnabled={false}
        perfectDrawEnabled={false}
      />
      {!editing && showText && (
        <Text
          x={NOTE_PADDING_X}
          y={NOTE_PADDING_Y}
          width={Math.max(0, item.width - 2 * NOTE_PADDING_X)}
          height={Math.max(0, item.height - 2 * NOTE_PADDING_Y)}
          text={label.text}
          fontSize={NOTE_FONT_SIZE}
          lineHeight={NOTE_LINE_HEIGHT}
          fontFamily={FONT_FAMILY}
          fill={label.placeholder ? '#6b7280' : '#1f2937'}
          wrap="word"
          ellipsis
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  );
});
