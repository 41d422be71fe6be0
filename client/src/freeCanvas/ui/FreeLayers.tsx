import { memo, useEffect, useRef, useState } from 'react';
import { Arrow, Circle, Group, Label, Rect, Tag, Text } from 'react-konva';
import type Konva from 'konva';
import type { CanvasItem } from '@pc/shared';
import type { Point, Rect as WorldRect } from '../../lib/geometry';
import { FONT_FAMILY } from '../../lib/theme';
import { pressProps } from '../../canvas/pressProps';
import type { ConnectorRoute } from '../model/connector';
import {
  CONNECTOR_LABEL_FONT_SIZE,
  CONNECT_HANDLE_GAP_PX,
  FRAME_PADDING_X,
  FRAME_TITLE_FONT_SIZE,
  FRAME_TITLE_HEIGHT,
  HANDLE_PX,
  SELECTION_COLOUR,
  TEXT_FONT_SIZE,
  TEXT_LINE_HEIGHT,
  TEXT_PADDING,
} from './look';

/** Stable callbacks from the free canvas controller. */
export interface FreeHandlers {
  select(id: string, additive: boolean): void;
  edit(id: string): void;
  dragStart(id: string): void;
  dragMove(id: string, to: Point): void;
  dragEnd(id: string, to: Point): void;
  resizeStart(id: string, event: PointerEvent): void;
  connectStart(id: string, event: PointerEvent): void;
  /** A text item's drawn height, so its stored box matches what shows. */
  measured(id: string, height: number): void;
}

interface ItemProps {
  item: CanvasItem;
  selected: boolean;
  editing: boolean;
  draggable: boolean;
  editable: boolean;
  handlers: FreeHandlers;
}

/**
 * Keep the drag-start position in props while Konva moves the node, as sticky
 * notes do; state, so the render after the drop hands Konva the stored position
 * (an undo back to the start would otherwise leave the node where it was dropped).
 */
function useDrag(item: CanvasItem, handlers: FreeHandlers): { position: Point; props: Partial<Konva.NodeConfig> & Record<string, unknown> } {
  const [origin, setOrigin] = useState<Point | null>(null);
  const at = (event: Konva.KonvaEventObject<DragEvent>): Point => ({ x: event.target.x(), y: event.target.y() });
  return {
    position: origin ?? item,
    props: {
      onDragStart: () => {
        setOrigin({ x: item.x, y: item.y });
        handlers.dragStart(item.id);
      },
      onDragMove: (event: Konva.KonvaEventObject<DragEvent>) => handlers.dragMove(item.id, at(event)),
      onDragEnd: (event: Konva.KonvaEventObject<DragEvent>) => {
        setOrigin(null);
        handlers.dragEnd(item.id, at(event));
      },
    },
  };
}

const FrameNode = memo(function FrameNode({ item, selected, editing, draggable, editable, handlers }: ItemProps) {
  const { position, props } = useDrag(item, handlers);
  return (
    <Group id={item.id} name="frame" x={position.x} y={position.y} draggable={draggable} {...props}>
      {/* The body takes no input: a press there pans or boxes, a double-click adds a note inside. */}
      <Rect width={item.width} height={item.height} cornerRadius={10} fill={item.colour} opacity={0.45} listening={false} perfectDrawEnabled={false} />
      <Rect
        width={item.width}
        height={item.height}
        cornerRadius={10}
        stroke={selected ? SELECTION_COLOUR : 'rgba(15, 23, 42, 0.28)'}
        strokeWidth={selected ? 2 : 1}
        strokeScaleEnabled={false}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Rect
        name="frame-title"
        width={item.width}
        height={FRAME_TITLE_HEIGHT}
        cornerRadius={[10, 10, 0, 0]}
        fill="rgba(15, 23, 42, 0.06)"
        {...pressProps(item.id, handlers)}
      />
      {!editing && (
        <Text
          x={FRAME_PADDING_X}
          y={(FRAME_TITLE_HEIGHT - FRAME_TITLE_FONT_SIZE) / 2}
          width={Math.max(0, item.width - 2 * FRAME_PADDING_X)}
          text={item.text.trim() === '' ? (editable ? 'Untitled frame' : '') : item.text}
          fontSize={FRAME_TITLE_FONT_SIZE}
          fontStyle="bold"
          fontFamily={FONT_FAMILY}
          fill="#334155"
          wrap="none"
          ellipsis
          listening={false}
        />
      )}
    </Group>
  );
});

const TextNode = memo(function TextNode({ item, selected, editing, draggable, editable, handlers }: ItemProps) {
  const { position, props } = useDrag(item, handlers);
  const textRef = useRef<Konva.Text>(null);
  const empty = item.text.trim() === '';
  useEffect(() => {
    const node = textRef.current;
    if (!node || !editable || editing) return;
    const height = Math.ceil(node.height() + 2 * TEXT_PADDING);
    if (Math.abs(height - item.height) > 1) handlers.measured(item.id, height);
  }, [item.text, item.width, item.height, item.id, editable, editing, handlers]);
  return (
    <Group
      id={item.id}
      name="text-item"
      x={position.x}
      y={position.y}
      draggable={draggable}
      {...pressProps(item.id, handlers)}
      {...props}
    >
      <Rect width={item.width} height={item.height} fill="rgba(255,255,255,0.01)" stroke={selected ? SELECTION_COLOUR : undefined} strokeWidth={selected ? 1.5 : 0} dash={[6, 4]} strokeScaleEnabled={false} />
      <Text
        ref={textRef}
        x={TEXT_PADDING}
        y={TEXT_PADDING}
        width={Math.max(0, item.width - 2 * TEXT_PADDING)}
        text={empty ? (editable ? 'Double-click to write' : '') : item.text}
        visible={!editing}
        fontSize={TEXT_FONT_SIZE}
        lineHeight={TEXT_LINE_HEIGHT}
        fontFamily={FONT_FAMILY}
        fill={empty ? '#94a3b8' : item.colour}
        wrap="word"
        listening={false}
      />
    </Group>
  );
});

interface ConnectorProps {
  item: CanvasItem;
  route: ConnectorRoute;
  selected: boolean;
  editing: boolean;
  handlers: FreeHandlers;
}

const ConnectorNode = memo(function ConnectorNode({ item, route, selected, editing, handlers }: ConnectorProps) {
  const press = pressProps(item.id, handlers);
  return (
    <Group id={item.id} name="connector">
      <Arrow
        points={[route.from.x, route.from.y, route.to.x, route.to.y]}
        stroke={selected ? SELECTION_COLOUR : '#475569'}
        fill={selected ? SELECTION_COLOUR : '#475569'}
        strokeWidth={selected ? 3 : 2}
        pointerLength={12}
        pointerWidth={11}
        hitStrokeWidth={14}
        lineCap="round"
        {...press}
      />
      {item.text.trim() !== '' && !editing && (
        <Label x={route.mid.x} y={route.mid.y} {...press}>
          <Tag fill="#ffffff" stroke={selected ? SELECTION_COLOUR : '#cbd5e1'} strokeWidth={1} cornerRadius={4} pointerDirection="none" />
          <Text text={item.text} padding={5} fontSize={CONNECTOR_LABEL_FONT_SIZE} fontFamily={FONT_FAMILY} fill="#1e293b" offsetX={0} />
        </Label>
      )}
    </Group>
  );
});

interface LayerProps {
  items: readonly CanvasItem[];
  selectedIds: ReadonlySet<string>;
  editingId: string | null;
  editable: boolean;
  /** No drags while space is held (that pans) or while a view is read-only. */
  dragging: boolean;
  /** Held by a facilitator's lock: shown, selectable, never dragged. */
  locked(id: string): boolean;
  handlers: FreeHandlers;
}

/** Frames, under every note (a group in the canvas's notes layer). */
export function FramesGroup({ items, selectedIds, editingId, editable, dragging, locked, handlers }: LayerProps) {
  const frames = items.filter((item) => item.kind === 'frame');
  return (
    <Group visible={frames.length > 0}>
      {frames.map((item) => (
        <FrameNode key={item.id} item={item} selected={selectedIds.has(item.id)} editing={item.id === editingId} draggable={editable && dragging && item.id !== editingId && !locked(item.id)} editable={editable} handlers={handlers} />
      ))}
    </Group>
  );
}

interface OverProps extends LayerProps {
  routes: ReadonlyMap<string, ConnectorRoute>;
  /** The one selected item's rectangle where the handles go (resize, connect); null for none. */
  handleRect: WorldRect | null;
  resizable: boolean;
  zoom: number;
  draft: ConnectorRoute | null;
  box: WorldRect | null;
}

/** Whether the free canvas draws anything in the canvas's top layer. */
export function freeOverShown({ items, editingId, editable, routes, handleRect, draft, box }: Pick<OverProps, 'items' | 'editingId' | 'editable' | 'routes' | 'handleRect' | 'draft' | 'box'>): boolean {
  return (handleRect !== null && editable && editingId === null) || draft !== null || box !== null || items.some((item) => item.kind === 'text' || (item.kind === 'connector' && routes.has(item.id)));
}

/** Connectors and text over the notes, then the selection handles, the connector being drawn and the selection box (a group in the canvas's top layer). */
export function FreeOverGroup({ items, selectedIds, editingId, editable, dragging, locked, handlers, routes, handleRect, resizable, zoom, draft, box }: OverProps) {
  const handle = HANDLE_PX / zoom;
  const handleFor = handleRect && editable && editingId === null ? handleRect : null;
  const selectedId = selectedIds.size === 1 ? [...selectedIds][0]! : null;
  const drawn = items.filter((item) => item.kind === 'text' || (item.kind === 'connector' && routes.has(item.id)));
  return (
    <Group visible={drawn.length > 0 || handleFor !== null || draft !== null || box !== null}>
      {drawn.map((item) =>
        item.kind === 'connector' ? (
          <ConnectorNode key={item.id} item={item} route={routes.get(item.id)!} selected={selectedIds.has(item.id)} editing={item.id === editingId} handlers={handlers} />
        ) : (
          <TextNode key={item.id} item={item} selected={selectedIds.has(item.id)} editing={item.id === editingId} draggable={editable && dragging && item.id !== editingId && !locked(item.id)} editable={editable} handlers={handlers} />
        ),
      )}
      {handleFor && selectedId && (
        <>
          {resizable && (
            <Rect
              name="resize-handle"
              x={handleFor.x + handleFor.width - handle / 2}
              y={handleFor.y + handleFor.height - handle / 2}
              width={handle}
              height={handle}
              fill="#ffffff"
              stroke={SELECTION_COLOUR}
              strokeWidth={1.5}
              strokeScaleEnabled={false}
              onPointerDown={(event) => {
                if (event.evt.button !== 0) return;
                event.cancelBubble = true;
                handlers.resizeStart(selectedId, event.evt);
              }}
            />
          )}
          <Circle
            name="connect-handle"
            x={handleFor.x + handleFor.width + CONNECT_HANDLE_GAP_PX / zoom}
            y={handleFor.y + handleFor.height / 2}
            radius={handle / 2}
            fill={SELECTION_COLOUR}
            stroke="#ffffff"
            strokeWidth={2}
            strokeScaleEnabled={false}
            onPointerDown={(event) => {
              if (event.evt.button !== 0) return;
              event.cancelBubble = true;
              handlers.connectStart(selectedId, event.evt);
            }}
          />
        </>
      )}
      {draft && (
        <Arrow points={[draft.from.x, draft.from.y, draft.to.x, draft.to.y]} stroke={SELECTION_COLOUR} fill={SELECTION_COLOUR} strokeWidth={2} dash={[8, 6]} pointerLength={12} pointerWidth={11} listening={false} />
      )}
      {box && <Rect x={box.x} y={box.y} width={box.width} height={box.height} fill="rgba(37, 99, 235, 0.08)" stroke={SELECTION_COLOUR} strokeWidth={1} dash={[6, 4]} strokeScaleEnabled={false} listening={false} />}
    </Group>
  );
}
