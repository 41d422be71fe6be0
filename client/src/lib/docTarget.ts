import type * as Y from 'yjs';

/**
 * What every board action writes through, and its first argument everywhere:
 * `action(session, ...arguments)`. An open board's `BoardSession` is one; a
 * test or a script passes its own document and origin.
 */
export interface DocTarget {
  readonly doc: Y.Doc;
  /** Transaction origin of the writes: the session's, so undo stays per person. */
  readonly localOrigin: unknown;
}
