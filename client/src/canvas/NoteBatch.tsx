import { memo, useMemo } from 'react';
import { Shape } from 'react-konva';
import type Konva from 'konva';
import type { CanvasItem } from '@pc/shared';
import { screenToWorld } from './camera';
import { stagePointer } from './pointer';
import { cullToViewport } from './spatialIndex';
import { topItemAt } from './items';
import { stageWorldRect } from './noteLayer';
import { measurerFor, wrapText } from './textLayout';
import { fontFor } from '../lib/theme';
import { NOTE_FONT_SIZE, NOTE_LINE_HEIGHT, NOTE_PADDING_X, NOTE_PADDING_Y, NOTE_SHADOW_PX, noteLabel, type NoteHandlers } from './StickyNote';

const FONT = fontFor(NOTE_FONT_SIZE);
const LINE_PX = NOTE_FONT_SIZE * NOTE_LINE_HEIGHT;

/** Wrapped lines per note object: the collection store keeps the object until that record changes. */
const layouts = new WeakMap<CanvasItem, { label: string; lines: string[] }>();
function linesOf(item: CanvasItem, label: string): string[] {
  const cached = layouts.get(item);
  if (cached && cached.label === label) return cached.lines;
  const lines = wrapText(label, item.width - 2 * NOTE_PADDING_X, Math.floor((item.height - 2 * NOTE_PADDING_Y) / LINE_PX), measurerFor(FONT)).map((line) => line.text);
  layouts.set(item, { label, lines });
  return lines;
}

interface NoteBatchProps {
  items: readonly CanvasItem[];
  editable: boolean;
  showText: boolean;
  showShadow: boolean;
  handlers: NoteHandlers;
}

function noteAtPointer(shape: Konva.Node, items: readonly CanvasItem[]): CanvasItem | undefined {
  const stage = shape.getStage();
  const pointer = stagePointer(stage);
  if (!stage || !pointer) return undefined;
  const world = screenToWorld({ x: stage.x(), y: stage.y(), zoom: stage.scaleX() }, pointer);
  return topItemAt(items, world.x, world.y);
}

/**
 * Ordinary notes (not selected, not being edited) drawn by one Konva shape: a
 * node per note costs React and Konva far more than the drawing itself on a
 * board of thousands. Each frame draws only the notes inside the stage's view;
 * the hit graph is the notes' boxes, and which note a pointer is on comes from
 * those boxes (the topmost in z-order). Pressing a note selects it, which makes
 * it a real node (StickyNote) that takes the drag.
 */
export const NoteBatch = memo(function NoteBatch({ items, editable, showText, showShadow, handlers }: NoteBatchProps) {
  const { sceneFunc, hitFunc } = useMemo(() => {
    const onScreen = (shape: Konva.Shape): CanvasItem[] => {
      const stage = shape.getStage();
      if (!stage) return [];
      const view = stageWorldRect({ x: stage.x(), y: stage.y(), scale: stage.scaleX(), width: stage.width(), height: stage.height() });
      return cullToViewport(items, view);
    };
    const scene = (context: Konva.Context, shape: Konva.Shape) => {
      const ctx = context._context;
      const scale = shape.getStage()?.scaleX() ?? 1;
      const visible = onScreen(shape);
      ctx.lineWidth = 1 / scale;
      ctx.strokeStyle = 'rgba(15, 23, 42, 0.14)';
      for (const item of visible) {
        if (showShadow) {
          ctx.fillStyle = 'rgba(15, 23, 42, 0.07)';
          ctx.beginPath();
          ctx.roundRect(item.x - 1, item.y + 1, item.width + 2, item.height + NOTE_SHADOW_PX, 9);
          ctx.fill();
        }
        ctx.fillStyle = item.colour;
        ctx.beginPath();
        ctx.roundRect(item.x, item.y, item.width, item.height, 8);
        ctx.fill();
        ctx.stroke();
      }
      if (!showText) return;
      ctx.font = FONT;
      ctx.textBaseline = 'middle';
      for (const item of visible) {
        const { text, placeholder } = noteLabel(item, editable);
        if (text === '') continue;
        ctx.fillStyle = placeholder ? '#6b7280' : '#1f2937';
        const lines = linesOf(item, text);
        for (let i = 0; i < lines.length; i++) ctx.fillText(lines[i]!, item.x + NOTE_PADDING_X, item.y + NOTE_PADDING_Y + (i + 0.5) * LINE_PX);
      }
    };
    const hit = (context: Konva.Context, shape: Konva.Shape) => {
      context.beginPath();
      for (const item of onScreen(shape)) context.rect(item.x, item.y, item.width, item.height);
      context.closePath();
      context.fillShape(shape);
    };
    return { sceneFunc: scene, hitFunc: hit };
  }, [items, editable, showText, showShadow]);

  return (
    <Shape
      name="note-batch"
      sceneFunc={sceneFunc}
      hitFunc={hitFunc}
      perfectDrawEnabled={false}
      onPointerDown={(event) => {
        if (event.evt.button !== 0) return;
        const item = noteAtPointer(event.target, items);
        if (item) handlers.grab(item.id, event.evt);
      }}
      onDblTap={(event) => {
        const item = noteAtPointer(event.target, items);
        if (item) handlers.edit(item.id);
      }}
      onMouseEnter={() => handlers.hover('batch')}
      onMouseLeave={() => handlers.hover(null)}
    />
  );
});
