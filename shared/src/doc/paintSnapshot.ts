import type * as Y from 'yjs';
import { COLLECTION_NAMES, type CollectionName } from '../schema';
import { getCollection } from './records';
import { getMetaMap } from './meta';

/**
 * A board's records as plain data (MESSAGE_PAINT_SNAPSHOT): per collection,
 * each record's stored fields by id, exactly as `Y.Map.toJSON` reads them from
 * the document. Readers validate each record as they would from the document.
 */
export interface PaintSnapshot {
  collections: Partial<Record<CollectionName, Record<string, Record<string, unknown>>>>;
  /** The board settings (the meta map's JSON). */
  meta: Record<string, unknown>;
}

/** What the server sends: every non-empty collection of the document. */
export function boardPaintSnapshot(doc: Y.Doc): PaintSnapshot {
  const collections: PaintSnapshot['collections'] = {};
  for (const name of COLLECTION_NAMES) {
    const collection = getCollection(doc, name);
    if (collection.size > 0) collections[name] = collection.toJSON() as Record<string, Record<string, unknown>>;
  }
  return { collections, meta: getMetaMap(doc).toJSON() as Record<string, unknown> };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A received snapshot's usable part: known collections whose entries are
 * objects; anything else (unknown collections, non-object records, a
 * snapshot that is not an object) is left out rather than trusted.
 */
export function readPaintSnapshot(value: unknown): PaintSnapshot {
  const collections: PaintSnapshot['collections'] = {};
  if (!isPlainObject(value) || !isPlainObject(value.collections)) return { collections, meta: {} };
  for (const name of COLLECTION_NAMES) {
    const records = value.collections[name];
    if (!isPlainObject(records)) continue;
    const ids = Object.keys(records);
    // Usually every entry is a record and is used as parsed (copying 10,000 costs ~25 ms).
    if (!Object.hasOwn(records, '__proto__') && ids.every((id) => isPlainObject(records[id]))) {
      collections[name] = records as Record<string, Record<string, unknown>>;
      continue;
    }
    // No prototype: a record id such as "__proto__" stays an ordinary key.
    const kept = Object.create(null) as Record<string, Record<string, unknown>>;
    for (const id of ids) {
      const data = records[id];
      if (isPlainObject(data)) kept[id] = data;
    }
    collections[name] = kept;
  }
  return { collections, meta: isPlainObject(value.meta) ? value.meta : {} };
}
