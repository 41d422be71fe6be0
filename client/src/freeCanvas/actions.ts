import * as Y from 'yjs';
import {
  STICKY_COLOURS,
  createRecord,
  getCollection,
  orderKeyAfter,
  orderKeyBetween,
  updateRecord,
  type BoardView,
  type CanvasItem,
  type CanvasItemKind,
} from '@pc/shared';
import type { Point } from '../lib/geometry';
import type { DocTarget } from '../lib/docTarget';
import { reorderKeys, type ZMove } from '../canvas/items';

/**
 * The free canvas's writes (sticky notes, text, frames, connectors), each
 * `action(session, ...arguments)` through the shared accessors with the local
 * origin, so undo stays per person. Several items changed by one command are
 * changed in one transaction: one undo step, one update for everyone.
 */

export const STICKY_SIZE = { width: 180, height: 120 } as const;
export const TEXT_SIZE = { width: 240, height: 32 } as const;
export const FRAME_SIZE = { width: 560, height: 380 } as const;
export const FRAME_COLOUR = '#e2e8f0';
export const TEXT_COLOUR = '#1e293b';
/** Smallest note a corner drag leaves. */
export const MIN_ITEM_SIZE = { width: 60, height: 40 } as const;
export const MAX_ITEM_SIZE = 4000;
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

const DEFAULTS: Record<Exclude<CanvasItemKind, 'connector'>, { size: { width: number; height: number }; colour: string }> = {
  sticky: { size: STICKY_SIZE, colour: STICKY_COLOURS[0] },
  text: { size: TEXT_SIZE, colour: TEXT_COLOUR },
  frame: { size: FRAME_SIZE, colour: FRAME_COLOUR },
};

/** Create a note, a text item or a frame centred on `centre`; a frame goes under everything so it never hides notes. */
export function addItem(
  { doc, localOrigin: origin }: DocTarget,
  options: { kind: 'sticky' | 'text' | 'frame'; view: BoardView; centre: Point; author?: string; text?: string; size?: { width: number; height: number } },
): CanvasItem {
  const { colour } = DEFAULTS[options.kind];
  const size = options.size ? clampItemSize(options.size.width, options.size.height) : DEFAULTS[options.kind].size;
  const keys = allOrderKeys(doc);
  let order = orderKeyAfter(keys);
  if (options.kind === 'frame') {
    const lowest = keys.reduce<string | null>((min, key) => (min === null || key < min ? key : min), null);
    if (lowest !== null) order = orderKeyBetween(null, lowest);
  }
  return createRecord(
    doc,
    'canvasItems',
    {
      kind: options.kind,
      view: options.view,
      text: options.text ?? (options.kind === 'frame' ? 'Frame' : ''),
      x: Math.round(options.centre.x - size.width / 2),
      y: Math.round(options.centre.y - size.height / 2),
      width: size.width,
      height: size.height,
      colour,
      order,
      author: (options.author ?? '').slice(0, 200),
    },
    origin,
  );
}

/** A connector from one item or record to another on the same tab; refused (null) for a loop or a missing end. */
export function addConnector(
  { doc, localOrigin: origin }: DocTarget,
  options: { view: BoardView; fromId: string; toId: string; author?: string },
): CanvasItem | null {
  if (options.fromId === options.toId) return null;
  const existing = getCollection(doc, 'canvasItems');
  let duplicate = false;
  existing.forEach((map) => {
    if (map.get('kind') === 'connector' && map.get('fromId') === options.fromId && map.get('toId') === options.toId) duplicate = true;
  });
  if (duplicate) return null;
  return createRecord(
    doc,
    'canvasItems',
    {
      kind: 'connector',
      view: options.view,
      text: '',
      x: 0,
      y: 0,
      width: 8,
      height: 8,
      colour: TEXT_COLOUR,
      order: orderKeyAfter(allOrderKeys(doc)),
      fromId: options.fromId,
      toId: options.toId,
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

/** Move several items to new top-left corners at once (a group drag, align, distribute): one undo step. */
export function placeItems({ doc, localOrigin: origin }: DocTarget, places: ReadonlyMap<string, Point>): void {
  doc.transact(() => {
    for (const [id, to] of places) {
      if (exists(doc, id)) updateRecord(doc, 'canvasItems', id, { x: Math.round(to.x), y: Math.round(to.y) }, origin);
    }
  }, origin);
}

/** Shift several items by the same amount (a group drag, a nudge of the selection). */
export function moveItemsBy(target: DocTarget, items: readonly Pick<CanvasItem, 'id' | 'x' | 'y'>[], dx: number, dy: number): void {
  placeItems(target, new Map(items.map((item) => [item.id, { x: item.x + dx, y: item.y + dy }])));
}

export function clampItemSize(width: number, height: number): { width: number; height: number } {
  const clamp = (value: number, min: number) => Math.round(Math.min(MAX_ITEM_SIZE, Math.max(min, Number.isFinite(value) ? value : min)));
  return { width: clamp(width, MIN_ITEM_SIZE.width), height: clamp(height, MIN_ITEM_SIZE.height) };
}

export function resizeItem({ doc, localOrigin: origin }: DocTarget, id: string, size: { width: number; height: number }): void {
  if (!exists(doc, id)) return;
  updateRecord(doc, 'canvasItems', id, clampItemSize(size.width, size.height), origin);
}

/** A text item grows and shrinks with its text: only its height is written, and only when it changed. */
export function fitTextHeight({ doc, localOrigin: origin }: DocTarget, id: string, height: number): void {
  const map = getCollection(doc, 'canvasItems').get(id);
  if (!(map instanceof Y.Map)) return;
  const next = Math.round(Math.min(MAX_ITEM_SIZE, Math.max(8, height)));
  if (map.get('height') !== next) updateRecord(doc, 'canvasItems', id, { height: next }, origin);
}

/** The connectors that lose an end when these ids go. */
export function connectorsTouching(ids: ReadonlySet<string>, items: Iterable<Pick<CanvasItem, 'id' | 'kind' | 'fromId' | 'toId'>>): string[] {
  const result: string[] = [];
  for (const item of items) {
    if (item.kind === 'connector' && !ids.has(item.id) && ((item.fromId && ids.has(item.fromId)) || (item.toId && ids.has(item.toId)))) result.push(item.id);
  }
  return result;
}

/**
 * Delete items; connectors attached to a deleted item go with it, in the same
 * transaction (one undo brings all back). A connector to a board record that
 * someone deletes on the board stays, dangling: not drawn, listed as such.
 */
export function removeItems({ doc, localOrigin: origin }: DocTarget, ids: Iterable<string>): void {
  const gone = new Set(ids);
  const collection = getCollection(doc, 'canvasItems');
  const all: Pick<CanvasItem, 'id' | 'kind' | 'fromId' | 'toId'>[] = [];
  collection.forEach((map, id) => {
    if (!(map instanceof Y.Map)) return;
    const kind = map.get('kind');
    if (kind === 'connector') all.push({ id, kind, fromId: (map.get('fromId') as string | null) ?? null, toId: (map.get('toId') as string | null) ?? null });
  });
  doc.transact(() => {
    for (const id of [...gone, ...connectorsTouching(gone, all)]) collection.delete(id);
  }, origin);
}

export function removeItem(target: DocTarget, id: string): void {
  removeItems(target, [id]);
}

/** Create items planned elsewhere (a paste, a duplicate), in one transaction. */
export function createItems({ doc, localOrigin: origin }: DocTarget, items: readonly CanvasItem[]): void {
  doc.transact(() => {
    for (const item of items) createRecord(doc, 'canvasItems', item, origin);
  }, origin);
}

/** Bring forward / to front, send backward / to back, the selection among the tab's items. */
export function reorderItems({ doc, localOrigin: origin }: DocTarget, tabItems: readonly Pick<CanvasItem, 'id' | 'order'>[], selected: ReadonlySet<string>, move: ZMove): void {
  const keys = reorderKeys(tabItems, selected, move);
  if (keys.size === 0) return;
  doc.transact(() => {
    for (const [id, order] of keys) if (exists(doc, id)) updateRecord(doc, 'canvasItems', id, { order }, origin);
  }, origin);
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
