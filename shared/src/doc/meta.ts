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

export function updateMeta(doc: Y.Doc, patch: Partial<Meta>, origin: unknown = null): void {
  const clean = metaSchema.partial().parse(patch);
  const map = getMetaMap(doc);
  doc.transact(() => {
    // Only the keys the caller named: zod fills the schema's defaults into a
    // partial parse too, which would write (and reset) every other meta key.
    for (const key of Object.keys(patch)) {
      const value = (clean as Record<string, unknown>)[key];
      if (value !== undefined && map.get(key) !== value) map.set(key, value);
    }
  }, origin);
}
