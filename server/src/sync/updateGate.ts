import * as Y from 'yjs';
import { AGREEMENT_ROOT_NAMES, canEdit, COLLECTION_NAMES, ownerOnlyRefusal, SERVER_WRITTEN_COLLECTIONS, type Role } from '@pc/shared';
import { inspectTransaction, type TouchedRecord } from './contentRules';
import { isWellFormedUpdate } from './protocol';

export type { TouchedRecord } from './contentRules';

/**
 * The single gate every incoming document update passes before it is
 * applied, stored or broadcast, whether it arrives as sync step 2 (an offline
 * batch) or as an update message: role, size, the board's quota, the board
 * format (known collections and meta keys, server-owned meta, every touched
 * record against the shared zod schemas) and the board's rules (the record
 * policy: facilitator locks plug in there).
 *
 * Content is judged on a shadow copy of the room's document: the update is
 * applied to the shadow first and the transaction it produced is inspected,
 * so Yjs itself resolves which record each struct lands in (concurrent
 * overwrites, deletions, offline batches) and the gate never has to
 * re-implement that. An accepted update is then applied to the real document;
 * a refused one leaves the shadow changed, so the shadow is rebuilt from the
 * real document (refusals close the sender, so this stays rare).
 */

/** Who sent an update: the identity a record policy (e.g. facilitator locks) decides on. */
export interface GateIdentity {
  connectionId: number;
  role: Role;
}

/** The document before and after an update, for rules that compare the two (a note dragged out of a locked frame). */
export interface PolicyContext {
  /** The room's document, without the update. */
  before: Y.Doc;
  /** The gate's shadow copy, with the update applied. */
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
function builtInRule(shadow: Y.Doc, touched: readonly TouchedRecord[]): string | null {
  const serverWritten = touched.find((t) => SERVER_WRITTEN.has(t.collection));
  if (serverWritten) return `${serverWritten.collection}: written by the server only`;
  if (shadow.getMap('meta').get('healthAnonymous') === true) {
    const named = touched.find((t) => t.collection === 'healthResponses' && t.change !== 'deleted');
    if (named) return 'healthResponses: this board keeps ratings anonymous; rate through the health check';
  }
  return null;
}

export class UpdateGate {
  private shadow: Y.Doc | null = null;
  private names = new Map<unknown, string>();
  private lastTransaction: Y.Transaction | null = null;
  /** Bytes of the board's state: exact after load and compaction, an upper bound in between. */
  private stateBytes: number;

  constructor(
    private readonly doc: Y.Doc,
    private readonly options: GateOptions,
    initialStateBytes: number,
  ) {
    this.stateBytes = initialStateBytes;
    if (options.checkContent) this.rebuildShadow();
  }

  get boardBytes(): number {
    return this.stateBytes;
  }

  admit(update: Uint8Array, source: UpdateSource, who: GateIdentity): GateDecision {
    // Role first: a viewer's update is dropped without spending CPU on it.
    if (!canEdit(who.role)) return { ok: false, reason: 'read-only', message: 'this link is read-only' };
    const { maxUpdateBytes, maxBoardBytes } = this.options;
    if (source === 'update' && update.byteLength > maxUpdateBytes) {
      return { ok: false, reason: 'too-big', message: `update of ${update.byteLength} bytes is over the ${maxUpdateBytes}-byte limit` };
    }
    if (this.stateBytes + update.byteLength > maxBoardBytes) {
      return { ok: false, reason: 'quota', message: `board is full: its state may not exceed ${maxBoardBytes} bytes` };
    }
    if (!this.shadow) {
      return isWellFormedUpdate(update) ? { ok: true, touched: [] } : { ok: false, reason: 'malformed', message: 'malformed update' };
    }
    return this.inspect(this.shadow, update, who);
  }

  private inspect(shadow: Y.Doc, update: Uint8Array, who: GateIdentity): GateDecision {
    this.lastTransaction = null;
    try {
      Y.applyUpdate(shadow, update);
    } catch {
      this.rebuildShadow();
      return { ok: false, reason: 'malformed', message: 'malformed update' };
    }
    const transaction = this.lastTransaction as Y.Transaction | null;
    // Structs that wait for changes the server never had would sit in memory unseen: a
    // well-behaved client sends in causal order, so refuse them.
    if (shadow.store.pendingStructs || shadow.store.pendingDs) {
      this.rebuildShadow();
      return { ok: false, reason: 'malformed', message: 'update depends on changes the server does not have' };
    }
    if (!transaction) return { ok: true, touched: [] };
    const { touched, metaKeys, problem } = inspectTransaction(transaction, (type) => this.rootName(type));
    if (problem) {
      this.rebuildShadow();
      return { ok: false, reason: 'content', message: problem };
    }
    const forbidden = ownerOnlyRefusal(who.role, touched, metaKeys);
    if (forbidden) {
      this.rebuildShadow();
      return { ok: false, reason: 'owner-only', message: forbidden };
    }
    const refusal = builtInRule(shadow, touched) ?? (this.options.policy ?? ALLOW_ALL)(touched, who, { before: this.doc, after: shadow, metaKeys });
    if (refusal) {
      this.rebuildShadow();
      return { ok: false, reason: 'policy', message: refusal };
    }
    return { ok: true, touched };
  }

  /** An admitted update was applied to the real document (the shadow has it already). */
  applied(update: Uint8Array): void {
    this.stateBytes += update.byteLength;
  }

  /** The server changed the real document itself (repair, import, restore): mirror it. */
  serverChange(update: Uint8Array): void {
    this.stateBytes += update.byteLength;
    if (this.shadow) Y.applyUpdate(this.shadow, update);
  }

  /** The exact size is known again (a compaction encoded the whole state). */
  measured(stateBytes: number): void {
    this.stateBytes = stateBytes;
  }

  destroy(): void {
    this.shadow?.destroy();
    this.shadow = null;
  }

  private rebuildShadow(): void {
    this.shadow?.destroy();
    const shadow = new Y.Doc();
    // Every known root as a map before any content arrives, so a root name is always its real type.
    this.names = new Map<unknown, string>(ROOT_NAMES.map((name) => [shadow.getMap(name), name]));
    for (const name of AGREEMENT_ROOT_NAMES) this.names.set(shadow.getXmlFragment(name), name);
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.doc));
    shadow.on('afterTransaction', (transaction: Y.Transaction) => (this.lastTransaction = transaction));
    this.shadow = shadow;
  }

  private rootName(type: unknown): string {
    const known = this.names.get(type);
    if (known !== undefined) return known;
    for (const [name, root] of this.shadow?.share ?? []) if (root === type) return name;
    return '(unknown root)';
  }
}
