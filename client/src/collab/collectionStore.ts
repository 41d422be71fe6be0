import * as Y from 'yjs';
import { getCollection, parseLenient, readRecord, type CollectionName, type RecordOf } from '@pc/shared';
import { sameData } from '../lib/sameData';
import { afterQueuedTasks, whenIdle } from '../lib/afterPaint';

/** Longest run of confirming records in one idle slice. */
const CONFIRM_SLICE_MS = 8;

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
 * Confirming 10,000 records (reading each from the document and comparing it
 * with the one drawn) takes ~120 ms, so the sync's own change only marks them
 * unconfirmed and they are confirmed in idle slices after it: the page answers
 * a click meanwhile. Any later change to a record reads it at once.
 *
 * Changes made elsewhere (applied from an update: the sync, another person,
 * the offline copy) are told to readers in a task of their own, after the
 * messages already queued, all at once; the snapshot itself is current at once.
 */
export class CollectionStore<C extends CollectionName> {
  private readonly byId = new Map<string, RecordOf<C>>();
  private readonly invalidIds = new Set<string>();
  /** Seeded records the document has not confirmed yet (null once settled, or never seeded). */
  private seeded: Set<string> | null = null;
  /** Seeded records the document holds, not yet compared with it (confirmed in idle slices). */
  private readonly unconfirmed = new Set<string>();
  private cancelConfirm: (() => void) | null = null;
  /** A notification of changes from elsewhere waiting behind the queued tasks. */
  private cancelNotify: (() => void) | null = null;
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
      for (const id of touched) {
        if (this.seeded?.delete(id)) this.unconfirmed.add(id);
        else changed = this.reread(id) || changed;
      }
      if (this.unconfirmed.size > 0) this.scheduleConfirm();
      // The first sync after a paint snapshot usually confirms every record as drawn: nothing to tell.
      if (!changed) return;
      this.snapshot = [...this.byId.values()];
      // Someone else's change (the sync, another person, the offline copy) is told in a task of its own,
      // after the messages already waiting: a page slower to render than messages arrive renders once
      // with all that came meanwhile, rather than once per message until it is seconds behind.
      // This person's own changes are told at once.
      if (events[0]?.transaction.local === false) this.notifyAfterQueued();
      else this.notify();
    };
    this.collection.observeDeep(this.handler);
  }

  /** Reads one record again; whether what readers see of it changed. */
  private reread(id: string): boolean {
    const wasSeeded = this.seeded?.delete(id) === true;
    const seeded = this.unconfirmed.delete(id) || wasSeeded ? this.byId.get(id) : undefined;
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

  /** Compare unconfirmed records with the document a slice at a time, in idle time, until none is left. */
  private scheduleConfirm(): void {
    if (this.cancelConfirm) return;
    this.cancelConfirm = whenIdle(() => {
      this.cancelConfirm = null;
      this.confirm(CONFIRM_SLICE_MS);
      if (this.unconfirmed.size > 0) this.scheduleConfirm();
    });
  }

  /** Confirm unconfirmed records for up to `budgetMs` (all of them without a budget); tell readers if any differed. */
  confirm(budgetMs = Infinity): void {
    const until = performance.now() + budgetMs;
    let changed = false;
    let count = 0;
    for (const id of this.unconfirmed) {
      changed = this.reread(id) || changed;
      // The clock is read every 64 records, not per record.
      if (++count % 64 === 0 && performance.now() >= until) break;
    }
    if (!changed) return;
    this.snapshot = [...this.byId.values()];
    this.notify();
  }

  private notify(): void {
    this.cancelNotify?.();
    this.cancelNotify = null;
    for (const listener of [...this.listeners]) listener();
  }

  private notifyAfterQueued(): void {
    this.cancelNotify ??= afterQueuedTasks(() => {
      this.cancelNotify = null;
      this.notify();
    });
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
    this.cancelConfirm?.();
    this.cancelConfirm = null;
    this.cancelNotify?.();
    this.cancelNotify = null;
    this.collection.unobserveDeep(this.handler);
    this.listeners.clear();
  }
}
