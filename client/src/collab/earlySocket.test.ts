import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { MESSAGE_SYNC } from '@pc/shared';
import { MESSAGE_GZIPPED_SYNC, MESSAGE_PAINT_SNAPSHOT } from '@pc/shared';
import { AdoptingWebSocket, adoptingWebSocket, earlyPaint, EMPTY_SYNC_STEP1, isSyncStep1, openEarlySocket, syncParams, syncServerUrl, syncSocketUrl } from './earlySocket';

/** Enough of a browser WebSocket for the early socket and its adopter. */
class FakeSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static created: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  sent: Uint8Array[] = [];
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  /** Like a browser's: `onmessage` is an event handler attribute, called from the socket's own dispatch. */
  private messageHandler: ((event: MessageEvent) => void) | null = null;
  get onmessage() {
    return this.messageHandler;
  }
  set onmessage(handler) {
    this.messageHandler = handler;
  }
  constructor(readonly url: string) {
    super();
    this.addEventListener('message', (event) => this.messageHandler?.(event as MessageEvent));
    FakeSocket.created.push(this);
  }
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  open() {
    this.readyState = 1;
    const event = new Event('open');
    this.dispatchEvent(event);
    this.onopen?.(event);
  }
  receive(bytes: number[] | Uint8Array) {
    this.dispatchEvent(new MessageEvent('message', { data: new Uint8Array(bytes).buffer }));
  }
}

const here = { protocol: 'http:', host: 'canvas.test:8080' };

afterEach(() => {
  vi.unstubAllGlobals();
  FakeSocket.created = [];
});

describe('syncSocketUrl', () => {
  it('is the URL WebsocketProvider connects to for the same board and token', () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const provider = new WebsocketProvider(syncServerUrl(here), 'board-1', new Y.Doc(), {
      params: syncParams('a+b/c='),
      connect: false,
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    });
    expect(syncSocketUrl(here, 'board-1', 'a+b/c=')).toBe(provider.url);
    expect(syncServerUrl({ protocol: 'https:', host: 'x.org' })).toBe('wss://x.org/ws');
    provider.destroy();
  });
});

describe('EMPTY_SYNC_STEP1', () => {
  it('is the sync step 1 of an empty document', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    expect(EMPTY_SYNC_STEP1).toEqual(encoding.toUint8Array(encoder));
    expect(isSyncStep1(EMPTY_SYNC_STEP1)).toBe(true);
    expect(isSyncStep1(new Uint8Array([MESSAGE_SYNC, 1, 0]))).toBe(false);
    expect(isSyncStep1(new Uint8Array([1, 0]))).toBe(false);
  });
});

describe('AdoptingWebSocket', () => {
  it('hands over the early socket with what it received, and does not ask twice', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const url = syncSocketUrl(here, 'board-2', 'tok');
    openEarlySocket(url);
    const socket = FakeSocket.created[0]!;
    socket.open();
    expect(socket.sent).toEqual([EMPTY_SYNC_STEP1]);
    socket.receive([MESSAGE_SYNC, 0, 1, 0]);

    const adopted = new AdoptingWebSocket(url) as unknown as FakeSocket;
    expect(adopted).toBe(socket);
    const seen: string[] = [];
    adopted.onopen = () => {
      seen.push('open');
      adopted.send(EMPTY_SYNC_STEP1);
      adopted.send(new Uint8Array([1, 0]));
    };
    adopted.onmessage = (event) => seen.push(`message ${new Uint8Array(event.data as ArrayBuffer).join(',')}`);
    await Promise.resolve();
    expect(seen).toEqual(['open', 'message 0,0,1,0']);
    // The owner's own step 1 was dropped; everything else goes out.
    expect(socket.sent).toEqual([EMPTY_SYNC_STEP1, new Uint8Array([1, 0])]);

    // Only once: the next socket (a reconnect) is a new one.
    const next = new AdoptingWebSocket(url) as unknown as FakeSocket;
    expect(next).not.toBe(socket);
  });

  it('opens a socket of its own for another URL', () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    openEarlySocket(syncSocketUrl(here, 'board-3', 'tok'));
    const other = new AdoptingWebSocket(syncSocketUrl(here, 'board-4', 'tok')) as unknown as FakeSocket;
    expect(other.url).toContain('board-4');
    expect(FakeSocket.created).toHaveLength(2);
    // The early one still goes to its own board's session.
    expect(new AdoptingWebSocket(syncSocketUrl(here, 'board-3', 'tok'))).toBe(FakeSocket.created[0]);
  });

  it('inflates a gzipped sync reply and keeps the messages after it in order', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const url = syncSocketUrl(here, 'board-5', 'tok');
    expect(url).toContain('compress=gzip');
    openEarlySocket(url);
    const socket = FakeSocket.created[0]!;
    socket.open();
    const plain = new Uint8Array([MESSAGE_SYNC, 1, 3, 7, 8, 9]);
    // Arrived before the app started: the gzipped reply, then an update.
    socket.receive(await gzipped(plain));
    socket.receive([MESSAGE_SYNC, 2, 1, 5]);
    const adopted = new AdoptingWebSocket(url) as unknown as FakeSocket;
    const seen: string[] = [];
    adopted.onmessage = (event) => seen.push(new Uint8Array(event.data as ArrayBuffer).join(','));
    // And one more while the first is being inflated.
    await Promise.resolve();
    socket.receive([1, 0]);
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen).toEqual([plain.join(','), `${MESSAGE_SYNC},2,1,5`, '1,0']);
    // Plain messages with nothing waiting go straight through.
    socket.receive([1, 1]);
    expect(seen.at(-1)).toBe('1,1');
  });

  it('inflates on a socket of its own too, and closes one whose reply does not inflate', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const ws = new AdoptingWebSocket(syncSocketUrl(here, 'board-6', 'tok')) as unknown as FakeSocket;
    const seen: string[] = [];
    ws.onmessage = (event) => seen.push(new Uint8Array(event.data as ArrayBuffer).join(','));
    ws.open();
    ws.receive(await gzipped(new Uint8Array([MESSAGE_SYNC, 1, 1, 4])));
    ws.receive([1, 2]);
    await vi.waitFor(() => expect(seen).toEqual([`${MESSAGE_SYNC},1,1,4`, '1,2']));

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    ws.receive([MESSAGE_GZIPPED_SYNC, 1, 2, 3]);
    await vi.waitFor(() => expect(ws.closed).toBe(true));
    expect(errors).toHaveBeenCalled();
    expect(seen).toHaveLength(2);
  });
});

describe('paint snapshots', () => {
  it('are asked for on the socket URL', () => {
    expect(syncSocketUrl(here, 'board-7', 'tok')).toContain('paint=1');
  });

  it('go to the paint handler, which the sync reply after them waits for', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const url = syncSocketUrl(here, 'board-8', 'tok');
    openEarlySocket(url);
    const socket = FakeSocket.created[0]!;
    socket.open();
    const records = { collections: { canvasItems: { a: { kind: 'sticky', text: 'Hello' } } }, meta: { title: 'Board' } };
    // Arrived before the app started: the paint, then the reply.
    socket.receive(await gzippedAs(MESSAGE_PAINT_SNAPSHOT, new TextEncoder().encode(JSON.stringify(records))));
    socket.receive(await gzippedAs(MESSAGE_GZIPPED_SYNC, new Uint8Array([MESSAGE_SYNC, 1, 1, 4])));
    const seen: string[] = [];
    let painted: () => void = () => {};
    const adopted = new (adoptingWebSocket((json) => {
      seen.push(`paint ${JSON.stringify(json)}`);
      return new Promise<void>((resolve) => (painted = resolve));
    }))(url) as unknown as FakeSocket;
    adopted.onmessage = (event) => seen.push(new Uint8Array(event.data as ArrayBuffer).join(','));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toBe(`paint ${JSON.stringify(records)}`);
    // Held until the paint is on screen, with what arrives meanwhile behind it.
    socket.receive([1, 0]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveLength(1);
    painted();
    await vi.waitFor(() => expect(seen).toEqual([`paint ${JSON.stringify(records)}`, `${MESSAGE_SYNC},1,1,4`, '1,0']));
  });

  it('are offered, parsed, to the session that starts after they arrived, and still replayed to its socket', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const url = syncSocketUrl(here, 'board-11', 'tok');
    openEarlySocket(url);
    const socket = FakeSocket.created[0]!;
    socket.open();
    expect(earlyPaint(url)).toBeUndefined();
    const records = { collections: { canvasItems: { a: { kind: 'sticky', text: 'Hi' } } }, meta: { title: 'Board' } };
    socket.receive(await gzippedAs(MESSAGE_PAINT_SNAPSHOT, new TextEncoder().encode(JSON.stringify(records))));
    await vi.waitFor(() => expect(earlyPaint(url)).toEqual(records));
    // Another board's session gets nothing; this one's socket still hands the same parsed message to its owner.
    expect(earlyPaint(syncSocketUrl(here, 'board-12', 'tok'))).toBeUndefined();
    const offered = earlyPaint(url);
    const painted: unknown[] = [];
    new (adoptingWebSocket(async (json) => void painted.push(json)))(url);
    await vi.waitFor(() => expect(painted).toHaveLength(1));
    // The very object offered: the session that read it knows not to read it twice.
    expect(painted[0]).toBe(offered);
    // Adopted: no longer offered.
    expect(earlyPaint(url)).toBeUndefined();
  });

  it('are dropped without a handler, and skipped when they do not read, never holding the sync back', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const ws = new AdoptingWebSocket(syncSocketUrl(here, 'board-9', 'tok')) as unknown as FakeSocket;
    const seen: string[] = [];
    ws.onmessage = (event) => seen.push(new Uint8Array(event.data as ArrayBuffer).join(','));
    ws.open();
    ws.receive(await gzippedAs(MESSAGE_PAINT_SNAPSHOT, new TextEncoder().encode('{}')));
    ws.receive([MESSAGE_SYNC, 1, 1, 4]);
    await vi.waitFor(() => expect(seen).toEqual([`${MESSAGE_SYNC},1,1,4`]));

    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const paints: unknown[] = [];
    const other = new (adoptingWebSocket(async (json) => void paints.push(json)))(syncSocketUrl(here, 'board-10', 'tok')) as unknown as FakeSocket;
    const otherSeen: string[] = [];
    other.onmessage = (event) => otherSeen.push(new Uint8Array(event.data as ArrayBuffer).join(','));
    other.open();
    other.receive([MESSAGE_PAINT_SNAPSHOT, 1, 2, 3]);
    other.receive(await gzippedAs(MESSAGE_PAINT_SNAPSHOT, new TextEncoder().encode('not json')));
    other.receive([MESSAGE_SYNC, 1, 1, 5]);
    await vi.waitFor(() => expect(otherSeen).toEqual([`${MESSAGE_SYNC},1,1,5`]));
    expect(paints).toEqual([]);
    expect(warnings).toHaveBeenCalledTimes(2);
    expect(other.closed).toBe(false);
  });
});

async function gzipped(message: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return gzippedAs(MESSAGE_GZIPPED_SYNC, message);
}

async function gzippedAs(type: number, message: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const body = await new Response(new Blob([message]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
  return new Uint8Array([type, ...new Uint8Array(body)]);
}
