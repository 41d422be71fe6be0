import type * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import { messageYjsSyncStep1, writeSyncStep2 } from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import { peekSyncMessage, wrapSyncHandler } from './largeSync';

/**
 * What to send the server once the offline copy has been read into `doc`,
 * given the state vector the server sent when this connection opened (null
 * before it has, or on a connection the server does not ask, a viewer's):
 * sync step 2 with what the server lacked then, which is what this device
 * changed offline (plus anything the server sent since, which it already
 * has). Nothing when the server has not asked yet: y-websocket answers its
 * question, whenever it comes, with the same difference.
 */
export function offlineCatchUp(doc: Y.Doc, serverState: Uint8Array | null): Uint8Array | null {
  if (!serverState) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  writeSyncStep2(encoder, doc, serverState);
  return encoding.toUint8Array(encoder);
}

/** The state vector a server's sync step 1 carries, or null for any other message; the decoder is left as it was. */
export function serverStateVector(decoder: decoding.Decoder): Uint8Array | null {
  const message = peekSyncMessage(decoder);
  return message?.kind === messageYjsSyncStep1 ? message.payload : null;
}

/**
 * The offline copy (y-indexeddb) reads the board into the document in one
 * transaction of its own. y-websocket sends every document change it did not
 * receive to the server as one update message, so a returning visitor whose
 * copy was read after the socket opened sent the whole board back: 2.5 MB for
 * 10,000 notes, which the server refuses as over its update limit (1 MiB by
 * default) on any board larger than that, so the page showed "your change was
 * not kept", dropped the offline copy and with it whatever was edited offline.
 * Here that change is not sent as it is; what the server lacks is sent instead
 * as a sync step 2 (the catch-up message, bounded by the message limit),
 * computed against the state vector the server sent when the connection
 * opened. `isOfflineLoad` says which transaction origin is the copy's.
 * Returns a stop that gives the provider its own listener back.
 */
export function sendOfflineCopyAsCatchUp(provider: WebsocketProvider, isOfflineLoad: (origin: unknown) => boolean): () => void {
  const doc = provider.doc;
  let serverState: Uint8Array | null = null;
  const unwrap = wrapSyncHandler(provider, (original) => (encoder, decoder, from, emitSynced, messageType) => {
    serverState = serverStateVector(decoder) ?? serverState;
    original(encoder, decoder, from, emitSynced, messageType);
  });
  const onStatus = ({ status }: { status: string }) => {
    // A new connection's server asks again; until then the copy's content waits for its question.
    if (status !== 'connected') serverState = null;
  };
  provider.on('status', onStatus);

  const send = provider._updateHandler;
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (!isOfflineLoad(origin)) {
      send(update, origin);
      return;
    }
    const catchUp = offlineCatchUp(doc, serverState);
    const ws = provider.ws;
    if (catchUp && provider.wsconnected && ws?.readyState === WebSocket.OPEN) ws.send(catchUp);
  };
  doc.off('update', send);
  doc.on('update', onUpdate);
  // y-websocket's destroy takes its listener off the document by this field: ours, now.
  provider._updateHandler = onUpdate;
  return () => {
    unwrap();
    provider.off('status', onStatus);
    doc.off('update', onUpdate);
    provider._updateHandler = send;
    doc.on('update', send);
  };
}
