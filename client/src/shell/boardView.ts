import { isBoardView, type BoardView } from '@pc/shared';
import { browserStore, type KeyValueStore } from '../collab/storage';

/**
 * Which tab a board opens on: the one its link names (`#t=<token>&view=logic-model`,
 * so a facilitator can send "the logic model" and a reload stays where it was),
 * else the one this device last had open on that board, else the stakeholder map.
 * Switching tabs writes the tab into the address (the token stays) and remembers it.
 */

const DEFAULT_VIEW: BoardView = 'stakeholder-map';
const KEY_PREFIX = 'pc:view:';

/** The tab a link's fragment names, if it names a known one. */
export function viewFromHash(hash: string): BoardView | null {
  const view = new URLSearchParams(hash.replace(/^#/, '')).get('view');
  return isBoardView(view) ? view : null;
}

/** The fragment with its tab set to `view` and every other part (the token) kept. */
export function hashWithView(hash: string, view: BoardView): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.set('view', view);
  return `#${params.toString()}`;
}

export function initialView(boardId: string, hash: string, store: KeyValueStore): BoardView {
  const named = viewFromHash(hash);
  if (named) return named;
  const remembered = store.getItem(KEY_PREFIX + boardId);
  return isBoardView(remembered) ? remembered : DEFAULT_VIEW;
}

export function rememberView(boardId: string, view: BoardView, store: KeyValueStore): void {
  try {
    store.setItem(KEY_PREFIX + boardId, view);
  } catch {
    // A full or blocked store: the address still says where the person is.
  }
}

let store: KeyValueStore | null = null;
const pageStore = () => (store ??= browserStore());

/** The tab this page opens the board on. */
export function openingView(boardId: string): BoardView {
  return initialView(boardId, location.hash, pageStore());
}

/** The person switched to `view`: the address and this device say so from now on. */
export function showViewInAddress(boardId: string, view: BoardView): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hashWithView(location.hash, view)}`);
  rememberView(boardId, view, pageStore());
}
