import * as Y from 'yjs';
import { getCollection, parseLenient, readRecord, type CollectionName, type RecordOf } from '@pc/shared';
import { sameData } from '../lib/sameData';

/**
 * A live, validated view of one collection of the board document.
 *
 * Each change re-reads only the records it touched and keeps the same object for
 * every other record (structural sharing), so memoised components of unchanged
 * items do not re-render: a drag on one note re-renders that note, not 10,000.
 * `getSnapshot` returns a new array only when something changed, as
 * `useSyncExternalStore` expects.
 *
 * Before the first sync it can also hold records from a paint snapshot
 * (`seed`), drawn until the document confirms them: a record the sync brings
 * with the same data keeps the seeded object (nothing re-renders), and
 * `settle` drops the seeded records the synced document does not hold.
 */
export class CollectionStore<C extends CollectionName> {
  private readonly byId = new Map<string, RecordOf<C>>();
  private readonly invalidIds = new Set<string>();
  /** Seeded records the document has not confirmed yet (null once settled, or never seeded). */
  private seeded: Set<string> | null = null;
  private snapshot: readonly RecordOf<C>[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly collection: Y.Map<Y.Map<unknown>>;
  private readonly handler: (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void;

  constructor(
    private readonly doc: Y.Doc,
    private readonly name: C,
  ) {
    this.collection = getCollection(doc, name);
    this.collection.forEach((_, id) => this.reread(id));
    this.snapshot = [...this.byId.values()];
    this.handler = (events) => {
      const touched = new Set<string>();
      for (const event of events) {
        if (event.target === this.collection) {
          event.changes.keys.forEach((_, key) => touched.add(key));
        } else {
          const key = event.path[0];
          if (typeof key === 'string') touched.add(key);
        }
      }
      let changed = false;
      for (const id of touched) changed = this.reread(id) || changed;
      // The first sync after a paint snapshot usually confirms every record as drawn: nothing to tell.
      if (!changed) return;
      this.snapshot = [...this.byId.values()];
      this.notify();
    };
    this.collection.observeDeep(this.handler);
  }

  /** Reads one record again; whether what readers see of it changed. */
  private reread(id: string): boolean {
    const seeded = this.seeded?.delete(id) ? this.byId.get(id) : undefined;
    const read = readRecord(this.doc, this.name, id);
    if (!read) {
      this.invalidIds.delete(id);
      return this.byId.delete(id);
    }
    const wasInvalid = this.invalidIds.has(id);
    const next = seeded !== undefined && wasInvalid === !read.valid && sameData(seeded, read.record) ? seeded : read.record;
    const changed = this.byId.get(id) !== next || wasInvalid === read.valid;
    this.byId.set(id, next);
    if (read.valid) this.invalidIds.delete(id);
    else this.invalidIds.add(id);
    return changed;
  }

  /**
   * Hold these records (a paint snapshot's, by id) until the document has
   * them; ids the document already holds keep the document's record.
   */
  seed(records: Readonly<Record<string, Record<string, unknown>>>): void {
    this.seeded ??= new Set();
    let added = false;
    for (const id of Object.keys(records)) {
      if (this.byId.has(id)) continue;
      const read = parseLenient(this.name, records[id]!, id);
      this.byId.set(id, read.record);
      if (!read.valid) this.invalidIds.add(id);
      this.seeded.add(id);
      added = true;
    }
    if (!added) return;
    this.snapshot = [...this.byId.values()];
    this.notify();
  }

  /** The document is synced: seeded records it does not hold go, the rest are its own from now on. */
  settle(): void {
    const left = this.seeded;
    this.seeded = null;
    if (!left || left.size === 0) return;
    let changed = false;
    for (const id of left) changed = this.reread(id) || changed;
    if (!changed) return;
    this.snapshot = [...this.byId.values()];
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): readonly RecordOf<C>[] => this.snapshot;

  get(id: string): RecordOf<C> | undefined {
    return this.byId.get(id);
  }

  /** Records whose stored data failed validation (drawn with defaults, flagged in the UI). */
  isInvalid(id: string): boolean {
    return this.invalidIds.has(id);
  }

  get invalidCount(): number {
    return this.invalidIds.size;
  }

  destroy(): void {
    this.collection.unobserveDeep(this.handler);
    this.listeners.clear();
  }
}
