/**
 * Wire constants shared by the server, the client and the tests. The sync and
 * awareness messages themselves are the standard y-websocket protocol.
 */

/** First varint of every WebSocket message (y-websocket numbering). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/**
 * A sync reply sent gzip-compressed: [MESSAGE_GZIPPED_SYNC, ...gzip(the plain
 * y-websocket sync message)]. Only to a client that asked for it with
 * `?compress=gzip` on the socket URL (the app does; stock y-websocket clients
 * do not, and get plain messages), and only for a reply of at least
 * GZIPPED_SYNC_MIN_BYTES: a board of 10,000 notes is 2.5 MB plain, 0.7 MB gzipped.
 */
export const MESSAGE_GZIPPED_SYNC = 100;
export const COMPRESS_PARAM = 'compress';
export const COMPRESS_GZIP = 'gzip';
export const GZIPPED_SYNC_MIN_BYTES = 64 * 1024;

/**
 * The board's records as JSON, for drawing before the sync reply is read:
 * [MESSAGE_PAINT_SNAPSHOT, ...gzip(JSON of a PaintSnapshot)], sent right before
 * the sync reply to a client that asked with `?paint=1`, whose sync step 1 says
 * it holds nothing yet, when that reply is at least GZIPPED_SYNC_MIN_BYTES. A
 * 10,000-note board's records are 0.4 MB gzipped and parse in tens of
 * milliseconds, where reading the 2.5 MB Yjs update takes half a second; the
 * app draws them read-only and reads the sync reply after that first frame.
 */
export const MESSAGE_PAINT_SNAPSHOT = 101;
export const PAINT_PARAM = 'paint';
export const PAINT_WANTED = '1';

/** WebSocket close codes a client can act on. */
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_POLICY = 1008;
export const CLOSE_TOO_BIG = 1009;
export const CLOSE_SERVER_ERROR = 1011;
/** Refused for now (a connection limit, or storage that cannot save): reconnect later. */
export const CLOSE_TRY_AGAIN = 1013;
export const CLOSE_UNAUTHORISED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_NOT_FOUND = 4404;

/**
 * A close reason starting with this marks an update the server refused for
 * good (a lock, an owner-only part, a broken board rule): sending it again
 * can only be refused again, so the client drops its copy and reloads the
 * board from the server instead of reconnecting with it. The rest of the
 * reason is a plain sentence for the person.
 */
export const REFUSED_PREFIX = 'refused: ';

export function refusedCloseReason(message: string): string {
  return REFUSED_PREFIX + message;
}

/** The sentence of a refusal close reason, or null for any other close. */
export function refusalFromClose(code: number, reason: string): string | null {
  if ((code !== CLOSE_POLICY && code !== CLOSE_TOO_BIG) || !reason.startsWith(REFUSED_PREFIX)) return null;
  return reason.slice(REFUSED_PREFIX.length) || 'This change was refused';
}

/** Path prefix of the sync endpoint: ws://host/ws/<boardId>?token=<token>. */
export const WS_PATH = '/ws';

export const ROLES = ['owner', 'edit', 'view'] as const;
export type Role = (typeof ROLES)[number];

export function canEdit(role: Role): boolean {
  return role !== 'view';
}

/** Share link path for a board; the token travels in the fragment only. */
export function shareLinkPath(boardId: string, token: string): string {
  return `/b/${encodeURIComponent(boardId)}#t=${encodeURIComponent(token)}`;
}

/** Read `#t=<token>` from a location hash. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('t');
  return token && token.length > 0 ? token : null;
}
