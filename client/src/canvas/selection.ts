import { rectsIntersect, type Rect } from '../lib/geometry';

/**
 * The one selection model of the canvas: a set of selected ids per tab (free
 * items, and a board's records where the board opts in). Pure: every change
 * returns a new value and leaves the old one alone, so it can live in a value
 * store and be compared by identity.
 */
export type Selection = ReadonlyMap<string, ReadonlySet<string>>;

export const EMPTY_SELECTION: Selection = new Map();
const NOTHING: ReadonlySet<string> = new Set();

export function selectedIn(selection: Selection, tab: string): ReadonlySet<string> {
  return selection.get(tab) ?? NOTHING;
}

function withTab(selection: Selection, tab: string, ids: ReadonlySet<string>): Selection {
  const current = selection.get(tab);
  if (current === ids || (current && sameSet(current, ids)) || (!current && ids.size === 0)) return selection;
  const next = new Map(selection);
  if (ids.size === 0) next.delete(tab);
  else next.set(tab, ids);
  return next;
}

export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/** A plain click: that one thing only (null clears the tab). */
export function selectOnly(selection: Selection, tab: string, id: string | null): Selection {
  return withTab(selection, tab, id === null ? NOTHING : new Set([id]));
}

/** Shift-click: add it, or take it out when it already is selected. */
export function toggleSelected(selection: Selection, tab: string, id: string): Selection {
  const next = new Set(selectedIn(selection, tab));
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return withTab(selection, tab, next);
}

/** Replace the tab's selection (a box, paste, duplicate); `add` keeps what was selected (shift held). */
export function selectMany(selection: Selection, tab: string, ids: Iterable<string>, add = false): Selection {
  const next = new Set(add ? selectedIn(selection, tab) : NOTHING);
  for (const id of ids) next.add(id);
  return withTab(selection, tab, next);
}

/** Escape, or a click on empty canvas. */
export function clearSelection(selection: Selection, tab: string): Selection {
  return withTab(selection, tab, NOTHING);
}

/** Drop ids that no longer exist (deleted here or by someone else). */
export function keepExisting(selection: Selection, tab: string, exists: (id: string) => boolean): Selection {
  const current = selectedIn(selection, tab);
  let gone = false;
  for (const id of current) if (!exists(id)) gone = true;
  if (!gone) return selection;
  return withTab(selection, tab, new Set([...current].filter(exists)));
}

/**
 * What a box dragged on empty canvas selects: everything it touches (an edge
 * shared with the box is not a touch, as `rectsIntersect` has it). A box of no
 * size selects nothing.
 */
export function idsInBox(box: Rect, candidates: Iterable<{ id: string; rect: Rect }>): string[] {
  if (box.width <= 0 || box.height <= 0) return [];
  const hits: string[] = [];
  for (const { id, rect } of candidates) if (rectsIntersect(box, rect)) hits.push(id);
  return hits;
}

/** The rectangle between two corners the pointer gave, whichever way it was dragged. */
export function boxBetween(a: { x: number; y: number }, b: { x: number; y: number }): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) };
}
