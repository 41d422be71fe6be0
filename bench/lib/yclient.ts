/**
 * A load-generator client: a raw WebSocket (RFC 6455 over a plain TCP socket)
 * speaking the y-websocket sync protocol with lib0, without a Y.Doc or a
 * WebsocketProvider per client.
 *
 * Why not the `ws` package for the clients: in scenario (a) the reference
 * server sends 150,000 tiny messages a second, and ws's receiver (a Writable
 * stream, one event per message) cost ~9 µs per message here, so one core
 * could not absorb it and the load generator, not the server, set the
 * latency. This client scans frame headers in each TCP chunk and only touches
 * payloads it needs, which keeps it well under one core. `ws` still serves
 * the inspector connection (lib/inspector.ts).
 *
 * - Every client answers the server's sync step 1 and asks for the document
 *   (sync step 1 with its state vector); it counts as synced once sync step 2
 *   arrives, as y-websocket's provider does. It answers pings with pongs.
 * - After that a plain client only counts messages and bytes.
 * - A sampled client also decodes each sync step 2 / update payload with
 *   Y.parseUpdateMeta and hands the clock ranges to `onUpdate`; this works
 *   whether the server forwards updates one by one or merges several.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { connect as netConnect, type Socket } from 'node:net';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocketType from 'ws';
import * as Y from 'yjs';
import { repoRoot } from './harness';

// The root node_modules/ws is 6.2.7 (the reference server's own dependency);
// prefer the ws 8 the server package installed.
export const WebSocket: typeof WebSocketType = (() => {
  for (const base of [join(repoRoot, 'server', 'package.json'), join(repoRoot, 'package.json')]) {
    try {
      return createRequire(base)('ws') as typeof WebSocketType;
    } catch {
      // try the next
    }
  }
  throw new Error('ws not installed');
})();

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

const OP_CONTINUATION = 0x0;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

export function encodeSync(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A masked client frame (clients must mask, RFC 6455 5.3). */
function clientFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + 4 + length);
  frame[0] = 0x80 | opcode;
  if (length < 126) {
    frame[1] = 0x80 | length;
  } else if (length < 65536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  const mask = randomBytes(4);
  mask.copy(frame, headerLength);
  const offset = headerLength + 4;
  for (let i = 0; i < length; i++) frame[offset + i] = payload[i]! ^ mask[i & 3]!;
  return frame;
}

/** An awareness message announcing one client's state (what y-protocols' encodeAwarenessUpdate writes for one client). */
export function encodeAwarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The JSON state, or null for a client that left. */
  state: unknown;
}

/** The entries of an awareness message's payload (after the message type). */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) as unknown });
  }
  return entries;
}

export type UpdateMeta = ReturnType<typeof Y.parseUpdateMeta>;

export interface ClientOptions {
  /** Decode document payloads and report them (sampled receivers). */
  onUpdate?: (meta: UpdateMeta, receivedAt: number) => void;
  /** Decode awareness messages and report their entries (a sampled presence observer). */
  onAwareness?: (entries: AwarenessEntry[], receivedAt: number) => void;
  /** A writer's document: its state answers the server's sync step 1. */
  doc?: Y.Doc;
  connectTimeoutMs?: number;
}

export class BenchClient {
  private socket: Socket | null = null;
  synced = false;
  messages = 0;
  bytes = 0;
  /** Close seen before we closed it ourselves (close code, or 1006 for a cut socket). */
  droppedCode: number | null = null;
  private closingOnPurpose = false;
  private isOpen = false;
  private pending: Buffer | null = null;
  private fragments: Buffer[] = [];
  private onSynced: (() => void) | null = null;

  constructor(
    readonly url: string,
    private readonly options: ClientOptions = {},
  ) {}

  /** Open the socket, upgrade, and resolve once sync step 2 has arrived. */
  connect(): Promise<void> {
    const timeoutMs = this.options.connectTimeoutMs ?? 20_000;
    const url = new URL(this.url);
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const socket = netConnect({ host: url.hostname, port: Number(url.port), noDelay: true });
      this.socket = socket;
      const timer = setTimeout(() => fail(new Error(`no sync step 2 within ${timeoutMs} ms`)), timeoutMs);
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      };
      this.onSynced = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve();
      };
      let head: Buffer = Buffer.alloc(0);
      const onHandshake = (chunk: Buffer) => {
        head = head.length ? Buffer.concat([head, chunk]) : chunk;
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) {
          if (head.length > 16_384) fail(new Error('oversized handshake response'));
          return;
        }
        const status = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
        if (!/^HTTP\/1\.1 101 /.test(status)) {
          fail(new Error(`upgrade refused: ${status}`));
          return;
        }
        socket.off('data', onHandshake);
        socket.on('data', (data: Buffer) => this.onData(data));
        this.isOpen = true;
        const doc = this.options.doc;
        this.sendRaw(OP_BINARY, encodeSync(SYNC_STEP1, doc ? Y.encodeStateVector(doc) : EMPTY_STATE_VECTOR));
        const rest = head.subarray(end + 4);
        if (rest.length) this.onData(rest);
      };
      socket.on('connect', () => {
        socket.write(
          `GET ${url.pathname}${url.search} HTTP/1.1\r\n` +
            `Host: ${url.host}\r\n` +
            'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
            `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
            'Sec-WebSocket-Version: 13\r\n\r\n',
        );
      });
      socket.on('data', onHandshake);
      socket.on('error', (error) => fail(error));
      socket.on('close', () => {
        if (this.isOpen && !this.closingOnPurpose && this.droppedCode === null) this.droppedCode = 1006;
        this.isOpen = false;
        fail(new Error('closed before sync'));
      });
    });
  }

  /** Walk the frames of a TCP chunk; a partial frame waits for the next chunk. */
  private onData(chunk: Buffer): void {
    let data = chunk;
    if (this.pending) {
      data = Buffer.concat([this.pending, chunk]);
      this.pending = null;
    }
    let offset = 0;
    const end = data.length;
    while (end - offset >= 2) {
      const b0 = data[offset]!;
      const b1 = data[offset + 1]!;
      let length = b1 & 0x7f;
      let header = 2;
      if (length === 126) {
        if (end - offset < 4) break;
        length = data.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (end - offset < 10) break;
        length = Number(data.readBigUInt64BE(offset + 2));
        header = 10;
      }
      if (b1 & 0x80) header += 4; // servers never mask, but skip a mask if one is there
      if (end - offset < header + length) break;
      const start = offset + header;
      offset = start + length;
      const opcode = b0 & 0x0f;
      const fin = (b0 & 0x80) !== 0;
      if (opcode === OP_BINARY || opcode === OP_CONTINUATION) {
        if (!fin) {
          this.fragments.push(data.subarray(start, offset));
          continue;
        }
        let payload = data.subarray(start, offset);
        if (this.fragments.length) {
          payload = Buffer.concat([...this.fragments, payload]);
          this.fragments = [];
        }
        this.onMessage(payload);
      } else if (opcode === OP_PING) {
        this.sendRaw(0xa, data.subarray(start, offset));
      } else if (opcode === OP_CLOSE) {
        if (!this.closingOnPurpose && this.droppedCode === null) {
          this.droppedCode = length >= 2 ? data.readUInt16BE(start) : 1005;
        }
        if (this.isOpen) this.sendRaw(OP_CLOSE, data.subarray(start, Math.min(offset, start + 2)));
        this.isOpen = false;
        this.socket?.end();
        return;
      }
      // pong and text frames: ignored
    }
    if (offset < end) this.pending = Buffer.from(data.subarray(offset));
  }

  private onMessage(data: Buffer): void {
    this.messages++;
    this.bytes += data.length;
    if (data[0] === MESSAGE_AWARENESS && this.options.onAwareness) {
      const decoder = decoding.createDecoder(data);
      decoding.readVarUint(decoder);
      this.options.onAwareness(decodeAwarenessUpdate(decoding.readVarUint8Array(decoder)), performance.now());
      return;
    }
    // Sync messages start with two one-byte varints: [0, syncType, ...].
    if (data[0] !== MESSAGE_SYNC) return;
    const syncType = data[1];
    if (this.options.onUpdate && (syncType === SYNC_UPDATE || syncType === SYNC_STEP2)) {
      const decoder = decoding.createDecoder(data);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      this.options.onUpdate(Y.parseUpdateMeta(decoding.readVarUint8Array(decoder)), performance.now());
    }
    if (syncType === SYNC_STEP1) {
      const decoder = decoding.createDecoder(data);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      const stateVector = decoding.readVarUint8Array(decoder);
      const doc = this.options.doc;
      this.send(encodeSync(SYNC_STEP2, doc ? Y.encodeStateAsUpdate(doc, stateVector) : EMPTY_UPDATE));
    } else if (syncType === SYNC_STEP2 && !this.synced) {
      this.synced = true;
      this.onSynced?.();
    }
  }

  get open(): boolean {
    return this.isOpen;
  }

  private sendRaw(opcode: number, payload: Uint8Array): void {
    if (this.socket && !this.socket.destroyed && this.socket.writable) this.socket.write(clientFrame(opcode, payload));
  }

  /** Send one binary message (a y-websocket message). */
  send(message: Uint8Array): void {
    if (this.isOpen) this.sendRaw(OP_BINARY, message);
  }

  /** Close on purpose (not counted as dropped): close frame, then wait up to 2 s for the socket to end. */
  close(): Promise<void> {
    this.closingOnPurpose = true;
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        socket.destroy();
        resolve();
      }, 2000);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      if (this.isOpen) {
        const code = Buffer.alloc(2);
        code.writeUInt16BE(1000);
        this.sendRaw(OP_CLOSE, code);
        this.isOpen = false;
      } else {
        socket.end();
      }
    });
  }

  terminate(): void {
    this.closingOnPurpose = true;
    this.isOpen = false;
    this.socket?.destroy();
  }
}

/** Connect clients `batch` at a time (a ramp, not a connect storm); throws on the first failure. */
export async function connectAll(clients: BenchClient[], batch = 50, pauseMs = 20): Promise<void> {
  for (let i = 0; i < clients.length; i += batch) {
    await Promise.all(clients.slice(i, i + batch).map((client) => client.connect()));
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

/** Close every client, `batch` at a time. */
export async function closeAll(clients: BenchClient[], batch = 200): Promise<void> {
  for (let i = 0; i < clients.length; i += batch) {
    await Promise.all(clients.slice(i, i + batch).map((client) => client.close()));
  }
}
