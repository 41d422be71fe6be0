import * as Y from 'yjs';
import { LARGE_SYNC_BYTES } from './largeSync';

/** What of y-indexeddb's IndexeddbPersistence this relies on: its document listener and its destroy. */
export interface OfflineCopy {
  _storeUpdate: (update: Uint8Array, origin: unknown) => void;
  destroy(): Promise<void>;
}

/** How long changes from the server wait to be written to the offline copy, merged. */
export const REMOTE_WRITE_MS = 1000;

interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

/**
 * The offline copy (y-indexeddb) writes every document update in an IndexedDB
 * transaction of its own; another person's drag arrives as 30 updates a
 * second, each a write on this page's main thread. Changes that came from the
 * server (`isRemote(origin)`) are already kept there, so they are merged and
 * written at most once per `REMOTE_WRITE_MS` instead (a large one, such as the
 * board's first sync, is written as it came); this person's own
 * changes are written at once, as before (after any remote ones waiting), so
 * nothing typed offline waits. Waiting changes are written when the page is
 * hidden or left, and when the copy is closed. Returns a stop that writes them
 * and gives the copy its own listener back.
 */
export function batchRemoteWrites(doc: Y.Doc, copy: OfflineCopy, isRemote: (origin: unknown) => boolean, timers: Timers = realTimers): () => void {
  const store = copy._storeUpdate;
  let waiting: Uint8Array[] = [];
  let origin: unknown = null;
  let timer: unknown = null;
  const flush = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
    if (waiting.length === 0) return;
    const merged = waiting.length === 1 ? waiting[0]! : Y.mergeUpdates(waiting);
    waiting = [];
    store(merged, origin);
  };
  const onUpdate = (update: Uint8Array, from: unknown) => {
    // A large one (a board's first sync) is written as it came: merging it with others would decode the whole board.
    if (!isRemote(from) || update.byteLength >= LARGE_SYNC_BYTES) {
      flush();
      store(update, from);
      return;
    }
    waiting.push(update);
    origin = from;
    timer ??= timers.set(flush, REMOTE_WRITE_MS);
  };
  doc.off('update', store);
  doc.on('update', onUpdate);
  // y-indexeddb's destroy removes `_storeUpdate` from the document: ours, now.
  copy._storeUpdate = onUpdate;
  const destroy = copy.destroy;
  copy.destroy = () => {
    flush();
    return destroy.call(copy);
  };
  const onHidden = () => {
    if (typeof document === 'undefined' || document.visibilityState === 'hidden') flush();
  };
  const page = typeof window === 'undefined' ? null : window;
  page?.addEventListener('pagehide', flush);
  page?.addEventListener('visibilitychange', onHidden);
  return () => {
    flush();
    page?.removeEventListener('pagehide', flush);
    page?.removeEventListener('visibilitychange', onHidden);
    doc.off('update', onUpdate);
    copy._storeUpdate = store;
    copy.destroy = destroy;
    doc.on('update', store);
  };
}
