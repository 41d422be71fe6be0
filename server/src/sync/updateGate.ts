import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AGREEMENT_ROOT_NAMES, canEdit, COLLECTION_NAMES, ownerOnlyRefusal, SERVER_WRITTEN_COLLECTIONS, type Role } from '@pc/shared';
import { inspectTransaction, type TouchedRecord } from './contentRules';
import { beforeState, type BeforeState } from './beforeState';
import { isWellFormedUpdate } from './protocol';

export type { TouchedRecord } from './contentRules';

/**
 * The single gate every incoming document update passes before it is
 * stored or broadcast, whether it arrives as sync step 2 (an offline batch)
 * or as an update message: role, size, the board's quota, the board format
 * (known collections and meta keys, server-owned meta, every touched record
 * against the shared zod schemas) and the board's rules (the record policy:
 * facilitator locks plug in there).
 *
 * Content is judged on the room's document itself: the update is applied and
 * the transaction it produced is inspected while Yjs cleans it up (before the
 * room's 'update' listener, which holds what it hears until the verdict), so
 * Yjs itself resolves which record each struct lands in (concurrent
 * overwrites, deletions, offline batches) and the gate never has to
 * re-implement that. What the change overwrote or deleted is still readable
 * then (`beforeState`), for rules that compare before and after.
 *
 * A refused update has changed the document, so the gate replaces it: a new
 * document is built from the encoded state it keeps (the last compaction's
 * snapshot, or its own encoding, plus every change applied since), and
 * `doc` returns the new one. Refusals close the sender, so this stays rare;
 * in exchange the board is held once in memory, not twice, and each update
 * is applied once.
 */

/** Who sent an update: the identity a record policy (e.g. facilitator locks) decides on. */
export interface GateIdentity {
  connectionId: number;
  role: Role;
}

/** The board before and after an update, for rules that compare the two (a note dragged out of a locked frame). */
export interface PolicyContext {
  /** The records as they were without the update. */
  before: BeforeState;
  /** The room's document, with the update applied. */
  after: Y.Doc;
  /** Board settings the update set or removed. */
  metaKeys: readonly string[];
}

/** The board's own rules over the records an update touches: a reason to refuse, worded for the sender, or null. */
export type RecordPolicy = (touched: readonly TouchedRecord[], who: GateIdentity, context: PolicyContext) => string | null;

/** No board rules beyond roles yet; facilitator locks will be one. */
export const ALLOW_ALL: RecordPolicy = () => null;

export interface GateOptions {
  /** Content checks on (the default); off only for benchmarks comparing the cost. */
  checkContent: boolean;
  /** Largest update message (not sync step 2, whose size ws maxPayload bounds). */
  maxUpdateBytes: number;
  /** Largest board state: updates that would take it beyond are refused. */
  maxBoardBytes: number;
  policy?: RecordPolicy;
}

/**
 * read-only: ignored, the connection stays open (a viewer's client may still
 * try to write). The rest close the sender: too-big with 1009, the others
 * with 1008, `message` as the reason (marked as a refusal, so the client
 * drops what was refused instead of sending it again). owner-only: the update
 * touches `OWNER_ONLY_COLLECTIONS` or `OWNER_ONLY_META_KEYS` (shared) and the
 * sender is not the owner.
 */
export type RejectReason = 'read-only' | 'malformed' | 'too-big' | 'quota' | 'content' | 'owner-only' | 'policy';

export type GateDecision = { ok: true; touched: readonly TouchedRecord[] } | { ok: false; reason: RejectReason; message: string };

export type UpdateSource = 'sync-step2' | 'update';

const ROOT_NAMES = ['meta', ...COLLECTION_NAMES];
const SERVER_WRITTEN = new Set<string>(SERVER_WRITTEN_COLLECTIONS);

/**
 * The board's built-in rules after the owner-only parts, before any record
 * policy: the collections only the server writes, and anonymous ratings
 * (while the board keeps ratings anonymous, a rating naming its partner may
 * not enter the document; deleting old named ones is allowed).
 */
function builtInRule(doc: Y.Doc, touched: readonly TouchedRecord[]): string | null {
  const serverWritten = touched.find((t) => SERVER_WRITTEN.has(t.collection));
  if (serverWritten) return `${serverWritten.collection}: written by the server only`;
  if (doc.getMap('meta').get('healthAnonymous') === true) {
    const named = touched.find((t) => t.collection === 'healthResponses' && t.change !== 'deleted');
    if (named) return 'healthResponses: this board keeps ratings anonymous; rate through the health check';
  }
  return null;
}

type Refusal = Extract<GateDecision, { ok: false }>;

interface Judging {
  who: GateIdentity;
  touched: TouchedRecord[];
  refusal: Refusal | null;
}

const malformed = (message = 'malformed update'): Refusal => ({ ok: false, reason: 'malformed', message });

/** Changes applied since the kept state may reach this many bytes beyond it before the gate encodes the state itself. */
const TAIL_ALLOWANCE = 256 * 1024;

export class UpdateGate {
  private current: Y.Doc;
  private names = new Map<unknown, string>();
  /** The encoded state at some point, and every change applied to the document since: what a replacement is built from. */
  private base: Uint8Array = new Uint8Array(0);
  /** The changes since `base`, length-prefixed in a few growing buffers (not one object each). */
  private tail = encoding.createEncoder();
  /** Set while an update is applied for judging. */
  private judging: Judging | null = null;
  /** Bytes of the board's state: exact after load and compaction, an upper bound in between. */
  private stateBytes: number;

  constructor(
    doc: Y.Doc,
    private readonly options: GateOptions,
    initialStateBytes: number,
  ) {
    this.current = doc;
    this.stateBytes = initialStateBytes;
    if (options.checkContent) {
      this.watch(doc);
      this.base = Y.encodeStateAsUpdate(doc);
    }
  }

  /** The room's document: the one given, or its replacement after a refusal. */
  get doc(): Y.Doc {
    return this.current;
  }

  get boardBytes(): number {
    return this.stateBytes;
  }

  /**
   * Judge an update and, if it is admitted, apply it to `doc` with `origin`.
   * A refused update leaves `doc` as it was before (a new document if the
   * update reached the old one).
   */
  admit(update: Uint8Array, source: UpdateSource, who: GateIdentity, origin: unknown = null): GateDecision {
    // Role first: a viewer's update is dropped without spending CPU on it.
    if (!canEdit(who.role)) return { ok: false, reason: 'read-only', message: 'this link is read-only' };
    const { maxUpdateBytes, maxBoardBytes } = this.options;
    if (source === 'update' && update.byteLength > maxUpdateBytes) {
      return { ok: false, reason: 'too-big', message: `update of ${update.byteLength} bytes is over the ${maxUpdateBytes}-byte limit` };
    }
    if (this.stateBytes + update.byteLength > maxBoardBytes) {
      return { ok: false, reason: 'quota', message: `board is full: its state may not exceed ${maxBoardBytes} bytes` };
    }
    if (!this.options.checkContent) {
      if (!isWellFormedUpdate(update)) return malformed();
      try {
        Y.applyUpdate(this.current, update, origin);
      } catch {
        return malformed();
      }
      this.stateBytes += update.byteLength;
      return { ok: true, touched: [] };
    }
    const judging: Judging = { who, touched: [], refusal: null };
    this.judging = judging;
    try {
      Y.applyUpdate(this.current, update, origin);
    } catch {
      judging.refusal ??= malformed();
    } finally {
      this.judging = null;
    }
    // Structs that wait for changes the server never had would sit in memory unseen: a
    // well-behaved client sends in causal order, so refuse them.
    const { store } = this.current;
    if (!judging.refusal && (store.pendingStructs || store.pendingDs)) judging.refusal = malformed('update depends on changes the server does not have');
    if (judging.refusal) {
      this.replace();
      return judging.refusal;
    }
    this.stateBytes += update.byteLength;
    this.keep(update);
    return { ok: true, touched: judging.touched };
  }

  /** The document changed outside `admit` (a repair, an import, a restore, another node's change): keep it too. */
  recorded(update: Uint8Array): void {
    this.stateBytes += update.byteLength;
    if (this.options.checkContent) this.keep(update);
  }

  /** A compaction just encoded the whole state (synchronously, so nothing came in between). */
  encoded(state: Uint8Array): void {
    this.stateBytes = state.byteLength;
    if (!this.options.checkContent) return;
    this.base = state;
    this.tail = encoding.createEncoder();
  }

  destroy(): void {
    this.current.off('afterTransaction', this.judge);
    this.base = new Uint8Array(0);
    this.tail = encoding.createEncoder();
  }

  private keep(update: Uint8Array): void {
    encoding.writeVarUint8Array(this.tail, update);
    // Compaction normally folds the tail long before this (every COMPACT_EVERY changes).
    if (encoding.length(this.tail) > 2 * this.base.byteLength + TAIL_ALLOWANCE) this.encoded(Y.encodeStateAsUpdate(this.current));
  }

  /** Inspect the transaction an admitted-for-judging update produced, while what it replaced is still readable. */
  private readonly judge = (transaction: Y.Transaction): void => {
    const judging = this.judging;
    if (!judging || judging.refusal) return;
    const doc = transaction.doc;
    try {
      if (doc.store.pendingStructs || doc.store.pendingDs) {
        judging.refusal = malformed('update depends on changes the server does not have');
        return;
      }
      const { touched, metaKeys, problem } = inspectTransaction(transaction, (type) => this.rootName(type));
      if (problem) {
        judging.refusal = { ok: false, reason: 'content', message: problem };
        return;
      }
      const forbidden = ownerOnlyRefusal(judging.who.role, touched, metaKeys);
      if (forbidden) {
        judging.refusal = { ok: false, reason: 'owner-only', message: forbidden };
        return;
      }
      const refusal =
        builtInRule(doc, touched) ??
        (this.options.policy ?? ALLOW_ALL)(touched, judging.who, { before: beforeState(doc, transaction), after: doc, metaKeys });
      if (refusal) {
        judging.refusal = { ok: false, reason: 'policy', message: refusal };
        return;
      }
      judging.touched.push(...touched);
    } catch {
      judging.refusal = malformed();
    }
  };

  /** Build the document again from what was admitted, without the refused update. */
  private replace(): void {
    this.current.off('afterTransaction', this.judge);
    const doc = new Y.Doc();
    this.watch(doc);
    doc.transact(() => {
      Y.applyUpdate(doc, this.base);
      const tail = decoding.createDecoder(encoding.toUint8Array(this.tail));
      while (decoding.hasContent(tail)) Y.applyUpdate(doc, decoding.readVarUint8Array(tail));
    });
    this.current = doc;
  }

  private watch(doc: Y.Doc): void {
    // Every known root as its real type before more content arrives, so a root name is always its real type.
    this.names = new Map<unknown, string>();
    const define = (name: string, get: () => unknown) => {
      try {
        this.names.set(get(), name);
      } catch {
        // Stored under another type (old data): found by name in `rootName`.
      }
    };
    for (const name of ROOT_NAMES) define(name, () => doc.getMap(name));
    for (const name of AGREEMENT_ROOT_NAMES) define(name, () => doc.getXmlFragment(name));
    doc.on('afterTransaction', this.judge);
  }

  private rootName(type: unknown): string {
    const known = this.names.get(type);
    if (known !== undefined) return known;
    for (const [name, root] of this.current.share) if (root === type) return name;
    return '(unknown root)';
  }
}
