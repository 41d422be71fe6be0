/**
 * What changed between two states of a board (two review points, or a review
 * point and now): records added, removed and changed field by field, per
 * collection. Pure: records by collection in, plain results out. The wording
 * lives in `sentences.ts`.
 */
import { parseLenient, type RecordOf } from '../../doc/records';
import { COLLECTION_NAMES, type CollectionName } from '../../schema';

/** A board's records by collection, as the JSON export and the snapshot endpoint give them. */
export type BoardRecords = Partial<Record<CollectionName, readonly Record<string, unknown>[]>>;

/** Records by id per collection, read leniently (defaults filled), so raw and exported records compare alike. */
export type RecordIndex = { [C in CollectionName]: Map<string, RecordOf<C>> };

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export type RecordChangeKind = 'added' | 'removed' | 'changed';

export interface RecordChange {
  collection: CollectionName;
  id: string;
  kind: RecordChangeKind;
  /** Changed fields, in schema order; empty for added and removed records. */
  fields: FieldChange[];
}

export function indexRecords(state: BoardRecords): RecordIndex {
  const index = {} as Record<CollectionName, Map<string, unknown>>;
  for (const name of COLLECTION_NAMES) {
    const byId = new Map<string, unknown>();
    for (const raw of state[name] ?? []) {
      const id = typeof raw.id === 'string' ? raw.id : '';
      if (id === '' || byId.has(id)) continue;
      byId.set(id, parseLenient(name, raw, id).record);
    }
    index[name] = byId;
  }
  return index as RecordIndex;
}

/** Structural equality for record field values (numbers, strings, booleans, null, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields: FieldChange[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const field of keys) {
    if (field === 'id') continue;
    if (!sameValue(before[field], after[field])) fields.push({ field, before: before[field], after: after[field] });
  }
  return fields;
}

/** Every record change, collection by collection (in COLLECTION_NAMES order), ids sorted within each. */
export function diffRecords(before: RecordIndex, after: RecordIndex): RecordChange[] {
  const changes: RecordChange[] = [];
  for (const collection of COLLECTION_NAMES) {
    const old = before[collection] as Map<string, Record<string, unknown>>;
    const now = after[collection] as Map<string, Record<string, unknown>>;
    const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
    for (const id of ids) {
      const a = old.get(id);
      const b = now.get(id);
      if (!a) changes.push({ collection, id, kind: 'added', fields: [] });
      else if (!b) changes.push({ collection, id, kind: 'removed', fields: [] });
      else {
        const fields = changedFields(a, b);
        if (fields.length > 0) changes.push({ collection, id, kind: 'changed', fields });
      }
    }
  }
  return changes;
}
