import * as Y from 'yjs';
import { COLLECTION_NAMES, metaSchema } from '../schema';
import { getMetaMap } from './meta';
import { getCollection } from './records';

/** What the server knows about a board outside its document, used to refill an emptied `meta`. */
export interface BoardDefaults {
  title: string;
  createdAt: number;
}

export const REPAIR_ORIGIN = Symbol('repair');

/**
 * Make a loaded document safe to serve, whatever it holds: a board stored
 * before the update gate existed (or by a bug) may hold a record that is not a
 * Y.Map, a record whose `id` differs from its key, or a `meta` that was emptied
 * or tampered with. Each problem is fixed in one transaction and described in
 * the returned list (for the log); nothing here throws on content.
 *
 * - a record that is not a Y.Map is removed: no reader can show it, no
 *   accessor can edit it;
 * - a record whose `id` is missing or wrong gets its key as id;
 * - meta fields of the wrong type are reset (`title` and `createdAt` from
 *   `defaults`), so the board keeps its name;
 * - `schemaVersion` that is not a whole number goes (the idempotent
 *   migrations then run again); one above `currentVersion` is set back to it:
 *   no release wrote it, and a newer node re-running its idempotent steps on
 *   a board an older node touched loses nothing.
 */
export function repairBoardDoc(doc: Y.Doc, defaults: BoardDefaults, currentVersion: number): string[] {
  const problems: string[] = [];
  doc.transact(() => {
    for (const name of COLLECTION_NAMES) {
      const collection = getCollection(doc, name);
      const broken: string[] = [];
      collection.forEach((value: unknown, key) => {
        if (!(value instanceof Y.Map)) {
          broken.push(key);
          return;
        }
        if (value.get('id') !== key) {
          problems.push(`${name}/${key}: id was ${JSON.stringify(value.get('id'))}, set to its key`);
          value.set('id', key);
        }
      });
      for (const key of broken) {
        problems.push(`${name}/${key}: not a record map, removed`);
        collection.delete(key);
      }
    }
    repairMeta(getMetaMap(doc), defaults, currentVersion, problems);
  }, REPAIR_ORIGIN);
  return problems;
}

function repairMeta(meta: Y.Map<unknown>, defaults: BoardDefaults, currentVersion: number, problems: string[]): void {
  const version = meta.get('schemaVersion');
  if (version !== undefined && !metaSchema.shape.schemaVersion.safeParse(version).success) {
    problems.push(`meta.schemaVersion: ${describe(version)} is not a version, migrations run again`);
    meta.delete('schemaVersion');
  } else if (typeof version === 'number' && version > currentVersion) {
    problems.push(`meta.schemaVersion: ${version} is newer than ${currentVersion}, set back`);
    meta.set('schemaVersion', currentVersion);
  }
  // An emptied meta (no version) gets its fields from the migrations; refill what they would leave blank.
  const fallbacks: Record<'title' | 'createdAt' | 'logicTemplate', unknown> = {
    title: defaults.title,
    createdAt: defaults.createdAt,
    logicTemplate: null,
  };
  for (const [key, fallback] of Object.entries(fallbacks) as [keyof typeof fallbacks, unknown][]) {
    const value = meta.get(key);
    const missing = value === undefined;
    if (!missing && metaSchema.shape[key].safeParse(value).success) continue;
    // A board that never had meta gets it from migration 001 with the board's own title.
    if (missing && key === 'logicTemplate') continue;
    problems.push(`meta.${key}: ${missing ? 'missing' : describe(value)}, reset`);
    meta.set(key, fallback);
  }
}

function describe(value: unknown): string {
  if (value instanceof Y.AbstractType) return `a ${value.constructor.name}`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
