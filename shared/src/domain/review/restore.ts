/**
 * Restoring a review point: turn the live document into the review point's
 * content with ordinary edits (delete what it lacks, add what it has, set the
 * fields that differ), in one transaction. The result is one Yjs update that
 * syncs to everyone like any change, is stored like any change, and is undone
 * by restoring the review point taken just before.
 */
import * as Y from 'yjs';
import { getCollection } from '../../doc/records';
import { getMetaMap } from '../../doc/meta';
import { COLLECTION_NAMES, SERVER_OWNED_META_KEYS } from '../../schema';
import { sameValue } from './diff';

/** A restore never rewinds the meta keys the server owns. */
const KEPT_META_KEYS: ReadonlySet<string> = new Set(SERVER_OWNED_META_KEYS);

function syncMap(live: Y.Map<unknown>, wanted: Record<string, unknown>, keep: ReadonlySet<string> = new Set()): void {
  for (const key of [...live.keys()]) {
    if (!(key in wanted) && !keep.has(key)) live.delete(key);
  }
  for (const [key, value] of Object.entries(wanted)) {
    if (keep.has(key)) continue;
    const current = live.get(key);
    const plain = current instanceof Y.AbstractType ? current.toJSON() : current;
    if (!sameValue(plain, value)) live.set(key, value);
  }
}

/** Make `doc` hold exactly `target`'s records and meta; returns how many records were touched. */
export function replaceBoardContent(doc: Y.Doc, target: Y.Doc, origin: unknown = null): number {
  let touched = 0;
  doc.transact(() => {
    syncMap(getMetaMap(doc), getMetaMap(target).toJSON() as Record<string, unknown>, KEPT_META_KEYS);
    for (const name of COLLECTION_NAMES) {
      const live = getCollection(doc, name);
      const wanted = getCollection(target, name);
      for (const id of [...live.keys()]) {
        if (!wanted.has(id)) {
          live.delete(id);
          touched++;
        }
      }
      wanted.forEach((value, id) => {
        const fields = value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : {};
        const current = live.get(id);
        if (!(current instanceof Y.Map)) {
          const map = new Y.Map<unknown>();
          for (const [key, field] of Object.entries(fields)) map.set(key, field);
          live.set(id, map);
          touched++;
          return;
        }
        if (!sameValue(current.toJSON(), fields)) {
          syncMap(current, fields);
          touched++;
        }
      });
    }
  }, origin);
  return touched;
}
