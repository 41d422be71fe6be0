import { type LogicNode, COLUMN_FACTS } from '@pc/shared';
import { DEFAULT_COLUMN_LAYOUT } from '../model/columnLayout';
import { FONT_FAMILY } from '../../../lib/theme';

/** Card geometry shared by the Konva card, the text editor overlay and the layout. */
export const CARD = {
  width: DEFAULT_COLUMN_LAYOUT.columnWidth - 2 * DEFAULT_COLUMN_LAYOUT.padding,
  padX: 12,
  padTop: 11,
  padBottom: 10,
  fontSize: 14,
  lineHeight: 1.35,
  maxLines: 6,
  footer: 26,
  minHeight: 52,
  /** Room on the right of the text for the check badge. */
  badgeRoom: 22,
} as const;


export const LINE_PX = CARD.fontSize * CARD.lineHeight;

let context: CanvasRenderingContext2D | null | undefined;
function measureContext(): CanvasRenderingContext2D | null {
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context) context.font = `${CARD.fontSize}px ${FONT_FAMILY}`;
  }
  return context;
}

const lineCache = new Map<string, number>();
const wordWidths = new Map<string, number>();

/**
 * Width of one word (or a space), measured once: measuring a string the canvas
 * has not seen costs ~0.1 ms, and a 10,000-card board repeats the same words
 * over and over. A line's width is the sum of its words' and spaces' widths.
 */
function wordWidth(ctx: CanvasRenderingContext2D | null, word: string): number {
  let width = wordWidths.get(word);
  if (width === undefined) {
    width = ctx ? ctx.measureText(word).width : word.length * CARD.fontSize * 0.55;
    if (wordWidths.size > 50_000) wordWidths.clear();
    wordWidths.set(word, width);
  }
  return width;
}

/** Lines the text wraps to at the card's text width (word wrap, as Konva.Text does). */
export function wrappedLines(text: string, width: number): number {
  const key = `${width}\u0000${text}`;
  const cached = lineCache.get(key);
  if (cached !== undefined) return cached;
  const ctx = measureContext();
  const space = wordWidth(ctx, ' ');
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      lines += 1;
      continue;
    }
    let current = -1;
    lines += 1;
    for (const word of words) {
      const w = wordWidth(ctx, word);
      const next = current < 0 ? w : current + space + w;
      if (next <= width || current < 0) {
        current = next;
        // A single word wider than the line breaks by characters.
        if (current > width) lines += Math.floor(current / width);
      } else {
        lines += 1;
        current = w;
      }
    }
  }
  if (lineCache.size > 20_000) lineCache.clear();
  lineCache.set(key, lines);
  return lines;
}

export function cardHasFooter(node: Pick<LogicNode, 'column'>): boolean {
  return node.column === 'activities' || COLUMN_FACTS[node.column].carriesIndicators;
}

export function textWidth(): number {
  return CARD.width - 2 * CARD.padX - CARD.badgeRoom;
}

export function cardHeight(node: Pick<LogicNode, 'column' | 'text'>): number {
  const lines = Math.min(CARD.maxLines, Math.max(1, wrappedLines(node.text.trim() === '' ? ' ' : node.text, textWidth())));
  const body = CARD.padTop + lines * LINE_PX + CARD.padBottom + (cardHasFooter(node) ? CARD.footer : 0);
  return Math.max(CARD.minHeight, Math.ceil(body));
}
