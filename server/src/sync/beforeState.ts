import * as Y from 'yjs';
import { COLLECTION_NAMES, type CollectionName } from '@pc/shared';

/**
 * The board as it was before a transaction, read from the document the
 * transaction was just applied to. Valid only while the transaction is being
 * cleaned up (in an 'afterTransaction' handler): Yjs replaces the content of
 * deleted items only after that, so what a change overwrote or deleted can
 * still be read.
 *
 * A map key's value before the transaction is the newest item of that key
 * that existed then (its clock below the transaction's starting state vector)
 * if it was not already deleted (deleted now only by this transaction).
 */

/** A record's fields as plain values, as they were. */
export type RecordBefore = Record<string, unknown>;

export interface BeforeState {
  /** A record before the change, or undefined if it did not exist. */
  record(collection: CollectionName, id: string): RecordBefore | undefined;
  /** Every record of a collection before the change, by id. */
  records(collection: CollectionName): Map<string, RecordBefore>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

function existedBefore(item: Y.Item, transaction: Y.Transaction): boolean {
  return item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0);
}

/** The item holding `key` before the transaction, or null if the key had no value. */
function itemBefore(map: AnyType, key: string, transaction: Y.Transaction): Y.Item | null {
  let item: Y.Item | null = map._map.get(key) ?? null;
  while (item !== null && !existedBefore(item, transaction)) item = item.left as Y.Item | null;
  if (item === null) return null;
  if (item.deleted && !Y.isDeleted(transaction.deleteSet, item.id)) return null;
  return item;
}

/** The value of a map key before the transaction (undefined if it had none). */
export function valueBefore(map: AnyType, key: string, transaction: Y.Transaction): unknown {
  const item = itemBefore(map, key, transaction);
  if (item === null) return undefined;
  const content = item.content.getContent();
  return content[content.length - 1];
}

function fieldsBefore(record: unknown, transaction: Y.Transaction): RecordBefore | undefined {
  if (!(record instanceof Y.Map)) return undefined;
  const fields: RecordBefore = {};
  for (const key of record._map.keys()) {
    const value = valueBefore(record, key, transaction);
    if (value !== undefined) fields[key] = value instanceof Y.AbstractType ? value.toJSON() : value;
  }
  return fields;
}

export function beforeState(doc: Y.Doc, transaction: Y.Transaction): BeforeState {
  const collection = (name: CollectionName) => doc.getMap<unknown>(name);
  return {
    record: (name, id) => (COLLECTION_NAMES.includes(name) ? fieldsBefore(valueBefore(collection(name), id, transaction), transaction) : undefined),
    records: (name) => {
      const out = new Map<string, RecordBefore>();
      if (!COLLECTION_NAMES.includes(name)) return out;
      const map = collection(name);
      for (const id of map._map.keys()) {
        const fields = fieldsBefore(valueBefore(map, id, transaction), transaction);
        if (fields) out.set(id, fields);
      }
      return out;
    },
  };
}
