import * as Y from 'yjs';
import type { z } from 'zod';
import { checkAgreementFragment, COLLECTION_NAMES, fastSafeParse, isAgreementRoot, metaSchema, RECORD_SCHEMAS, SERVER_OWNED_META_KEYS, type CollectionName } from '@pc/shared';

/**
 * The board format as the update gate enforces it, read from one transaction
 * on the room's document, as the gate applies it: which record each change touched, and the
 * first rule it breaks. Records are checked with the shared zod schemas the
 * typed accessors use: a new (or replaced) record whole, an edited record
 * field by field, so a record holding older bad data can still be edited.
 */

export interface TouchedRecord {
  collection: CollectionName;
  id: string;
  change: 'created' | 'updated' | 'deleted';
  /** Fields set or removed ('updated' only). */
  fields: string[];
}

export interface Inspection {
  touched: TouchedRecord[];
  /** Meta keys set or removed (for the owner-only settings). */
  metaKeys: string[];
  /** Agreement sections edited (root names). */
  agreement: string[];
  /** The first rule broken, worded for the close reason (`stakeholders/abc.power: ...`); null if none. */
  problem: string | null;
}

const META = 'meta';
const SERVER_OWNED = new Set<string>(SERVER_OWNED_META_KEYS);
const META_SHAPE = metaSchema.shape as Record<string, z.ZodType>;
const SHAPES = Object.fromEntries(
  Object.entries(RECORD_SCHEMAS).map(([name, schema]) => [name, schema.shape as Record<string, z.ZodType>]),
) as Record<CollectionName, Record<string, z.ZodType>>;
/** Fields a record may lose (a reader fills their default in); the rest are required. */
const OPTIONAL_FIELDS = Object.fromEntries(
  Object.entries(SHAPES).map(([name, shape]) => [
    name,
    new Set(Object.entries(shape).filter(([key, field]) => key !== 'id' && field.safeParse(undefined).success).map(([key]) => key)),
  ]),
) as Record<CollectionName, Set<string>>;

function isCollection(name: string): name is CollectionName {
  return Object.hasOwn(RECORD_SCHEMAS, name);
}

/** Short enough for a close reason, and no record id can make it long. */
function label(collection: string, id: string, field?: string | null): string {
  const shortId = id.length > 24 ? `${id.slice(0, 24)}...` : id;
  return field ? `${collection}/${shortId}.${field}` : `${collection}/${shortId}`;
}

function firstIssue(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0]!;
  return { path: issue.path.map(String).join('.'), message: issue.message };
}

function checkValue(schema: z.ZodType, value: unknown): string | null {
  if (value instanceof Y.AbstractType) return 'expected a plain value, got a nested Yjs type';
  const parsed = fastSafeParse(schema, value);
  return parsed.success ? null : firstIssue(parsed.error).message;
}

/** A record created or replaced: the whole map, as createRecord would have written it. */
function checkNewRecord(collection: CollectionName, id: string, value: unknown): string | null {
  if (!(value instanceof Y.Map)) return `${label(collection, id)}: a record must be a Y.Map`;
  if (value._start !== null) return `${label(collection, id)}: a record holds fields only, not list content`;
  const shape = SHAPES[collection];
  const raw: Record<string, unknown> = {};
  let problem: string | null = null;
  value.forEach((field: unknown, key: string) => {
    if (problem) return;
    if (!Object.hasOwn(shape, key)) problem = `${label(collection, id, key)}: not a field of ${collection}`;
    else if (field instanceof Y.AbstractType) problem = `${label(collection, id, key)}: expected a plain value, got a nested Yjs type`;
    else raw[key] = field;
  });
  if (problem) return problem;
  if (raw.id !== id) return `${label(collection, id, 'id')}: must equal the record's key`;
  const parsed = fastSafeParse(RECORD_SCHEMAS[collection], raw);
  if (parsed.success) return null;
  const issue = firstIssue(parsed.error);
  return `${label(collection, id, issue.path || null)}: ${issue.message}`;
}

/** Fields of an existing record set or removed: each on its own, as updateRecord checks them. */
function checkFieldEdits(collection: CollectionName, id: string, map: Y.Map<unknown>, keys: Set<string | null>): string | null {
  const shape = SHAPES[collection];
  for (const key of keys) {
    if (key === null) return `${label(collection, id)}: a record holds fields only, not list content`;
    const schema = shape[key];
    if (!schema) return `${label(collection, id, key)}: not a field of ${collection}`;
    if (!map.has(key)) {
      if (!OPTIONAL_FIELDS[collection].has(key)) return `${label(collection, id, key)}: a required field may not be removed`;
      continue;
    }
    const value = map.get(key);
    if (key === 'id' && value !== id) return `${label(collection, id, 'id')}: must equal the record's key`;
    const problem = checkValue(schema, value);
    if (problem) return `${label(collection, id, key)}: ${problem}`;
  }
  return null;
}

function checkMeta(meta: Y.Map<unknown>, keys: Set<string | null>): string | null {
  for (const key of keys) {
    if (key === null) return 'meta: holds settings only, not list content';
    if (!Object.hasOwn(META_SHAPE, key)) return `meta.${key}: not a board setting`;
    if (SERVER_OWNED.has(key)) return `meta.${key}: written by the server only`;
    if (!meta.has(key)) return `meta.${key}: may not be deleted`;
    const problem = checkValue(META_SHAPE[key]!, meta.get(key));
    if (problem) return `meta.${key}: ${problem}`;
  }
  return null;
}

/**
 * Check one transaction (of the document the update was just applied to)
 * against the board format. `rootName` maps a root type back to its name.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

export function inspectTransaction(transaction: Y.Transaction, rootName: (type: AnyType) => string): Inspection {
  const touched: TouchedRecord[] = [];
  const metaKeys: string[] = [];
  const agreement = new Map<string, AnyType>();
  const result = (problem: string | null): Inspection => ({ touched, metaKeys, agreement: [...agreement.keys()], problem });
  for (const [type, keys] of transaction.changed) {
    // Rich text of the agreement, at any depth: note the section and check it whole below.
    const root = rootOf(type);
    const rootLabel = rootName(root);
    if (isAgreementRoot(rootLabel)) {
      agreement.set(rootLabel, root);
      continue;
    }
    const item = type._item;
    if (item === null) {
      const name = rootLabel;
      if (!(type instanceof Y.Map)) return result(`${name.slice(0, 40)}: not a collection of this board`);
      if (name === META) {
        const problem = checkMeta(type, keys);
        if (problem) return result(problem);
        for (const key of keys) if (key !== null) metaKeys.push(key);
        continue;
      }
      if (!isCollection(name)) return result(`${name.slice(0, 40)}: not a collection of this board`);
      const collection: Y.Map<unknown> = type;
      for (const key of keys) {
        if (key === null) return result(`${name}: holds records only, not list content`);
        if (!collection.has(key)) {
          touched.push({ collection: name, id: key, change: 'deleted', fields: [] });
          continue;
        }
        const problem = checkNewRecord(name, key, collection.get(key));
        if (problem) return result(problem);
        touched.push({ collection: name, id: key, change: 'created', fields: [] });
      }
      continue;
    }
    // A record (or something inside one) was edited; skip it if the record itself is gone.
    if (item.deleted) continue;
    const parent = item.parent as AnyType;
    const recordId = item.parentSub;
    const collectionName = parent._item === null ? rootName(parent) : null;
    if (collectionName === null || !isCollection(collectionName) || recordId === null || !(type instanceof Y.Map)) {
      return result('nested content is not part of the board format');
    }
    const problem = checkFieldEdits(collectionName, recordId, type, keys);
    if (problem) return result(problem);
    touched.push({ collection: collectionName, id: recordId, change: 'updated', fields: [...keys].map(String) });
  }
  // Each edited section is checked whole (node and mark names, attributes, size): a section is
  // at most MAX_AGREEMENT_SECTION_CHARS, so this stays cheap, and it sees the merged result.
  for (const [name, root] of agreement) {
    const problem = checkAgreementFragment(root);
    if (problem) return result(`${name}: ${problem}`);
  }
  return result(checkCommentLinks(transaction.doc, touched));
}

const COMMENT_LINKS = new Set(['targetId', 'parentId']);

/**
 * A comment must point at something that exists when it is written: its
 * target at a record of any other collection, a reply at a comment of the
 * board. (The target may be deleted later; the comment then stays, unpinned.)
 */
function checkCommentLinks(doc: Y.Doc, touched: readonly TouchedRecord[]): string | null {
  const comments = doc.getMap<unknown>('comments');
  for (const record of touched) {
    if (record.collection !== 'comments' || record.change === 'deleted') continue;
    if (record.change === 'updated' && !record.fields.some((f) => COMMENT_LINKS.has(f))) continue;
    const comment = comments.get(record.id);
    if (!(comment instanceof Y.Map)) continue;
    const targetId = comment.get('targetId');
    if (typeof targetId === 'string' && !COLLECTION_NAMES.some((name) => name !== 'comments' && doc.getMap<unknown>(name).has(targetId))) {
      return `${label('comments', record.id, 'targetId')}: no record with this id on the board`;
    }
    const parentId = comment.get('parentId');
    if (typeof parentId === 'string' && (parentId === record.id || !comments.has(parentId))) {
      return `${label('comments', record.id, 'parentId')}: no comment with this id on the board`;
    }
  }
  return null;
}

/** The root type a (possibly deleted) nested type hangs off. */
function rootOf(type: AnyType): AnyType {
  let current = type;
  while (current._item !== null) current = current._item.parent as AnyType;
  return current;
}
