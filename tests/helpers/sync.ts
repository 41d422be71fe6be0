import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { RunningServer } from './server';

/**
 * Helpers for tests that talk to a real server: stock y-websocket clients,
 * raw sockets, metrics, and waiting for a condition instead of sleeping.
 */

export interface WaitOptions {
  timeout?: number;
  interval?: number;
  message?: string;
}

/** Poll until `check` returns a truthy value (errors count as "not yet"); fail with the last error. */
export async function waitFor<T>(check: () => T | Promise<T>, options: WaitOptions = {}): Promise<NonNullable<T>> {
  const { timeout = 10_000, interval = 25 } = options;
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`${options.message ?? 'condition not met'} within ${timeout} ms (last: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export interface CloseInfo {
  code: number;
  reason: string;
}

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Every close code the provider saw, in order. */
  closes: CloseInfo[];
  synced(): Promise<void>;
  destroy(): void;
}

/** Keeps track of clients and sockets so afterEach can tear everything down. */
/**
 * Each stock provider adds a process 'exit' listener (to say goodbye to its
 * peers), so the listener count that Node warns about as a leak grows with
 * the providers alive: the limit follows them.
 */
const baseMaxListeners = process.getMaxListeners();
let liveProviders = 0;
function countProviders(change: 1 | -1): void {
  liveProviders += change;
  process.setMaxListeners(baseMaxListeners + liveProviders);
}

export class ClientPool {
  private readonly clients: SyncClient[] = [];
  private readonly sockets: WebSocket[] = [];

  /** A stock WebsocketProvider, as the app uses it (BroadcastChannel off: in one Node process it would bypass the server). */
  connect(server: Pick<RunningServer, 'wsUrl'>, boardId: string, token: string | undefined): SyncClient {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.wsUrl, boardId, doc, {
      params: token === undefined ? {} : { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 300,
    });
    countProviders(1);
    let destroyed = false;
    const closes: CloseInfo[] = [];
    provider.on('connection-close', (event) => {
      if (event) closes.push({ code: event.code, reason: event.reason });
    });
    const client: SyncClient = {
      doc,
      provider,
      closes,
      synced: () => waitFor(() => provider.synced, { message: 'client did not sync' }).then(() => undefined),
      destroy: () => {
        if (destroyed) return;
        destroyed = true;
        provider.destroy();
        doc.destroy();
        countProviders(-1);
      },
    };
    this.clients.push(client);
    return client;
  }

  /** A raw `ws` socket, for sending what no well-behaved client would. */
  async raw(url: string): Promise<RawSocket> {
    const ws = new WebSocket(url);
    this.sockets.push(ws);
    const socket = new RawSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return socket;
  }

  destroyAll(): void {
    for (const client of this.clients.splice(0)) client.destroy();
    for (const ws of this.sockets.splice(0)) ws.terminate();
  }
}

export class RawSocket {
  readonly messages: Uint8Array[] = [];
  readonly closed: Promise<CloseInfo>;

  constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer) => this.messages.push(new Uint8Array(data)));
    ws.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      ws.once('close', (code: number, reason: Buffer | string) => resolve({ code, reason: String(reason) })),
    );
  }

  send(data: Uint8Array | string, binary = typeof data !== 'string'): void {
    this.ws.send(data, { binary });
  }
}

/** Read one sample from /metrics (sums over label sets unless `labels` narrows it). */
export async function metric(server: Pick<RunningServer, 'metricsUrl'>, name: string, labels: Record<string, string> = {}) {
  const text = await (await fetch(`${server.metricsUrl}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const labelText = match[2] ?? '';
    if (Object.entries(labels).every(([key, value]) => labelText.includes(`${key}="${value}"`))) {
      total += Number(match[3]);
    }
  }
  return total;
}

export async function getBoard(server: Pick<RunningServer, 'url'>, id: string, token?: string) {
  const res = await fetch(`${server.url}/api/boards/${id}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
