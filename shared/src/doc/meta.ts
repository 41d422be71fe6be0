import * as Y from 'yjs';
import { metaSchema, type Meta } from '../schema';
import { describeIssues, type ReadRecord } from './records';

export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('meta');
}

export function readMeta(doc: Y.Doc): ReadRecord<Meta> {
  const raw = getMetaMap(doc).toJSON() as Record<string, unknown>;
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
 * Writes only the keys in `patch`, each validated by its own field schema.
 * (`metaSchema.partial()` would not do: zod fills the defaults of absent keys,
 * and writing those would reset the title and schema version.)
 */
export function updateMeta(doc: Y.Doc, patch: Partial<Meta>, origin: unknown = null): void {
  const clean = Object.entries(patch).map(([key, value]) => {
    const field = metaSchema.shape[key as keyof Meta];
    if (!field) throw new RangeError(`meta.${key} is not a board setting`);
    return [key, field.parse(value)] as const;
  });
  const map = getMetaMap(doc);
  doc.transact(() => {
    for (const [key, value] of clean) {
      if (value !== undefined && map.get(key) !== value) map.set(key, value);
    }
  }, origin);
}
