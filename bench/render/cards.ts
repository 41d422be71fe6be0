/**
 * The cards the bare page draws: one rectangle and one text per item, at the
 * world boxes ours draws them (from the records for notes, from the map's own
 * grid layout for stakeholders, from the logic-model outline's data-x/y/width/
 * height, which is the layout the canvas draws, for logic cards).
 */
import type { Page } from 'playwright-core';
import type * as Y from 'yjs';
import { getCollection, readRecord, type CollectionName, type RecordOf } from '@pc/shared';
import { cardPlacements, CARD_SLOT } from '../../client/src/boards/stakeholder-map/model/mapLayout';
import { LABEL_FONT_SIZE } from '../../client/src/boards/stakeholder-map/ui/StakeholderCard';
import { NOTE_FONT_SIZE, NOTE_PADDING_X, NOTE_PADDING_Y } from '../../client/src/canvas/StickyNote';
import { CARD } from '../../client/src/boards/logic-model/ui/cardMetrics';
import type { BareCard } from './bare';
import type { RenderKind } from './seed';

function records<C extends CollectionName>(doc: Y.Doc, name: C): RecordOf<C>[] {
  return [...getCollection(doc, name).keys()].map((id) => readRecord(doc, name, id)!.record);
}

export async function bareCards(kind: RenderKind, doc: Y.Doc, page: Page): Promise<BareCard[]> {
  if (kind === 'stickies') {
    return records(doc, 'canvasItems').map((item) => ({
      x: item.x,
      y: item.y,
      width: item.width,
      height: item.height,
      cornerRadius: 8,
      fill: item.colour,
      text: item.text,
      textX: item.x + NOTE_PADDING_X,
      textY: item.y + NOTE_PADDING_Y,
      textWidth: item.width - 2 * NOTE_PADDING_X,
      textHeight: item.height - 2 * NOTE_PADDING_Y,
      fontSize: NOTE_FONT_SIZE,
    }));
  }
  if (kind === 'stakeholders') {
    const stakeholders = records(doc, 'stakeholders');
    const names = new Map(stakeholders.map((s) => [s.id, s.name]));
    return [...cardPlacements(stakeholders, 'grid', 'none')].map(([id, p]) => {
      const labelWidth = Math.max(72, CARD_SLOT * p.scale + 24);
      const fontSize = LABEL_FONT_SIZE * Math.max(0.7, p.scale);
      return {
        x: p.x - p.radius,
        y: p.y - p.radius,
        width: p.radius * 2,
        height: p.radius * 2,
        cornerRadius: p.radius,
        fill: '#60a5fa',
        text: names.get(id) ?? '',
        textX: p.x - labelWidth / 2,
        textY: p.y + p.radius + 5,
        textWidth: labelWidth,
        textHeight: fontSize * 1.2 * 2,
        fontSize,
      };
    });
  }
  const texts = new Map(records(doc, 'logicNodes').map((n) => [n.id, n.text]));
  const boxes = (await page.$$eval('[aria-label="Logic model outline"] li[data-node-id]', (lis) =>
    lis.map((li) => ['data-node-id', 'data-x', 'data-y', 'data-width', 'data-height'].map((name) => li.getAttribute(name)!)),
  )) as [string, string, string, string, string][];
  return boxes.map(([id, x, y, width, height]) => ({
    x: Number(x),
    y: Number(y),
    width: Number(width),
    height: Number(height),
    cornerRadius: 8,
    fill: '#ffffff',
    text: texts.get(id) ?? '',
    textX: Number(x) + CARD.padX,
    textY: Number(y) + CARD.padTop,
    textWidth: Number(width) - 2 * CARD.padX - CARD.badgeRoom,
    textHeight: Number(height) - CARD.padTop - CARD.padBottom,
    fontSize: CARD.fontSize,
  }));
}

/** Cards whose box intersects the viewport of a camera. */
export function cardsOnScreen(cards: readonly BareCard[], camera: { x: number; y: number; zoom: number }, size: { width: number; height: number }): number {
  const x0 = -camera.x / camera.zoom;
  const y0 = -camera.y / camera.zoom;
  const x1 = x0 + size.width / camera.zoom;
  const y1 = y0 + size.height / camera.zoom;
  let n = 0;
  for (const c of cards) if (c.x + c.width >= x0 && c.x <= x1 && c.y + c.height >= y0 && c.y <= y1) n += 1;
  return n;
}
