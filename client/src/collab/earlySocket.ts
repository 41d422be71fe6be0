import { COMPRESS_GZIP, COMPRESS_PARAM, MESSAGE_SYNC, PAINT_PARAM, PAINT_WANTED, WS_PATH } from '@pc/shared/protocol';
import { encodeQueryParams } from 'lib0/url';
import { inflatingReceiver, isPaintSnapshot, readPaint, type PaintHandler } from './gzippedSync';

/**
 * The board's sync socket, opened as soon as the page knows which board it
 * shows, while the rest of the app still loads and starts: the server checks
 * the token, loads the room and sends the board in parallel with that, instead
 * of after it. The session's WebsocketProvider then adopts the socket (see
 * `AdoptingWebSocket`) with what it has received so far.
 */

/** y-websocket sync step 1 of an empty document: [messageSync, step 1, state vector of length 1: no clients]. */
export const EMPTY_SYNC_STEP1 = new Uint8Array([MESSAGE_SYNC, 0, 1, 0]);
/** An unadopted socket is closed after this long (the page went elsewhere). */
const UNCLAIMED_MS = 30_000;

/** The sync socket's query: the token, large sync replies gzipped and a paint snapshot first (see gzippedSync.ts). */
export function syncParams(token: string): Record<string, string> {
  return { token, [COMPRESS_PARAM]: COMPRESS_GZIP, [PAINT_PARAM]: PAINT_WANTED };
}

/** ws(s)://host/ws/<boardId>?token=<token>&compress=gzip, built from `syncParams` as WebsocketProvider builds it (lib0's encodeQueryParams). */
export function syncSocketUrl(location: { protocol: string; host: string }, boardId: string, token: string): string {
  return `${syncServerUrl(location)}/${boardId}?${encodeQueryParams(syncParams(token))}`;
}

export function syncServerUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}`;
}

/** Whether an outgoing message is a sync step 1 (which the early socket already sent for an empty document). */
export function isSyncStep1(data: unknown): boolean {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  return bytes !== null && bytes.length >= 2 && bytes[0] === MESSAGE_SYNC && bytes[1] === 0;
}

interface EarlySocket {
  url: string;
  ws: WebSocket;
  sentStep1: boolean;
  messages: MessageEvent[];
  closed: CloseEvent | null;
  /** The paint snapshot's JSON once inflated and parsed (see earlyPaint). */
  paint: unknown;
  detach(): void;
}

let early: EarlySocket | null = null;

export function openEarlySocket(url: string): void {
  if (early || typeof WebSocket === 'undefined') return;
  let ws: WebSocket;
  try {
    ws = new WebSocket(url);
  } catch {
    return;
  }
  ws.binaryType = 'arraybuffer';
  const socket: EarlySocket = { url, ws, sentStep1: false, messages: [], closed: null, paint: undefined, detach: () => {} };
  const onOpen = () => {
    // Ask for the whole board now; the server answers with sync step 2 while the app starts.
    ws.send(EMPTY_SYNC_STEP1);
    socket.sentStep1 = true;
  };
  const onMessage = (event: MessageEvent) => {
    // Inflate and parse the records while the app still loads.
    if (isPaintSnapshot(event.data) && socket.paint === undefined) {
      readPaint(event.data).then(
        (json) => (socket.paint = json),
        () => {},
      );
    }
    socket.messages.push(event);
  };
  const onClose = (event: CloseEvent) => (socket.closed = event);
  const timer = setTimeout(() => {
    if (early === socket) {
      early = null;
      socket.detach();
      ws.close();
    }
  }, UNCLAIMED_MS);
  socket.detach = () => {
    clearTimeout(timer);
    ws.removeEventListener('open', onOpen);
    ws.removeEventListener('message', onMessage);
    ws.removeEventListener('close', onClose);
  };
  ws.addEventListener('open', onOpen);
  ws.addEventListener('message', onMessage);
  ws.addEventListener('close', onClose);
  early = socket;
}

/**
 * The paint snapshot the early socket for `url` has already received and
 * parsed, if any (not taken: the socket replays it to its owner as usual). A
 * session starting with it draws the board in its first render, rather than
 * rendering an empty board and then the records a moment later.
 */
export function earlyPaint(url: string): unknown {
  return early && early.url === url ? early.paint : undefined;
}

/**
 * The early socket for `url`, handed over once: what it received so far is
 * replayed to the handlers the new owner sets (right after construction, as
 * WebsocketProvider does), and the owner's own sync step 1 is not sent again
 * when the early one already asked for everything.
 */
function adoptEarlySocket(url: string, paint: PaintHandler | undefined): WebSocket | null {
  const socket = early;
  if (!socket || socket.url !== url) return null;
  early = null;
  socket.detach();
  const { ws } = socket;
  let skipStep1 = socket.sentStep1;
  const send = ws.send.bind(ws);
  ws.send = (data) => {
    if (skipStep1 && isSyncStep1(data)) {
      skipStep1 = false;
      return;
    }
    send(data);
  };
  const receive = inflateMessages(ws, paint);
  queueMicrotask(() => {
    if (socket.closed) {
      ws.onclose?.(socket.closed);
      return;
    }
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.onopen?.(new Event('open'));
    for (const message of socket.messages) receive(message);
  });
  return ws;
}

/**
 * The handler the owner sets as `onmessage` gets every message in order, with
 * gzipped sync replies inflated and paint snapshots handed to `paint`; returns
 * the receiver, which replays take too.
 */
function inflateMessages(ws: WebSocket, paint: PaintHandler | undefined): (event: MessageEvent) => void {
  let handler: ((this: WebSocket, event: MessageEvent) => unknown) | null = null;
  const receive = inflatingReceiver(
    (data) => handler?.call(ws, new MessageEvent('message', { data })),
    (error) => {
      console.error('Could not inflate the board sent by the server; reconnecting', error);
      ws.close();
    },
    paint,
  );
  // The owner's `onmessage` is kept here; the socket's own events come through the listener.
  Object.defineProperty(ws, 'onmessage', {
    configurable: true,
    get: () => handler,
    set: (next: typeof handler) => (handler = next),
  });
  const onMessage = (event: MessageEvent) => receive(event.data);
  ws.addEventListener('message', onMessage);
  return onMessage;
}

/**
 * A WebSocket constructor for WebsocketProvider: the early socket when it
 * matches, else a new one; paint snapshots on either go to `paint`.
 */
export function adoptingWebSocket(paint?: PaintHandler): typeof WebSocket {
  return function AdoptingWebSocket(url: string | URL, protocols?: string | string[]): WebSocket {
    const adopted = adoptEarlySocket(String(url), paint);
    if (adopted) return adopted;
    const ws = new WebSocket(url, protocols);
    inflateMessages(ws, paint);
    return ws;
  } as unknown as typeof WebSocket;
}

/** The constructor without a paint handler: paint snapshots are dropped. */
export const AdoptingWebSocket = adoptingWebSocket();
