import type { CanvasItem } from '@pc/shared';
import type { Rect } from '../lib/geometry';

/**
 * One stretch of the notes layer, in z-order: a batch of ordinary notes drawn
 * together by one Konva shape, or one note that is a real node of its own
 * (selected or being edited: it takes drags, a selection outline and the editor).
 */
export type NoteLayerPart = { kind: 'batch'; key: string; items: CanvasItem[] } | { kind: 'node'; key: string; item: CanvasItem };

/**
 * Split z-ordered notes around the ones that are real nodes, so each of those
 * stays exactly where its z-order puts it between the batches.
 */
export function splitNoteLayer(items: readonly CanvasItem[], nodeIds: ReadonlySet<string>): NoteLayerPart[] {
  const parts: NoteLayerPart[] = [];
  let batch: CanvasItem[] = [];
  const flush = () => {
    if (batch.length > 0) parts.push({ kind: 'batch', key: `batch-${parts.length}`, items: batch });
    batch = [];
  };
  for (const item of items) {
    if (nodeIds.has(item.id)) {
      flush();
      parts.push({ kind: 'node', key: item.id, item });
    } else batch.push(item);
  }
  flush();
  return parts;
}

/** The world rectangle a stage shows: what a batch draws each frame (the rest is off screen). */
export function stageWorldRect(stage: { x: number; y: number; scale: number; width: number; height: number }): Rect {
  return { x: -stage.x / stage.scale, y: -stage.y / stage.scale, width: stage.width / stage.scale, height: stage.height / stage.scale };
}
