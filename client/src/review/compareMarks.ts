/**
 * A comparison on the canvas: each sentence of the diff becomes an entry of
 * the "What changed" list with its kind (added, changed, moved, removed), the
 * tab that draws its record, and where the record is drawn now and was drawn
 * before. `compareEntries` is pure: where things are drawn comes from the
 * locators, one per canvas tab, which the workspace builds from each tab's own
 * layout (`recordBounds`) over the live session ("now") and over a read-only
 * session of the earlier state ("before").
 */
import type { BoardDiff, BoardView, CollectionName, ReviewGroup } from '@pc/shared';
import type { CompareKind, CompareMark } from '../canvas/compareOverlay';
import type { BoardSession } from '../collab/session';
import { boundsOfAnything } from '../freeCanvas/bounds';
import type { Rect } from '../lib/geometry';

export interface CompareEntry {
  /** Unique in the list. */
  key: string;
  /** The record (or agreement section) it is about. */
  id: string;
  group: ReviewGroup;
  text: string;
  kind: CompareKind;
  /** The tab that draws the record, or null when no canvas shows it (the agreement, a link between records). */
  view: BoardView | null;
  now: Rect | null;
  before: Rect | null;
}

/** Where one tab draws a record now and before; null when it does not draw it. */
export interface CompareLocator {
  view: BoardView;
  now(collection: CollectionName, id: string): Rect | null;
  before(collection: CollectionName, id: string): Rect | null;
}

/** Less than this (world units) is the same place: layouts round, and nobody sees half a unit. */
const SAME_PLACE = 0.5;

export function samePlace(a: Rect, b: Rect): boolean {
  return Math.abs(a.x - b.x) < SAME_PLACE && Math.abs(a.y - b.y) < SAME_PLACE;
}

/** Every sentence of the diff with its kind and, where a canvas tab draws its record, the tab and both places. */
export function compareEntries(diff: BoardDiff, locators: readonly CompareLocator[]): CompareEntry[] {
  return diff.sentences.map((sentence, index) => {
    const base = { key: `${sentence.collection}:${sentence.id}:${index}`, id: sentence.id, group: sentence.group, text: sentence.text };
    if (sentence.collection === 'agreement') return { ...base, kind: sentence.kind, view: null, now: null, before: null };
    const collection = sentence.collection;
    for (const locator of locators) {
      const now = sentence.kind === 'removed' ? null : locator.now(collection, sentence.id);
      const before = sentence.kind === 'added' ? null : locator.before(collection, sentence.id);
      if (!now && !before) continue;
      const kind: CompareKind = sentence.kind === 'changed' && now && before && !samePlace(now, before) ? 'moved' : sentence.kind;
      return { ...base, kind, view: locator.view, now, before };
    }
    return { ...base, kind: sentence.kind, view: null, now: null, before: null };
  });
}

/** The marks one tab draws: its entries with a place, one per record. */
export function marksFor(entries: readonly CompareEntry[], view: BoardView): CompareMark[] {
  const seen = new Set<string>();
  const marks: CompareMark[] = [];
  for (const entry of entries) {
    if (entry.view !== view || seen.has(entry.id)) continue;
    seen.add(entry.id);
    marks.push({ id: entry.id, kind: entry.kind, now: entry.now, before: entry.before });
  }
  return marks;
}

type Tab = Parameters<typeof boundsOfAnything>[1];

/**
 * Where `tab` draws a record of `collection` in `session`: free items and board
 * records through `boundsOfAnything`; a matrix cell where its row's band
 * crosses its partner's column. Links between records have no box of their own.
 */
export function recordPlace(session: BoardSession, tab: Tab, collection: CollectionName, id: string): Rect | null {
  if (collection === 'matrixCells') {
    const cell = session.collection('matrixCells').get(id);
    if (!cell) return null;
    const row = tab.recordBounds?.(session, cell.rowId) ?? null;
    const column = tab.recordBounds?.(session, cell.partnerId) ?? null;
    if (!row || !column) return null;
    return { x: column.x, y: row.y, width: column.width, height: row.height };
  }
  if (collection === 'relationships' || collection === 'logicLinks' || collection === 'comments') return null;
  return boundsOfAnything(session, tab, id);
}

/** A locator per canvas tab: the live layout for now, the same tab's layout of the earlier state for before. */
export function locatorsFor(tabs: readonly Tab[], now: BoardSession, before: BoardSession): CompareLocator[] {
  return tabs
    .filter((tab) => !tab.Page)
    .map((tab) => ({
      view: tab.view,
      now: (collection, id) => recordPlace(now, tab, collection, id),
      before: (collection, id) => recordPlace(before, tab, collection, id),
    }));
}
