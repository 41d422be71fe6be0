import * as Y from 'yjs';
import { COLLECTION_NAMES, fastSafeParse, metaSchema, RECORD_SCHEMAS, type CollectionName } from '../schema';
import { describeIssues } from './records';
import { checkAgreementFragment, isAgreementRoot } from './agreement';

/** At most this many problems are listed; one is enough to refuse, the rest help fix a file. */
const MAX_PROBLEMS = 20;

const KNOWN_ROOTS = new Set<string>(['meta', ...COLLECTION_NAMES]);

/**
 * Every problem of a whole board document, strictly (unlike the readers, which
 * repair on the fly): unknown top-level names, a collection or `meta` of the
 * wrong Yjs type, entries that are not a Y.Map, an `id` that is not its key,
 * and records or meta that fail their zod schema. For checking a document
 * that arrives whole from outside (a restored backup) before it is kept.
 */
export function inspectBoardDoc(doc: Y.Doc): string[] {
  const problems: string[] = [];
  const add = (problem: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  for (const [name, type] of doc.share) {
    if (isAgreementRoot(name)) {
      // The agreement's rich text: read as a fragment (its only valid shape) and check it.
      let problem: string | null;
      try {
        problem = checkAgreementFragment(doc.getXmlFragment(name));
      } catch {
        problem = 'must be rich text';
      }
      if (problem) add(`${name}: ${problem}`);
      continue;
    }
    if (!KNOWN_ROOTS.has(name)) {
      add(`unknown top-level collection "${name.slice(0, 60)}"`);
      continue;
    }
    // An update only names a root; its content decides what it is. A root
    // never read as a map here is a plain AbstractType whose items are map entries
    // when (and only when) they carry keys.
    if (!isMapShaped(type)) add(`"${name}" is not a map`);
  }
  const meta = doc.getMap<unknown>('meta');
  const parsedMeta = metaSchema.safeParse(meta.toJSON());
  if (!parsedMeta.success) for (const issue of describeIssues(parsedMeta.error)) add(`meta.${issue}`);
  for (const name of COLLECTION_NAMES) {
    if (!isMapShaped(doc.share.get(name))) continue;
    doc.getMap<unknown>(name).forEach((value, id) => {
      if (problems.length >= MAX_PROBLEMS) return;
      inspectRecord(name, id, value).forEach(add);
    });
  }
  return problems;
}

function isMapShaped(type: Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>> | undefined): boolean {
  if (!type) return true;
  if (type instanceof Y.Map) return true;
  if (type instanceof Y.Array || type instanceof Y.Text || type instanceof Y.XmlFragment) return false;
  // Not yet typed: a map's items hang off `_map`; a sequence's off `_start`.
  return type._start === null;
}

function inspectRecord(name: CollectionName, id: string, value: unknown): string[] {
  const where = `${name}/${id.slice(0, 40)}`;
  if (!(value instanceof Y.Map)) return [`${where}: a record must be a map`];
  const raw = value.toJSON() as Record<string, unknown>;
  if (raw.id !== id) return [`${where}: id must equal its key`];
  const parsed = fastSafeParse(RECORD_SCHEMAS[name], raw);
  return parsed.success ? [] : describeIssues(parsed.error).map((issue) => `${where}: ${issue}`);
}
