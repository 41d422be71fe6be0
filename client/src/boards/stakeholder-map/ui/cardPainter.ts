/**
 * Paints stakeholder cards straight onto a 2D context, in world coordinates:
 * the pixels the per-card Konva node tree drew (circle, owner rings, partner
 * mark, search halo and fading, selection, name label, relationship handle)
 * without a node, a hit region or a React fibre per card. Label lines are laid
 * out once per name and size (measuring text is the expensive part).
 */
import Konva from 'konva';
import { FONT_FAMILY } from '../../../lib/theme';
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
import { layoutLabel, type LabelLine } from '../model/labelLayout';

interface Font {
  css: string;
  /** Distance from the top of a line box to the alphabetic baseline, for a line height of 1. */
  baseline: number;
}

let measureContext: CanvasRenderingContext2D | null = null;
function measurer(): CanvasRenderingContext2D {
  if (!measureContext) measureContext = document.createElement('canvas').getContext('2d')!;
  return measureContext;
}

const fonts = new Map<string, Font>();

/** The CSS font and baseline Konva's Text uses for this size and style (same string, same metrics). */
function fontOf(size: number, style: 'normal' | 'bold'): Font {
  const key = `${style}|${size}`;
  let font = fonts.get(key);
  if (!font) {
    const node = new Konva.Text({ fontSize: size, fontStyle: style, fontFamily: FONT_FAMILY }) as unknown as { _getContextFont(): string };
    const css = node._getContextFont();
    const ctx = measurer();
    ctx.font = css;
    const m = ctx.measureText('M');
    const ascent = m.fontBoundingBoxAscent ?? m.actualBoundingBoxAscent;
    const descent = m.fontBoundingBoxDescent ?? m.actualBoundingBoxDescent;
    font = { css, baseline: (ascent - descent) / 2 };
    fonts.set(key, font);
  }
  return font;
}

/** Widths per font, bounded: a board's names share words ("Stakeholder", "Trust"). */
const widths = new Map<string, Map<string, number>>();
const WIDTH_CACHE_LIMIT = 50_000;

function measureWith(font: Font): (text: string) => number {
  let cache = widths.get(font.css);
  if (!cache) widths.set(font.css, (cache = new Map()));
  const table = cache;
  return (text) => {
    let width = table.get(text);
    if (width === undefined) {
      const ctx = measurer();
      if (ctx.font !== font.css) ctx.font = font.css;
      width = ctx.measureText(text).width;
      if (table.size >= WIDTH_CACHE_LIMIT) table.clear();
      table.set(text, width);
    }
    return width;
  };
}

const layouts = new Map<string, LabelLine[]>();
const LAYOUT_CACHE_LIMIT = 30_000;

function labelLines(name: string, font: Font, width: number): LabelLine[] {
  const key = `${font.css}|${width}|${name}`;
  let lines = layouts.get(key);
  if (!lines) {
    lines = layoutLabel(name, width, LABEL_LINES, measureWith(font));
    if (layouts.size >= LAYOUT_CACHE_LIMIT) layouts.clear();
    layouts.set(key, lines);
  }
  return lines;
}

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

function text(ctx: CanvasRenderingContext2D, value: string, x: number, y: number, font: Font, size: number, colour: string) {
  ctx.font = font.css;
  ctx.fillStyle = colour;
  ctx.fillText(value, x, y + font.baseline + size / 2);
}

/** The current scale of the context (world to device pixels), for shadow blur as Konva scales it. */
function deviceScale(ctx: CanvasRenderingContext2D): number {
  const m = ctx.getTransform();
  return Math.min(Math.hypot(m.a, m.b), Math.hypot(m.c, m.d));
}

/** One card at its world position; `zoom` decides whether its label is readable. */
export function paintCard(ctx: CanvasRenderingContext2D, card: CardDraw, zoom: number): void {
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
    text(ctx, 'P', px - 3.5, py - 5, fontOf(10, 'bold'), 10, '#ffffff');
  }
  if (labelShown(zoom, card.scale)) {
    const size = labelFontSize(card.scale);
    const width = labelWidth(card.scale);
    const font = fontOf(size, selected ? 'bold' : 'normal');
    const left = x - width / 2;
    const top = y + labelOffsetY(radius, owners.length);
    const lineHeight = size * LABEL_LINE_HEIGHT;
    const lines = labelLines(card.name, font, width);
    ctx.font = font.css;
    ctx.fillStyle = TEXT_COLOUR;
    for (let n = 0; n < lines.length; n += 1) {
      const line = lines[n]!;
      ctx.fillText(line.text, left + (width - line.width) / 2, top + font.baseline + lineHeight / 2 + n * lineHeight);
    }
  }
  if (card.handle) {
    const c = handleCentre(card);
    circle(ctx, c.x, c.y, HANDLE_RADIUS);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.strokeStyle = ACCENT;
    ctx.lineWidth = 2;
    ctx.stroke();
    text(ctx, '+', c.x - 4.2, c.y - 7.5, fontOf(14, 'bold'), 14, ACCENT);
  }
  ctx.globalAlpha = 1;
}

/** Cards in order, with the context's own state left as it was. */
export function paintCards(ctx: CanvasRenderingContext2D, cards: readonly CardDraw[], zoom: number): void {
  ctx.save();
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.lineJoin = 'miter';
  for (const card of cards) paintCard(ctx, card, zoom);
  ctx.restore();
}
