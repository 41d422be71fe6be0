import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * What nodes say to each other on Redis, one binary frame per message:
 * [version][kind][sender node id][sent at, ms][kind's fields]. Board messages
 * travel on the board's channel (the channel names the board); heartbeats and
 * goodbyes on the cluster's node channel. Anything that does not decode to
 * exactly one well-formed message is dropped by the receiver, never applied.
 */

export const FANOUT_VERSION = 1;

export const NODE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ROLES = ['owner', 'edit', 'view', 'all'] as const;
export type CloseTarget = (typeof ROLES)[number];

export type FanoutMessage =
  /** A document change this node's gate accepted (or the server made): apply, never store or re-publish. */
  | { kind: 'update'; from: string; sentAt: number; update: Uint8Array }
  /** Presence of the sender's own clients (an awareness update). */
  | { kind: 'awareness'; from: string; sentAt: number; update: Uint8Array }
  /** The sender's state vector of the board; `wantReply` asks every peer to announce theirs at once. */
  | { kind: 'state'; from: string; sentAt: number; stateVector: Uint8Array; wantReply: boolean }
  /** `target` should send what `stateVector` lacks. */
  | { kind: 'sync-request'; from: string; sentAt: number; target: string; stateVector: Uint8Array }
  /** The answer to a sync request, for `target` only. */
  | { kind: 'sync-reply'; from: string; sentAt: number; target: string; update: Uint8Array }
  /** Close the board's connections of a role (its link was replaced). */
  | { kind: 'close'; from: string; sentAt: number; role: CloseTarget; code: number; reason: string }
  /** The board was deleted: close everything, free the room without storing. */
  | { kind: 'evict'; from: string; sentAt: number; code: number; reason: string }
  /** On the node channel: the sender is alive. */
  | { kind: 'heartbeat'; from: string; sentAt: number }
  /** On the node channel: the sender is shutting down (drop its presence now). */
  | { kind: 'goodbye'; from: string; sentAt: number };

export type FanoutKind = FanoutMessage['kind'];

const KIND_CODES: Record<FanoutKind, number> = {
  update: 1,
  awareness: 2,
  state: 3,
  'sync-request': 4,
  'sync-reply': 5,
  close: 6,
  evict: 7,
  heartbeat: 8,
  goodbye: 9,
};
const KINDS_BY_CODE = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as FanoutKind]));

export class FanoutMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FanoutMessageError';
  }
}

export function encodeFanoutMessage(message: FanoutMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, FANOUT_VERSION);
  encoding.writeUint8(encoder, KIND_CODES[message.kind]);
  encoding.writeVarString(encoder, message.from);
  encoding.writeVarUint(encoder, Math.max(0, Math.floor(message.sentAt)));
  switch (message.kind) {
    case 'update':
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'state':
      encoding.writeVarUint8Array(encoder, message.stateVector);
      encoding.writeUint8(encoder, message.wantReply ? 1 : 0);
      break;
    case 'sync-request':
      encoding.writeVarString(encoder, message.target);
      encoding.writeVarUint8Array(encoder, message.stateVector);
      break;
    case 'sync-reply':
      encoding.writeVarString(encoder, message.target);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'close':
      encoding.writeVarString(encoder, message.role);
      encoding.writeVarUint(encoder, message.code);
      encoding.writeVarString(encoder, message.reason);
      break;
    case 'evict':
      encoding.writeVarUint(encoder, message.code);
      encoding.writeVarString(encoder, message.reason);
      break;
    case 'heartbeat':
    case 'goodbye':
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Decode one frame; throws FanoutMessageError for anything but exactly one well-formed message. */
export function decodeFanoutMessage(data: Uint8Array, maxBytes: number): FanoutMessage {
  if (data.byteLength > maxBytes) throw new FanoutMessageError(`message of ${data.byteLength} bytes is over the ${maxBytes}-byte limit`);
  if (data.byteLength < 4) throw new FanoutMessageError('message too short');
  const decoder = decoding.createDecoder(data);
  try {
    const version = decoding.readUint8(decoder);
    if (version !== FANOUT_VERSION) throw new FanoutMessageError(`unknown message version ${version}`);
    const code = decoding.readUint8(decoder);
    const kind = KINDS_BY_CODE.get(code);
    if (!kind) throw new FanoutMessageError(`unknown message kind ${code}`);
    const from = readNodeId(decoder);
    const sentAt = decoding.readVarUint(decoder);
    let message: FanoutMessage;
    switch (kind) {
      case 'update':
      case 'awareness':
        message = { kind, from, sentAt, update: readBytes(decoder) };
        break;
      case 'state': {
        const stateVector = readBytes(decoder);
        const flag = decoding.readUint8(decoder);
        if (flag > 1) throw new FanoutMessageError('bad reply flag');
        message = { kind, from, sentAt, stateVector, wantReply: flag === 1 };
        break;
      }
      case 'sync-request':
        message = { kind, from, sentAt, target: readNodeId(decoder), stateVector: readBytes(decoder) };
        break;
      case 'sync-reply':
        message = { kind, from, sentAt, target: readNodeId(decoder), update: readBytes(decoder) };
        break;
      case 'close': {
        const role = decoding.readVarString(decoder);
        if (!(ROLES as readonly string[]).includes(role)) throw new FanoutMessageError(`unknown role "${role.slice(0, 20)}"`);
        message = { kind, from, sentAt, role: role as CloseTarget, code: readCloseCode(decoder), reason: readReason(decoder) };
        break;
      }
      case 'evict':
        message = { kind, from, sentAt, code: readCloseCode(decoder), reason: readReason(decoder) };
        break;
      case 'heartbeat':
      case 'goodbye':
        message = { kind, from, sentAt };
        break;
    }
    if (decoding.hasContent(decoder)) throw new FanoutMessageError('trailing bytes after the message');
    return message;
  } catch (error) {
    if (error instanceof FanoutMessageError) throw error;
    throw new FanoutMessageError(`malformed message: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readNodeId(decoder: decoding.Decoder): string {
  const id = decoding.readVarString(decoder);
  if (!NODE_ID_PATTERN.test(id)) throw new FanoutMessageError('bad node id');
  return id;
}

function readBytes(decoder: decoding.Decoder): Uint8Array {
  const bytes = decoding.readVarUint8Array(decoder);
  if (bytes.byteLength === 0) throw new FanoutMessageError('empty payload');
  return bytes;
}

/** Only the codes a server may close with (RFC 6455 application range and the standard ones we use). */
function readCloseCode(decoder: decoding.Decoder): number {
  const code = decoding.readVarUint(decoder);
  if (!(code >= 1000 && code <= 4999)) throw new FanoutMessageError(`bad close code ${code}`);
  return code;
}

function readReason(decoder: decoding.Decoder): string {
  const reason = decoding.readVarString(decoder);
  if (Buffer.byteLength(reason) > 123) throw new FanoutMessageError('close reason too long');
  return reason;
}
