import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { MESSAGE_SYNC } from '@pc/shared';
import { AdoptingWebSocket, EMPTY_SYNC_STEP1, isSyncStep1, openEarlySocket, syncServerUrl, syncSocketUrl } from './earlySocket';

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
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(readonly url: string) {
    super();
    FakeSocket.created.push(this);
  }
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close() {}
  open() {
    this.readyState = 1;
    const event = new Event('open');
    this.dispatchEvent(event);
    this.onopen?.(event);
  }
  receive(bytes: number[]) {
    const event = new MessageEvent('message', { data: new Uint8Array(bytes).buffer });
    this.dispatchEvent(event);
    this.onmessage?.(event);
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
      params: { token: 'a+b/c=' },
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
  });
});
