import type { BoardSession } from '../collab/session';
import { createValueStore, type ValueStore } from '../lib/valueStore';
import { EMPTY_SELECTION, selectedIn, selectOnly, type Selection } from './selection';

/**
 * The one selection of an open board, shared by the free canvas and every
 * board: per tab, the ids of the free items and board records selected.
 * Picking a record on a board replaces the notes selected on that tab and the
 * other way round, so a key like Delete never acts on two selections at once,
 * and the facilitator's tools (lock, vote on the selection) see records and
 * notes alike.
 */
export function createSelectionStore(): ValueStore<Selection> {
  return createValueStore<Selection>(EMPTY_SELECTION);
}

/** The open board's selection (made on first use, gone with the session). */
export function selectionFor(session: BoardSession): ValueStore<Selection> {
  return session.storeFor(createSelectionStore);
}

/**
 * How a board's UI state names its selection: `read` turns the tab's selected
 * ids into the state's fields (e.g. `{ selectedId }`), `write` turns those
 * fields back into the one id to select (null: nothing).
 */
export interface SelectionFields<S> {
  read(ids: ReadonlySet<string>): S;
  write(fields: S): string | null;
  /** The field names `read` returns and `write` reads, kept out of the local state. */
  keys: readonly (keyof S)[];
}

function shallowEqual(a: object, b: object): boolean {
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  return ak.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A board's UI state as one value store whose selection fields live in the
 * board's shared selection (`selectionFor`) under `tab`, and whose other
 * fields stay local to the board. Reading gives one object, the same one
 * while neither part changed (what `useSyncExternalStore` needs); setting
 * splits the new value between the two.
 */
export function withSelection<L extends object, S extends object>(
  local: ValueStore<L>,
  selection: ValueStore<Selection>,
  tab: string,
  fields: SelectionFields<S>,
): ValueStore<L & S> {
  let lastLocal: L | null = null;
  let lastIds: ReadonlySet<string> | null = null;
  let last: (L & S) | null = null;
  const get = (): L & S => {
    const localValue = local.get();
    const ids = selectedIn(selection.get(), tab);
    if (last && lastLocal === localValue && lastIds === ids) return last;
    lastLocal = localValue;
    lastIds = ids;
    last = { ...localValue, ...fields.read(ids) };
    return last;
  };
  const keys = new Set<PropertyKey>(fields.keys);
  return {
    get,
    set(next) {
      const previous = get();
      const resolved = typeof next === 'function' ? (next as (p: L & S) => L & S)(previous) : next;
      if (Object.is(resolved, previous)) return;
      const localPart = {} as Record<string, unknown>;
      const selectionPart = {} as Record<string, unknown>;
      for (const [key, value] of Object.entries(resolved)) (keys.has(key) ? selectionPart : localPart)[key] = value;
      const before = fields.write(fields.read(selectedIn(selection.get(), tab)));
      const after = fields.write(selectionPart as S);
      // Local first, then the selection: a subscriber woken by either reads both as they now are.
      if (!shallowEqual(localPart, local.get())) local.set(localPart as L);
      if (after !== before) selection.set((s) => selectOnly(s, tab, after));
    },
    subscribe(listener) {
      const offLocal = local.subscribe(listener);
      const offSelection = selection.subscribe(listener);
      return () => {
        offLocal();
        offSelection();
      };
    },
  };
}
