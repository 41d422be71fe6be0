import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { gzipSync } from 'node:zlib';
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_GZIPPED_SYNC, MESSAGE_PAINT_SNAPSHOT, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, boardPaintSnapshot } from '@pc/shared';

/**
 * The y-websocket wire protocol, one decoder for everything a client may send
 * and one encoder per message the server sends. Decoding is strict: any
 * malformed input throws ProtocolError before anything touches a document.
 */

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2' | 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  /** y-websocket clients never send auth messages; accepted and ignored for forward compatibility. */
  | { kind: 'auth' };

/**
 * lib0 reads byte arrays as views on the underlying ArrayBuffer, and ws hands
 * out slices of pooled buffers, so a lying length prefix could read a
 * neighbour's bytes: check every length, and copy what we keep.
 */
function readBytes(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  if (length > decoder.arr.length - decoder.pos) throw new ProtocolError('length prefix beyond end of message');
  // Copy explicitly: Buffer#slice would return a view, not a copy.
  const copy = new Uint8Array(length);
  copy.set(decoder.arr.subarray(decoder.pos, decoder.pos + length));
  decoder.pos += length;
  return copy;
}

function readUint(decoder: decoding.Decoder): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new ProtocolError('truncated or oversized integer');
  }
}

/** Check an awareness update fully before applying it, since applying is not atomic. */
function validateAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = readUint(decoder);
  for (let i = 0; i < count; i++) {
    readUint(decoder);
    readUint(decoder);
    const json = new TextDecoder('utf-8', { fatal: true }).decode(readBytes(decoder));
    JSON.parse(json);
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after awareness update');
}

export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = readUint(decoder);
    let message: ClientMessage;
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = readUint(decoder);
        if (syncType === SYNC_STEP1) {
          const stateVector = readBytes(decoder);
          Y.decodeStateVector(stateVector);
          message = { kind: 'sync-step1', stateVector };
        } else if (syncType === SYNC_STEP2 || syncType === SYNC_UPDATE) {
          message = { kind: syncType === SYNC_STEP2 ? 'sync-step2' : 'update', update: readBytes(decoder) };
        } else {
          throw new ProtocolError(`unknown sync message type ${syncType}`);
        }
        break;
      }
      case MESSAGE_AWARENESS: {
        const update = readBytes(decoder);
        validateAwarenessUpdate(update);
        message = { kind: 'awareness', update };
        break;
      }
      case MESSAGE_QUERY_AWARENESS:
        message = { kind: 'query-awareness' };
        break;
      case MESSAGE_AUTH:
        message = { kind: 'auth' };
        break;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
    if (message.kind !== 'auth' && decoding.hasContent(decoder)) {
      throw new ProtocolError('trailing bytes after message');
    }
    return message;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(error instanceof Error ? error.message : 'malformed message');
  }
}

/** Does `update` decode as a Yjs update? Decoding has no side effects, unlike applying. */
export function isWellFormedUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

/** A sync step 1 from a client that holds nothing of the board yet. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return Y.decodeStateVector(stateVector).size === 0;
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(encoder);
}

/** [type, ...gzip level 1 of `payload`]: the framing of MESSAGE_GZIPPED_SYNC and MESSAGE_PAINT_SNAPSHOT. */
function gzippedMessage(type: number, payload: Uint8Array | string): Uint8Array {
  const gzipped = gzipSync(payload, { level: 1 });
  const out = new Uint8Array(1 + gzipped.byteLength);
  out[0] = type;
  out.set(gzipped, 1);
  return out;
}

/**
 * A sync message as MESSAGE_GZIPPED_SYNC. Level 1: a 10,000-note board's
 * 2.5 MB reply becomes 0.7 MB in about 17 ms (level 6 saves another 0.1 MB
 * for 4x the time); made once per document version (Room.sendSyncReply).
 */
export function gzipSyncMessage(message: Uint8Array): Uint8Array {
  return gzippedMessage(MESSAGE_GZIPPED_SYNC, message);
}

/**
 * The board's records as MESSAGE_PAINT_SNAPSHOT: gzip (level 1) of their JSON.
 * A 10,000-note board: 1.8 MB of JSON, 0.4 MB gzipped, in about 75 ms; made
 * once per document version, for the first client that asks (Room.sendSyncReply).
 */
export function paintSnapshotMessage(doc: Y.Doc): Uint8Array {
  return gzippedMessage(MESSAGE_PAINT_SNAPSHOT, JSON.stringify(boardPaintSnapshot(doc)));
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
