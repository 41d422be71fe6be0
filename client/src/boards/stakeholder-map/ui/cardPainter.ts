/**
 * Paints stakeholder cards straight onto a 2D context, in world coordinates:
 * the pixels the per-card Konva node tree drew (circle, owner rings, partner
 * mark, search halo and fading, selection, name label, relationship handle)
 * without a node, a hit region or a React fibre per card. Label lines are laid
 * out once per name and size (canvas/textLayout caches them).
 */
import { cachedText, fillTextBlock, layoutText, type TextSpec } from '../../../canvas/textLayout';
import {
  HANDLE_RADIUS,
  handleCentre,
  LABEL_LINE_HEIGHT,
  LABEL_LINES,
  labelFontSize,
  labelOffsetY,
  labelShown,
  labelWidth,
} from '../model/cardMetrics';
import type { CardDraw } from '../model/cardScene';

const TAU = Math.PI * 2;
const DEG = Math.PI / 180;
const TEXT_COLOUR = '#0f172a';
const SELECTED_STROKE = '#1d4ed8';
const ACCENT = '#2563eb';

function circle(ctx: CanvasRenderingContext2D, x: number, y: number, r: number) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, TAU, false);
  ctx.closePath();
}

/** A one-line mark (the partner "P", the handle's "+") with its line box's top-left at (x, y). */
function mark(ctx: CanvasRenderingContext2D, value: string, x: number, y: number, size: number, colour: string) {
  fillTextBlock(ctx, layoutText({ text: value, width: 4 * size, fontSize: size, fontStyle: 'bold' }), x, y, colour);
}

/** The current scale of the context (world to device pixels), for shadow blur as Konva scales it. */
function deviceScale(ctx: CanvasRenderingContext2D): number {
  const m = ctx.getTransform();
  return Math.min(Math.hypot(m.a, m.b), Math.hypot(m.c, m.d));
}

/**
 * A frame's allowance for laying out labels not laid out before: past
 * `until` (a `performance.now()` time), such labels are left out and counted
 * in `skipped`, so a first frame of thousands of cards is not held up by their
 * names; `warmLabels` lays the rest out in idle time and the next frame has them.
 */
export interface LabelBudget {
  until: number;
  skipped: number;
}

/** The label's text box, or null when the zoom makes it unreadable. */
function labelSpec(card: CardDraw, zoom: number): TextSpec | null {
  if (!labelShown(zoom, card.scale)) return null;
  const size = labelFontSize(card.scale);
  return {
    text: card.name,
    width: labelWidth(card.scale),
    height: LABEL_LINES * size * LABEL_LINE_HEIGHT,
    fontSize: size,
    fontStyle: card.selected ? 'bold' : 'normal',
    lineHeight: LABEL_LINE_HEIGHT,
    ellipsis: true,
    align: 'center',
  };
}

/**
 * Lay out the labels of `cards` at `zoom` until `timeLeft()` runs short; true
 * when every one is laid out (the next paint draws them all without measuring).
 */
export function warmLabels(cards: readonly CardDraw[], zoom: number, timeLeft: () => number): boolean {
  for (const card of cards) {
    const spec = labelSpec(card, zoom);
    if (!spec || cachedText(spec)) continue;
    if (timeLeft() < 1) return false;
    layoutText(spec);
  }
  return true;
}

/** One card at its world position; `zoom` decides whether its label is readable. */
export function paintCard(ctx: CanvasRenderingContext2D, card: CardDraw, zoom: number, budget?: LabelBudget): void {
  const { x, y, radius, owners, selected } = card;
  const alpha = card.highlight === 'miss' ? 0.28 : 1;
  ctx.globalAlpha = alpha;
  if (card.highlight === 'hit') {
    ctx.globalAlpha = 0.85;
    circle(ctx, x, y, radius + 9);
    ctx.fillStyle = '#fde047';
    ctx.fill();
    ctx.globalAlpha = alpha;
  }
  if (owners.length === 1) {
    circle(ctx, x, y, radius + 3.5);
    ctx.strokeStyle = owners[0]!;
    ctx.lineWidth = 4;
    ctx.stroke();
  } else if (owners.length > 1) {
    const step = 360 / owners.length;
    owners.forEach((colour, i) => {
      const start = (-90 + step * i) * DEG;
      const end = start + step * DEG;
      ctx.beginPath();
      ctx.arc(x, y, radius + 5.5, start, end, false);
      ctx.arc(x, y, radius + 1.5, end, start, true);
      ctx.closePath();
      ctx.fillStyle = colour;
      ctx.fill();
    });
  }
  circle(ctx, x, y, radius);
  ctx.fillStyle = card.fill;
  if (selected) {
    ctx.save();
    ctx.shadowColor = 'rgba(15,23,42,0.25)';
    ctx.shadowBlur = 8 * deviceScale(ctx);
    ctx.fill();
    ctx.restore();
    ctx.strokeStyle = SELECTED_STROKE;
    ctx.lineWidth = 3;
  } else {
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5;
  }
  ctx.stroke();
  if (selected) {
    circle(ctx, x, y, radius + (owners.length ? 9 : 6));
    ctx.strokeStyle = ACCENT;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([4, 3]);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (card.isPartner) {
    const px = x + radius * 0.72;
    const py = y - radius * 0.72;
    circle(ctx, px, py, 8);
    ctx.fillStyle = TEXT_COLOUR;
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
    mark(ctx, 'P', px - 3.5, py - 5, 10, '#ffffff');
  }
  const spec = labelSpec(card, zoom);
  if (spec) {
    let block = cachedText(spec);
    if (!block && budget && performance.now() > budget.until) budget.skipped += 1;
    else block ??= layoutText(spec);
    if (block) fillTextBlock(ctx, block, x - spec.width / 2, y + labelOffsetY(radius, owners.length), TEXT_COLOUR);
  }
  if (card.handle) {
    const c = handleCentre(card);
    circle(ctx, c.x, c.y, HANDLE_RADIUS);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.strokeStyle = ACCENT;
    ctx.lineWidth = 2;
    ctx.stroke();
    mark(ctx, '+', c.x - 4.2, c.y - 7.5, 14, ACCENT);
  }
  ctx.globalAlpha = 1;
}

/** Cards in order, with the context's own state left as it was. */
export function paintCards(ctx: CanvasRenderingContext2D, cards: readonly CardDraw[], zoom: number, budget?: LabelBudget): void {
  ctx.save();
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.lineJoin = 'miter';
  for (const card of cards) paintCard(ctx, card, zoom, budget);
  ctx.restore();
}
