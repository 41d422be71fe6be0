import type * as Y from 'yjs';
import { getMetaMap } from '../doc/meta';
import type { Migration } from './runner';

/** Boards made before meta existed get a title and a creation time. */
export const initialiseMeta: Migration = {
  version: 1,
  name: 'initialiseMeta',
  up(doc: Y.Doc) {
    const meta = getMetaMap(doc);
    if (typeof meta.get('title') !== 'string') meta.set('title', '');
    if (typeof meta.get('createdAt') !== 'number') meta.set('createdAt', 0);
    if (!meta.has('logicTemplate')) meta.set('logicTemplate', null);
  },
};
