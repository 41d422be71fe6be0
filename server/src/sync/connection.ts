import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import { CLOSE_POLICY, COMPRESS_GZIP, COMPRESS_PARAM, PAINT_PARAM, PAINT_WANTED, type BoardId, type Role } from '@pc/shared';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { ConnectionSlot } from './connectionLimits';
import type { ConnectionRateLimiter } from './limits';

/** What a client asked for on its socket URL; stock y-websocket clients ask for neither. */
export interface ClientAsks {
  /** `?compress=gzip`: large sync replies as MESSAGE_GZIPPED_SYNC. */
  gzip: boolean;
  /** `?paint=1`: a MESSAGE_PAINT_SNAPSHOT before a large first sync reply. */
  paint: boolean;
}

export const NO_ASKS: ClientAsks = { gzip: false, paint: false };

/** The asks in a socket URL's query: anything but exactly the documented values is ignored. */
export function clientAsks(params: URLSearchParams): ClientAsks {
  return { gzip: params.get(COMPRESS_PARAM) === COMPRESS_GZIP, paint: params.get(PAINT_PARAM) === PAINT_WANTED };
}

/** What a connection needs from its room (kept narrow so the two files stay apart). */
export interface ConnectionHost {
  receive(connection: Connection, message: Uint8Array): void;
  removeConnection(connection: Connection): void;
}

export interface ConnectionOptions {
  log: Logger;
  metrics: Metrics;
  /** Messages held while the board loads; a client sends two or three, so this only stops floods. */
  maxQueuedBytes: number;
  /** Unsent bytes this socket may pile up before it is dropped (see `send`). */
  maxSendBufferBytes: number;
  onClose(connection: Connection): void;
}

const MAX_QUEUED_MESSAGES = 256;
let nextConnectionId = 1;

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  // A plain view (not a Buffer) so no Buffer-only semantics leak into the decoders.
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * One client's WebSocket. Until its room has loaded it only queues, so no sync
 * step is ever answered from a half-loaded (or empty) document.
 */
export class Connection {
  /** Unique in this process: the identity the update gate and presence ownership use. */
  readonly id = nextConnectionId++;
  /** This connection's rate buckets, set by its room. */
  limiter: ConnectionRateLimiter | null = null;
  /**
   * Extra send-buffer room for single large messages: a board larger than the
   * send buffer cap must still reach a new client, and a large offline batch
   * or restore everyone already there (the cap is for clients that stop
   * reading live updates, not for one large message). The largest such
   * message sent so far.
   */
  private largeMessageAllowance = 0;
  /** Set once close() was called: nothing that arrives after it is processed. */
  private closing = false;
  /** Awareness client ids this connection announced; removed when it closes. */
  readonly awarenessClients = new Set<number>();
  /** Cleared by every pong and message; a ping round without one drops the connection. */
  alive = true;
  private host: ConnectionHost | null = null;
  private queue: Uint8Array[] | null = [];
  private queuedBytes = 0;
  private closed = false;
  private resolveClosed!: () => void;
  /** Resolves when the socket has closed (after the closing handshake, or a terminate). */
  readonly whenClosed = new Promise<void>((resolve) => (this.resolveClosed = resolve));

  /**
   * @param socket the upgraded TCP socket under `ws`, for pre-framed broadcasts
   *   (`sendFrame`); ws writes every frame synchronously (no compression), so
   *   whole frames from both never interleave.
   */
  constructor(
    readonly ws: WebSocket,
    private readonly socket: Duplex,
    readonly boardId: BoardId,
    readonly role: Role,
    private readonly options: ConnectionOptions,
    /** This connection's place under the connection limits, given back when it closes. */
    private readonly slot?: ConnectionSlot,
    /** What the client asked for on its socket URL (large sync replies gzipped, a paint snapshot). */
    readonly asks: ClientAsks = NO_ASKS,
  ) {
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => (this.alive = true));
    ws.on('close', () => this.onClose());
    ws.on('error', (error: Error & { code?: string }) => {
      // ws closes the socket itself after an error (1009 for maxPayload, 1002 for bad frames).
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') options.metrics.protocolErrors.inc({ code: '1009' });
      options.log.warn({ boardId, err: { message: error.message, code: error.code } }, 'websocket error');
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Open and not on its way out (a client reconnecting takes over the presence of its closing connection). */
  get isOpen(): boolean {
    return !this.closed && !this.closing && this.ws.readyState === this.ws.OPEN;
  }

  /** Bind to a room; messages keep queueing until `start`. */
  attach(host: ConnectionHost): void {
    this.host = host;
  }

  /** The room is ready: process what arrived while it loaded, then go live. */
  start(): void {
    const queued = this.queue ?? [];
    this.queue = null;
    this.queuedBytes = 0;
    for (const message of queued) {
      if (this.closed || this.closing) return;
      this.host?.receive(this, message);
    }
  }

  get started(): boolean {
    return this.queue === null;
  }

  send(message: Uint8Array): void {
    // No per-send callback: a failed write closes the socket, and 'close' cleans up.
    if (this.canSend(message.byteLength)) this.ws.send(message, { binary: true });
  }

  /** The reply to a sync request (the whole board for a new client): never counted against the send-buffer cap. */
  sendSync(message: Uint8Array): void {
    this.largeMessageAllowance = Math.max(this.largeMessageAllowance, message.byteLength);
    this.send(message);
  }

  /** Send a frame built once for many recipients by `encodeBinaryFrame`. */
  sendFrame(frame: Buffer): void {
    if (this.canSend(frame.byteLength)) this.socket.write(frame);
  }

  private canSend(bytes: number): boolean {
    if (this.ws.readyState !== this.ws.OPEN) return false;
    // One message over the cap is dropped only if a backlog is already waiting.
    if (bytes > this.options.maxSendBufferBytes) this.largeMessageAllowance = Math.max(this.largeMessageAllowance, bytes);
    // A client whose network stalls would otherwise make the server hold every
    // update of a busy workshop for it. Dropping it frees that memory at once;
    // the client reconnects with backoff and catches up by state vector.
    if (this.ws.bufferedAmount + bytes > this.options.maxSendBufferBytes + this.largeMessageAllowance) {
      this.options.metrics.slowConsumersDropped.inc();
      this.options.log.warn({ boardId: this.boardId, buffered: this.ws.bufferedAmount }, 'dropping a connection that is not reading');
      this.ws.terminate();
      return false;
    }
    return true;
  }

  /** Close with a code the client can act on (reason must stay under 123 bytes). */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closing = true;
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
    else this.ws.terminate();
  }

  /** Drop a dead peer without the closing handshake. */
  ping(): void {
    this.ws.ping();
  }

  terminate(): void {
    this.ws.terminate();
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    this.alive = true;
    if (this.closed || this.closing) return;
    if (!isBinary) {
      this.options.metrics.protocolErrors.inc({ code: String(CLOSE_POLICY) });
      this.close(CLOSE_POLICY, 'text frames are not part of the sync protocol');
      return;
    }
    const bytes = toBytes(data);
    if (this.queue) {
      this.queuedBytes += bytes.byteLength;
      if (this.queue.length >= MAX_QUEUED_MESSAGES || this.queuedBytes > this.options.maxQueuedBytes) {
        this.options.metrics.protocolErrors.inc({ code: String(CLOSE_POLICY) });
        this.close(CLOSE_POLICY, 'too many messages before the board loaded');
        return;
      }
      this.queue.push(bytes);
      return;
    }
    this.host?.receive(this, bytes);
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = null;
    this.resolveClosed();
    this.slot?.release();
    this.host?.removeConnection(this);
    this.options.onClose(this);
  }
}
