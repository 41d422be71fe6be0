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

export const ELLIPSIS = '…';

/**
 * Word-wrapped lines of a note's text within `maxWidth`, at most `maxLines`;
 * text that does not fit ends in an ellipsis (as Konva.Text with wrap="word"
 * and ellipsis draws it). Words longer than a line break between characters.
 */
export function layoutNoteText(text: string, maxWidth: number, maxLines: number, measure: (s: string) => number): string[] {
  if (maxLines <= 0 || maxWidth <= 0) return [];
  const lines: string[] = [];
  let truncated = false;
  const push = (line: string): boolean => {
    if (lines.length === maxLines) {
      truncated = true;
      return false;
    }
    lines.push(line);
    return true;
  };
  outer: for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '' && !push(line)) break outer;
      line = '';
      let rest = word;
      // A word wider than the note: as many characters per line as fit.
      while (measure(rest) > maxWidth && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut)) > maxWidth) cut--;
        if (!push(rest.slice(0, cut))) break outer;
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (!push(line)) break;
  }
  if (truncated && lines.length > 0) {
    let last = lines[lines.length - 1]!;
    while (last.length > 0 && measure(last + ELLIPSIS) > maxWidth) last = last.slice(0, -1);
    lines[lines.length - 1] = last.trimEnd() + ELLIPSIS;
  }
  return lines;
}
