import * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';

/**
 * A large sync message (a board's first sync: the whole board at once) is
 * applied without Yjs encoding the change again for the document's 'update'
 * listeners, which it does whenever one is registered. They are set aside
 * while the message is applied and then called with the bytes as received:
 * the same change, in the same (V1) encoding. Smaller messages take the usual
 * path. With 10,000 sticky notes the re-encode was about 90 ms of the first
 * paint.
 */
export const LARGE_SYNC_BYTES = 64 * 1024;

export type SyncHandler = (encoder: encoding.Encoder, decoder: decoding.Decoder, provider: WebsocketProvider, emitSynced: boolean, messageType: number) => void;
type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => void;

/** A sync message's kind and the bytes it carries (a state vector or an update), read without moving `decoder`; null if malformed. */
export function peekSyncMessage(decoder: decoding.Decoder): { kind: number; payload: Uint8Array } | null {
  const peek = decoding.clone(decoder);
  try {
    const kind = decoding.readVarUint(peek);
    return { kind, payload: decoding.readVarUint8Array(peek) };
  } catch {
    // Malformed: the provider's own handler reports it.
    return null;
  }
}

/** The update a sync message carries, if it is sync step 2 or an update of at least `minBytes`; the decoder is left as it was. */
export function largeSyncUpdate(decoder: decoding.Decoder, minBytes: number): Uint8Array | null {
  const message = peekSyncMessage(decoder);
  if (!message || (message.kind !== messageYjsSyncStep2 && message.kind !== messageYjsUpdate)) return null;
  return message.payload.byteLength >= minBytes ? message.payload : null;
}

/**
 * Put `wrap(original)` in place of the provider's sync message handler;
 * returns a stop that puts the original back (if nothing wrapped it since).
 */
export function wrapSyncHandler(provider: WebsocketProvider, wrap: (original: SyncHandler) => SyncHandler): () => void {
  const handlers = provider.messageHandlers as SyncHandler[];
  const original = handlers[messageSync];
  if (!original) return () => {};
  const wrapped = wrap(original);
  handlers[messageSync] = wrapped;
  return () => {
    if (handlers[messageSync] === wrapped) handlers[messageSync] = original;
  };
}

/**
 * Take the document's 'update' listeners off it (Yjs then encodes nothing for
 * them); `restore` puts them back, before any added meanwhile, and returns
 * them. Null when there are none.
 */
function setAsideUpdateListeners(doc: Y.Doc): { listeners: Set<UpdateListener>; restore(): Set<UpdateListener> } | null {
  const observers = doc._observers as Map<string, Set<UpdateListener>>;
  const listeners = observers.get('update');
  if (!listeners || listeners.size === 0) return null;
  observers.delete('update');
  return {
    listeners,
    restore() {
      const added = observers.get('update');
      observers.set('update', new Set([...listeners, ...(added ?? [])]));
      return listeners;
    },
  };
}

/** Whether a transaction changed the document (what Yjs checks before emitting 'update'). */
function changedDocument(transaction: Y.Transaction): boolean {
  return transaction.deleteSet.clients.size > 0 || !sameState(transaction.beforeState, transaction.afterState);
}

/**
 * Run `apply` (which applies `update` to `doc`) with the document's 'update'
 * listeners set aside, then hand them `update` once if it changed anything.
 */
export function applyWithoutReencode(doc: Y.Doc, update: Uint8Array, apply: () => void): void {
  const aside = setAsideUpdateListeners(doc);
  if (!aside) {
    apply();
    return;
  }
  let transaction: Y.Transaction | null = null;
  let changed = false;
  const seen = (tr: Y.Transaction) => {
    transaction = tr;
    changed ||= changedDocument(tr);
  };
  doc.on('afterTransaction', seen);
  try {
    apply();
  } finally {
    doc.off('afterTransaction', seen);
    aside.restore();
  }
  if (transaction && changed) for (const listener of [...aside.listeners]) listener(update, (transaction as Y.Transaction).origin, doc, transaction);
}

/** A valid update that changes nothing (no structs, no deletions). */
export const NO_BYTES_UPDATE = new Uint8Array([0, 0]);

/**
 * The offline copy (y-indexeddb) reads the whole board into the document in
 * one transaction (`isCopyLoad` says which origin is the copy's), and Yjs
 * encodes that change again for the 'update' listeners: 79 ms of a returning
 * visitor's load with 10,000 notes. None of ours reads those bytes for that
 * origin: the provider sends the server a catch-up computed from the document
 * (offlineCatchUp.ts), the offline copy does not write back what it read, and
 * the rest only hear that something changed. So the listeners are set aside
 * while that transaction runs, and once Yjs has passed the point where it
 * would have encoded (the next transaction's observer calls, or the end of
 * the batch), each is called once, if the copy changed anything, with
 * `NO_BYTES_UPDATE` and the copy's origin and transaction. Listeners added
 * meanwhile stay, after the ones set aside. Returns a stop.
 */
export function readOfflineCopyWithoutReencode(doc: Y.Doc, isCopyLoad: (origin: unknown) => boolean): () => void {
  let copy: { aside: NonNullable<ReturnType<typeof setAsideUpdateListeners>>; transaction: Y.Transaction; cleaned: boolean } | null = null;
  const onBegin = (transaction: Y.Transaction) => {
    if (copy || !isCopyLoad(transaction.origin)) return;
    const aside = setAsideUpdateListeners(doc);
    if (aside) copy = { aside, transaction, cleaned: false };
  };
  const onCleaned = (transaction: Y.Transaction) => {
    if (copy?.transaction === transaction) copy.cleaned = true;
  };
  const restore = () => {
    if (!copy?.cleaned) return;
    const { aside, transaction } = copy;
    copy = null;
    const listeners = aside.restore();
    if (changedDocument(transaction)) for (const listener of [...listeners]) listener(NO_BYTES_UPDATE, transaction.origin, doc, transaction);
  };
  doc.on('beforeTransaction', onBegin);
  doc.on('afterTransactionCleanup', onCleaned);
  doc.on('beforeObserverCalls', restore);
  doc.on('afterAllTransactions', restore);
  return () => {
    doc.off('beforeTransaction', onBegin);
    doc.off('afterTransactionCleanup', onCleaned);
    doc.off('beforeObserverCalls', restore);
    doc.off('afterAllTransactions', restore);
  };
}

function sameState(before: Map<number, number>, after: Map<number, number>): boolean {
  if (before.size !== after.size) return false;
  for (const [client, clock] of after) if (before.get(client) !== clock) return false;
  return true;
}

/** Route the provider's large sync messages through `applyWithoutReencode`. */
export function applyLargeSyncsWithoutReencode(provider: WebsocketProvider, minBytes = LARGE_SYNC_BYTES): void {
  wrapSyncHandler(provider, (original) => (encoder, decoder, from, emitSynced, messageType) => {
    const update = largeSyncUpdate(decoder, minBytes);
    if (!update) {
      original(encoder, decoder, from, emitSynced, messageType);
      return;
    }
    applyWithoutReencode(from.doc, update, () => original(encoder, decoder, from, emitSynced, messageType));
  });
}
