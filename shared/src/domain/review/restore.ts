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
import { agreementFragment } from '../../doc/agreement';
import { COLLECTION_NAMES, SERVER_OWNED_META_KEYS } from '../../schema';
import { AGREEMENT_SECTIONS, agreementRootName } from '../../schema/agreement';
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

/**
 * Make an agreement section hold `wanted`'s rich text: its blocks replaced by
 * copies of the target's when they differ (the section is rewritten whole, as
 * pasting the old text over it would). Returns whether it changed.
 */
function syncFragment(live: Y.XmlFragment, wanted: Y.XmlFragment): boolean {
  if (live.toString() === wanted.toString()) return false;
  if (live.length > 0) live.delete(0, live.length);
  const copies = wanted
    .toArray()
    .filter((child): child is Y.XmlElement | Y.XmlText => child instanceof Y.XmlElement || child instanceof Y.XmlText)
    .map((child) => child.clone());
  if (copies.length > 0) live.insert(0, copies);
  return true;
}

/** Make `doc` hold exactly `target`'s records, meta and agreement; returns how many records and agreement sections were touched. */
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
    for (const { key } of AGREEMENT_SECTIONS) {
      // Only sections either side has ever written: an untouched board gains no empty roots.
      const name = agreementRootName(key);
      if (!doc.share.has(name) && !target.share.has(name)) continue;
      if (syncFragment(agreementFragment(doc, key), agreementFragment(target, key))) touched++;
    }
  }, origin);
  return touched;
}
