import * as Y from 'yjs';
import { z } from 'zod';
import { ALWAYS_STORED_FIELDS, COLLECTION_NAMES, RECORD_SCHEMAS, fastSafeParse, type CollectionName } from '../schema';
import { newRecordId } from '../ids';

export type RecordSchemaOf<C extends CollectionName> = (typeof RECORD_SCHEMAS)[C];
/** A validated record of collection C, with defaults filled in. */
export type RecordOf<C extends CollectionName> = z.output<RecordSchemaOf<C>>;
/** What a caller passes to create a record: required fields, optional defaults, optional id. */
export type RecordInput<C extends CollectionName> = Omit<z.input<RecordSchemaOf<C>>, 'id'> & { id?: string };
export type RecordPatch<C extends CollectionName> = Partial<Omit<RecordOf<C>, 'id'>>;

/** What a reader gets: always a usable record; `valid` false when the doc held bad data. */
export interface ReadRecord<T> {
  record: T;
  valid: boolean;
  problems: string[];
}

/** Thrown at the boundary when a caller tries to write a record that breaks its schema. */
export class RecordValidationError extends Error {
  constructor(
    readonly collection: CollectionName,
    readonly problems: string[],
  ) {
    super(`Invalid ${collection} record: ${problems.join('; ')}`);
    this.name = 'RecordValidationError';
  }
}

export type RecordMap = Y.Map<unknown>;
export type CollectionMap = Y.Map<RecordMap>;

export function getCollection(doc: Y.Doc, name: CollectionName): CollectionMap {
  return doc.getMap<RecordMap>(name);
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.join('.') : 'record';
    return `${path}: ${issue.message}`;
  });
}

function recordData(value: unknown): Record<string, unknown> {
  if (value instanceof Y.Map) return value.toJSON() as Record<string, unknown>;
  return {};
}

type ShapeField = z.ZodType;

/** A value of the right type for a required field with no default, used when the doc holds garbage. */
function fallbackFor(field: ShapeField): unknown {
  const withDefault = field.safeParse(undefined);
  if (withDefault.success) return withDefault.data;
  const def = (field as unknown as { def: { type: string; entries?: Record<string, string> } }).def;
  switch (def.type) {
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'nullable':
      return null;
    default:
      return undefined;
  }
}

/**
 * Validate raw document data without ever throwing: fields that fail fall back to
 * their default so a client can still draw the record, and the problems are reported.
 */
export function parseLenient<C extends CollectionName>(
  name: C,
  raw: Record<string, unknown>,
  id: string,
): ReadRecord<RecordOf<C>> {
  const schema = RECORD_SCHEMAS[name];
  const strict = fastSafeParse(schema, { ...raw, id });
  if (strict.success) return { record: strict.data as RecordOf<C>, valid: true, problems: [] };
  const shape = schema.shape as Record<string, ShapeField>;
  const record: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const parsed = field.safeParse(key === 'id' ? id : raw[key]);
    record[key] = parsed.success ? parsed.data : fallbackFor(field);
  }
  return { record: record as RecordOf<C>, valid: false, problems: describeIssues(strict.error) };
}

export function readRecord<C extends CollectionName>(
  doc: Y.Doc,
  name: C,
  id: string,
): ReadRecord<RecordOf<C>> | undefined {
  const value = getCollection(doc, name).get(id);
  if (value === undefined) return undefined;
  return parseLenient(name, recordData(value), id);
}

export function listRecords<C extends CollectionName>(doc: Y.Doc, name: C): ReadRecord<RecordOf<C>>[] {
  const out: ReadRecord<RecordOf<C>>[] = [];
  getCollection(doc, name).forEach((value, id) => {
    out.push(parseLenient(name, recordData(value), id));
  });
  return out;
}

export function validateRecord<C extends CollectionName>(name: C, input: unknown): RecordOf<C> {
  const parsed = fastSafeParse(RECORD_SCHEMAS[name], input);
  if (!parsed.success) throw new RecordValidationError(name, describeIssues(parsed.error));
  return parsed.data as RecordOf<C>;
}

/** Per collection: each field's default, and whether it is always stored. */
const storagePlans = new Map<CollectionName, Map<string, { always: boolean; fallback: unknown }>>();

function storagePlan(name: CollectionName): Map<string, { always: boolean; fallback: unknown }> {
  let plan = storagePlans.get(name);
  if (!plan) {
    const always = new Set(['id', ...ALWAYS_STORED_FIELDS[name]]);
    plan = new Map();
    for (const [key, field] of Object.entries(RECORD_SCHEMAS[name].shape as Record<string, ShapeField>)) {
      const parsed = field.safeParse(undefined);
      plan.set(key, { always: always.has(key) || !parsed.success, fallback: parsed.success ? parsed.data : undefined });
    }
    storagePlans.set(name, plan);
  }
  return plan;
}

/** Equal to a schema default: the same primitive, or an empty array or object where the default is empty. */
function isDefaultValue(value: unknown, fallback: unknown): boolean {
  if (value === fallback) return true;
  if (Array.isArray(value)) return Array.isArray(fallback) && value.length === 0 && fallback.length === 0;
  if (value !== null && typeof value === 'object' && fallback !== null && typeof fallback === 'object' && !Array.isArray(fallback)) {
    return Object.keys(value).length === 0 && Object.keys(fallback).length === 0;
  }
  return false;
}

/**
 * Create a record (one Y.Map, one key per stored field) and return it with its
 * defaults filled in. Fields holding their default are left out unless
 * ALWAYS_STORED_FIELDS names them: readers fill them in again.
 */
export function createRecord<C extends CollectionName>(
  doc: Y.Doc,
  name: C,
  input: RecordInput<C>,
  origin: unknown = null,
): RecordOf<C> {
  const id = input.id ?? newRecordId();
  const record = validateRecord(name, { ...input, id });
  const plan = storagePlan(name);
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
    if (value === undefined) continue;
    const field = plan.get(key);
    if (field && !field.always && isDefaultValue(value, field.fallback)) continue;
    map.set(key, value);
  }
  doc.transact(() => getCollection(doc, name).set(id, map), origin);
  return record;
}

/**
 * Set only the given fields, so two people editing different fields of one record
 * both keep their change. Each field is validated on its own: a record that holds
 * bad data elsewhere can still be edited.
 */
export function updateRecord<C extends CollectionName>(
  doc: Y.Doc,
  name: C,
  id: string,
  patch: RecordPatch<C>,
  origin: unknown = null,
): void {
  const map = getCollection(doc, name).get(id);
  if (!(map instanceof Y.Map)) throw new RecordValidationError(name, [`no record with id ${id}`]);
  const shape = RECORD_SCHEMAS[name].shape as Record<string, ShapeField>;
  const clean: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    const field = shape[key];
    if (!field || key === 'id') {
      problems.push(`${key}: not a field of ${name}`);
      continue;
    }
    const parsed = fastSafeParse(field, value);
    if (parsed.success) clean[key] = parsed.data;
    else problems.push(...describeIssues(parsed.error).map((p) => `${key}: ${p.replace(/^record: /, '')}`));
  }
  if (problems.length) throw new RecordValidationError(name, problems);
  doc.transact(() => {
    for (const [key, value] of Object.entries(clean)) {
      if (map.get(key) !== value) map.set(key, value);
    }
  }, origin);
}

export function deleteRecord(doc: Y.Doc, name: CollectionName, id: string, origin: unknown = null): boolean {
  const collection = getCollection(doc, name);
  if (!collection.has(id)) return false;
  doc.transact(() => collection.delete(id), origin);
  return true;
}

export function countRecords(doc: Y.Doc): Record<CollectionName, number> {
  const counts = {} as Record<CollectionName, number>;
  for (const name of COLLECTION_NAMES) counts[name] = getCollection(doc, name).size;
  return counts;
}
