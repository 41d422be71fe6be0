import { type LogicNode, COLUMN_FACTS } from '@pc/shared';
import { DEFAULT_COLUMN_LAYOUT } from '../model/columnLayout';
import { fontFor } from '../../../lib/theme';
import { wrappedLineCount } from '../../../canvas/textLayout';

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

const CARD_FONT = fontFor(CARD.fontSize);

export function cardHasFooter(node: Pick<LogicNode, 'column'>): boolean {
  return node.column === 'activities' || COLUMN_FACTS[node.column].carriesIndicators;
}

export function textWidth(): number {
  return CARD.width - 2 * CARD.padX - CARD.badgeRoom;
}

export function cardHeight(node: Pick<LogicNode, 'column' | 'text'>): number {
  const lines = Math.min(CARD.maxLines, Math.max(1, wrappedLineCount(node.text.trim() === '' ? ' ' : node.text, textWidth(), CARD_FONT)));
  const body = CARD.padTop + lines * LINE_PX + CARD.padBottom + (cardHasFooter(node) ? CARD.footer : 0);
  return Math.max(CARD.minHeight, Math.ceil(body));
}
