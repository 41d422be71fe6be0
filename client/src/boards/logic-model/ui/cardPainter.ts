import { type LogicNode, type Partner, type CheckSeverity, COLUMN_FACTS } from '@pc/shared';
import type { CardBox } from '../model/columnLayout';
import { CARD, LINE_PX, cardHasFooter, textWidth } from './cardMetrics';
import { layoutText, type TextBlock, type TextJob, type TextSpec } from '../../../canvas/textLayout';
import { COLUMN_ACCENT, SEVERITY_COLOUR, STATUS_COLOUR, STATUS_LABEL } from './theme';

/**
 * One card drawn straight on the 2D context, the same shapes, colours and text
 * the react-konva card drew: shadow, body, column accent, text, check badge and
 * footer pills. The context carries the world transform; `zoom` keeps the
 * body's outline one screen pixel wide at any zoom, as strokeScaleEnabled=false did.
 */

export interface CardLook {
  readonly node: LogicNode;
  readonly box: CardBox;
  readonly lead: Partner | null;
  readonly severity: CheckSeverity | null;
  readonly checkCount: number;
  readonly selected: boolean;
  /** Outside the highlighted pathway while another card is selected. */
  readonly dimmed: boolean;
  /** Its text is in the in-place editor. */
  readonly editing: boolean;
  readonly editable: boolean;
  /** Level of detail: text only where it is readable, the shadow only where it shows. */
  readonly showText: boolean;
  readonly showShadow: boolean;
}

const PILL_H = 18;
/** How far the drop shadow reaches under the card (world units). */
export const CARD_SHADOW_PX = 1.5;
const DIMMED_ALPHA = 0.5;

/** The card's own text as the card lays it out; also used to lay out cards about to scroll into view ahead of time. */
export function mainTextSpec(node: LogicNode, box: Pick<CardBox, 'height'>, editable: boolean): TextSpec {
  const empty = node.text.trim() === '';
  const textHeight = box.height - CARD.padTop - CARD.padBottom - (cardHasFooter(node) ? CARD.footer : 0);
  return {
    text: empty ? (editable ? 'Double-click to write' : 'Untitled') : node.text,
    width: textWidth(),
    height: Math.max(LINE_PX, textHeight),
    fontSize: CARD.fontSize,
    lineHeight: CARD.lineHeight,
    ellipsis: true,
  };
}

/** A rounded rectangle path as Konva's Rect traces it (radius clamped to half the shorter side). */
export function roundRectPath(ctx: CanvasRenderingContext2D, x: number, y: number, width: number, height: number, radius: number): void {
  const r = Math.max(0, Math.min(radius, width / 2, height / 2));
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.lineTo(x + width - r, y);
  ctx.arc(x + width - r, y + r, r, (Math.PI * 3) / 2, 0, false);
  ctx.lineTo(x + width, y + height - r);
  ctx.arc(x + width - r, y + height - r, r, 0, Math.PI / 2, false);
  ctx.lineTo(x + r, y + height);
  ctx.arc(x + r, y + height - r, r, Math.PI / 2, Math.PI, false);
  ctx.lineTo(x, y + r);
  ctx.arc(x + r, y + r, r, Math.PI, (Math.PI * 3) / 2, false);
  ctx.closePath();
}

function fillRound(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number, fill: string): void {
  roundRectPath(ctx, x, y, w, h, r);
  ctx.fillStyle = fill;
  ctx.fill();
}

/**
 * The card's shapes now; its texts go on `texts`, for the caller to draw after
 * the shapes of every card in view (see flushTextJobs). Cards never overlap, so
 * the picture is the same as drawing each card whole.
 */
export function paintCard(ctx: CanvasRenderingContext2D, card: CardLook, zoom: number, texts: TextJob[]): void {
  const { node, box, showText } = card;
  const { x, y, width, height } = box;
  const alpha = card.dimmed ? DIMMED_ALPHA : 1;
  // Only the card's shapes fade outside the highlighted pathway: its text keeps full contrast, so it never looks disabled.
  const text = (block: TextBlock, tx: number, ty: number, fill: string) => texts.push({ block, x: tx, y: ty, fill, alpha: 1 });
  ctx.globalAlpha = alpha;
  if (card.showShadow) fillRound(ctx, x, y + CARD_SHADOW_PX, width, height, 8, 'rgba(15, 23, 42, 0.06)');
  roundRectPath(ctx, x, y, width, height, 8);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = card.selected ? '#2563eb' : '#d5dde8';
  ctx.lineWidth = (card.selected ? 2 : 1) / zoom;
  ctx.stroke();
  fillRound(ctx, x, y + 6, 3, height - 12, 2, COLUMN_ACCENT[node.column]);

  const footer = cardHasFooter(node);
  if (!card.editing && showText) {
    const block = layoutText(mainTextSpec(node, box, card.editable));
    text(block, x + CARD.padX, y + CARD.padTop, node.text.trim() === '' ? '#64748b' : '#1e293b');
  }
  if (card.severity) {
    const cx = x + width - 15;
    const cy = y + 15;
    ctx.beginPath();
    ctx.arc(cx, cy, 9, 0, Math.PI * 2, false);
    ctx.closePath();
    ctx.fillStyle = SEVERITY_COLOUR[card.severity];
    ctx.fill();
    if (showText) {
      const label = card.checkCount > 9 ? '9+' : String(card.checkCount);
      const block = layoutText({ text: label, width: 18, fontSize: 11, fontStyle: 'bold', align: 'center' });
      text(block, cx - 9, cy - 6, '#ffffff');
    }
  }
  if (footer) paintFooter(ctx, card, x + CARD.padX, y + height - CARD.footer, text);
  ctx.globalAlpha = 1;
}

/** The pills along the card's bottom edge; (x, y) is the pills' top-left corner. */
function paintFooter(ctx: CanvasRenderingContext2D, card: CardLook, x: number, y: number, text: (block: TextBlock, x: number, y: number, fill: string) => void): void {
  const { node, box, lead, showText } = card;
  const inner = box.width - CARD.padX * 2;
  if (node.column === 'activities') {
    const status = STATUS_COLOUR[node.status];
    const statusText = STATUS_LABEL[node.status];
    const statusWidth = statusText.length * 6.2 + 14;
    const leadWidth = inner - statusWidth - 6;
    if (lead) {
      fillRound(ctx, x, y, leadWidth, PILL_H, PILL_H / 2, lead.colour);
      if (showText) {
        const block = layoutText({ text: lead.name, width: leadWidth - 14, fontSize: 11.5, fontStyle: 'bold', wrap: 'none', ellipsis: true });
        text(block, x + 8, y + 3, '#ffffff');
      }
    } else {
      roundRectPath(ctx, x, y, leadWidth, PILL_H, PILL_H / 2);
      ctx.strokeStyle = '#cbd5e1';
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 3]);
      ctx.stroke();
      ctx.setLineDash([]);
      if (showText) {
        const block = layoutText({ text: 'No lead partner', width: leadWidth - 14, fontSize: 11.5, wrap: 'none', ellipsis: true });
        text(block, x + 8, y + 3, '#64748b');
      }
    }
    fillRound(ctx, x + leadWidth + 6, y, statusWidth, PILL_H, 4, status.fill);
    if (showText) {
      const block = layoutText({ text: statusText, width: statusWidth, fontSize: 11, align: 'center' });
      text(block, x + leadWidth + 6, y + 3.5, status.text);
    }
    return;
  }
  if (!COLUMN_FACTS[node.column].carriesIndicators) return;
  const count = indicatorCount(node);
  const label = count === 0 ? 'No indicator yet' : count === 1 ? `Indicator: ${node.indicators.find((i) => i.trim())}` : `${count} indicators`;
  roundRectPath(ctx, x, y, inner, PILL_H, 4);
  ctx.fillStyle = count === 0 ? '#f8fafc' : '#f0fdfa';
  ctx.fill();
  ctx.strokeStyle = count === 0 ? '#e2e8f0' : '#99f6e4';
  ctx.lineWidth = 1;
  ctx.stroke();
  if (showText) {
    const block = layoutText({ text: label, width: inner - 12, fontSize: 11, wrap: 'none', ellipsis: true });
    text(block, x + 7, y + 3.5, count === 0 ? '#64748b' : '#0f766e');
  }
}

function indicatorCount(node: LogicNode): number {
  let count = 0;
  for (const i of node.indicators) if (i.trim() !== '') count += 1;
  return count;
}
