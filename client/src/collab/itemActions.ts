import * as Y from 'yjs';
import {
  STICKY_COLOURS,
  createRecord,
  deleteRecord,
  getCollection,
  orderKeyAfter,
  updateRecord,
  type BoardView,
  type CanvasItem,
} from '@pc/shared';
import type { Point } from '../lib/geometry';
import type { DocTarget } from '../lib/docTarget';

export const STICKY_SIZE = { width: 180, height: 120 } as const;
/** Keyboard nudge, in world pixels. */
export const NUDGE_STEP = 10;

function allOrderKeys(doc: Y.Doc): string[] {
  const keys: string[] = [];
  getCollection(doc, 'canvasItems').forEach((map) => {
    const order = map instanceof Y.Map ? map.get('order') : undefined;
    if (typeof order === 'string') keys.push(order);
  });
  return keys;
}

/** Create a sticky note centred on `centre`, on top of everything else. */
export function addSticky(
  { doc, localOrigin: origin }: DocTarget,
  options: { view: BoardView; centre: Point; colour?: string; author?: string; text?: string },
): CanvasItem {
  return createRecord(
    doc,
    'canvasItems',
    {
      kind: 'sticky',
      view: options.view,
      text: options.text ?? '',
      x: Math.round(options.centre.x - STICKY_SIZE.width / 2),
      y: Math.round(options.centre.y - STICKY_SIZE.height / 2),
      width: STICKY_SIZE.width,
      height: STICKY_SIZE.height,
      colour: options.colour ?? STICKY_COLOURS[0],
      order: orderKeyAfter(allOrderKeys(doc)),
      author: (options.author ?? '').slice(0, 200),
    },
    origin,
  );
}

function exists(doc: Y.Doc, id: string): boolean {
  return getCollection(doc, 'canvasItems').has(id);
}

/** Edits to an item someone else just deleted are dropped: deletion wins, nothing throws. */
export function moveItem({ doc, localOrigin: origin }: DocTarget, id: string, to: Point): void {
  if (!exists(doc, id)) return;
  updateRecord(doc, 'canvasItems', id, { x: Math.round(to.x), y: Math.round(to.y) }, origin);
}

export function nudgeItem({ doc, localOrigin: origin }: DocTarget, item: CanvasItem, dx: number, dy: number): void {
  moveItem({ doc, localOrigin: origin }, item.id, { x: item.x + dx * NUDGE_STEP, y: item.y + dy * NUDGE_STEP });
}

export function setItemText({ doc, localOrigin: origin }: DocTarget, id: string, text: string): void {
  if (!exists(doc, id)) return;
  updateRecord(doc, 'canvasItems', id, { text }, origin);
}

export function setItemColour({ doc, localOrigin: origin }: DocTarget, id: string, colour: string): void {
  if (!exists(doc, id)) return;
  updateRecord(doc, 'canvasItems', id, { colour }, origin);
}

export function removeItem({ doc, localOrigin: origin }: DocTarget, id: string): void {
  deleteRecord(doc, 'canvasItems', id, origin);
}

/** Give the item an order key above every other; a no-op when it already is on top. */
export function bringToFront({ doc, localOrigin: origin }: DocTarget, id: string): void {
  const collection = getCollection(doc, 'canvasItems');
  const map = collection.get(id);
  if (!(map instanceof Y.Map)) return;
  const own = map.get('order');
  const others: string[] = [];
  collection.forEach((other, otherId) => {
    if (otherId === id || !(other instanceof Y.Map)) return;
    const order = other.get('order');
    if (typeof order === 'string') others.push(order);
  });
  if (typeof own === 'string' && others.every((key) => key < own)) return;
  updateRecord(doc, 'canvasItems', id, { order: orderKeyAfter(others) }, origin);
}
