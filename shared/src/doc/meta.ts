import type * as Y from 'yjs';
import type { z } from 'zod';
import { metaSchema, type Meta } from '../schema';
import { describeIssues, type ReadRecord } from './records';

export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('meta');
}

export function readMeta(doc: Y.Doc): ReadRecord<Meta> {
  return readMetaData(getMetaMap(doc).toJSON() as Record<string, unknown>);
}

/** Board settings from plain data (the meta map's JSON), read as leniently as `readMeta`. */
export function readMetaData(raw: Record<string, unknown>): ReadRecord<Meta> {
  const strict = metaSchema.safeParse(raw);
  if (strict.success) return { record: strict.data, valid: true, problems: [] };
  const record = metaSchema.parse({}) as Meta;
  for (const key of Object.keys(record) as (keyof Meta)[]) {
    const field = metaSchema.shape[key].safeParse(raw[key]);
    if (field.success) (record as Record<string, unknown>)[key] = field.data;
  }
  return { record, valid: false, problems: describeIssues(strict.error) };
}

/**
 * Set the given board settings, each validated on its own. Only the keys in
 * `patch` are written: a schema default must never stand in for a key the
 * caller left out (that would reset the title, or write the server-owned
 * `schemaVersion`, which the server's update gate refuses).
 */
export function updateMeta(doc: Y.Doc, patch: Partial<Meta>, origin: unknown = null): void {
  const shape = metaSchema.shape as Record<string, z.ZodType>;
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const field = shape[key];
    if (!field) throw new Error(`meta has no setting "${key}"`);
    clean[key] = field.parse(value);
  }
  const map = getMetaMap(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(clean)) {
      if (map.get(key) !== value) map.set(key, value);
    }
  }, origin);
}
