import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { CLOSE_FORBIDDEN, CLOSE_GOING_AWAY, CLOSE_NOT_FOUND, CLOSE_TRY_AGAIN, CLOSE_UNAUTHORISED, WS_PATH } from '@pc/shared';
import { authorizeBoard, type AccessDenied, type AccessResult } from '../auth/boardAccess';
import { clientAddress } from '../auth/clientAddress';
import { originAllowed, type OriginPolicy } from '../http/origins';
import type { Logger } from '../logger';
import type { BoardStore } from '../storage/boardStore';
import type { ConnectionLimits, LimitRefusal } from './connectionLimits';
import type { RoomRegistry } from './roomRegistry';
import { clientAsks, type ClientAsks } from './connection';

export interface UpgradeOptions {
  wss: WebSocketServer;
  store: BoardStore;
  registry: RoomRegistry;
  log: Logger;
  origins: OriginPolicy;
  limits: ConnectionLimits;
  /** Proxies whose X-Forwarded-For entry is believed (see `clientAddress`). */
  trustProxyHops?: number;
  isShuttingDown(): boolean;
}

const LIMITED: Record<LimitRefusal, string> = {
  'board-full': 'this board has too many connections; try again later',
  'address-full': 'too many connections from your network; try again later',
};

function refuseHttp(socket: Duplex, status: string, error: string): void {
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const DENIED: Record<AccessDenied, { code: number; reason: string }> = {
  'missing-token': { code: CLOSE_UNAUTHORISED, reason: 'a token is required (?token=...)' },
  'wrong-token': { code: CLOSE_FORBIDDEN, reason: 'this token does not grant access to this board' },
  'unknown-board': { code: CLOSE_NOT_FOUND, reason: 'no board with this id' },
};

/**
 * `ws://host/ws/<boardId>?token=<token>`. The token is checked before the
 * upgrade completes; a refused client is still upgraded and then closed with a
 * 44xx code, because browsers hide the HTTP status of a failed upgrade while
 * a close code reaches the app (and stops y-websocket from retrying).
 */
export function createUpgradeHandler(options: UpgradeOptions) {
  const { wss, store, registry, log } = options;
  // Made once: a closure made per upgrade would keep the request (headers, URL, token) alive as long as the socket.
  const onSocketError = (error: Error) => log.debug({ err: error.message }, 'socket error during upgrade');
  const onRefusedError = (error: Error) => log.debug({ err: error.message }, 'websocket error while refusing');

  /** The socket is open: refuse it with a close code, or hand it to its room. Holds nothing of the request. */
  const opened = (ws: WebSocket, socket: Duplex, access: AccessResult, boardId: string, address: string, asks: ClientAsks): void => {
    if (options.isShuttingDown() || !access.ok) {
      // Accepted connections get their error handler from Connection; these only close.
      ws.on('error', onRefusedError);
    }
    if (options.isShuttingDown()) {
      ws.close(CLOSE_GOING_AWAY, 'server is shutting down');
    } else if (!access.ok) {
      const { code, reason } = DENIED[access.reason];
      // Log the board id only: the token never goes into a log line.
      log.info({ boardId: boardId.slice(0, 64), reason: access.reason }, 'websocket refused');
      ws.close(code, reason);
    } else {
      const slot = options.limits.acquire(access.board.id, address);
      if (typeof slot === 'string') {
        ws.on('error', onRefusedError);
        log.warn({ boardId, limit: slot }, 'websocket refused: connection limit');
        ws.close(CLOSE_TRY_AGAIN, LIMITED[slot]);
        return;
      }
      log.debug({ boardId, role: access.role }, 'websocket connected');
      // The connection gives the slot back when it closes.
      registry.connect(access.board, access.role, ws, socket, slot, asks);
    }
  };

  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', onSocketError);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const prefix = `${WS_PATH}/`;
    if (!url.pathname.startsWith(prefix)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    let boardId: string;
    try {
      boardId = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      boardId = '';
    }
    const token = url.searchParams.get('token');
    const asks = clientAsks(url.searchParams);
    // Before any work: a page on another site gets a plain 403 and no socket.
    if (!originAllowed(req.headers.origin, req.headers.host, options.origins)) {
      log.info({ origin: String(req.headers.origin).slice(0, 100) }, 'websocket refused: origin not allowed');
      refuseHttp(socket, '403 Forbidden', 'This page\'s origin may not open board connections');
      return;
    }

    const address = clientAddress(req, options.trustProxyHops ?? 0);
    authorizeBoard(store, boardId, token)
      .then((access) => {
        if (socket.destroyed) return;
        wss.handleUpgrade(req, socket, head, (ws) => opened(ws, socket, access, boardId, address, asks));
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'websocket authorisation failed');
        if (!socket.destroyed) {
          socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        }
      });
  };
}
