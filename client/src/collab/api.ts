import type { Role } from '@pc/shared';

/** What the server tells us about a board for a given token. */
export interface BoardInfo {
  id: string;
  title: string;
  role: Role;
  createdAt?: number | string;
  /** Every node's sync URL when the server runs several (WS_URLS). */
  syncUrls?: string[];
}

export interface CreatedBoard {
  id: string;
  title: string;
  tokens: { owner: string; edit: string; view: string };
  links: { owner: string; edit: string; view: string };
}

export type ApiErrorKind = 'bad-request' | 'unauthorised' | 'forbidden' | 'not-found' | 'too-large' | 'too-many' | 'network' | 'server';

/** A failed API call, with a message a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    /** The rows an import refused (422), each with its spreadsheet row number. */
    readonly rows?: { row: number; message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorKindForStatus(status: number): ApiErrorKind {
  switch (status) {
    case 400:
    case 422:
      return 'bad-request';
    case 401:
      return 'unauthorised';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 413:
      return 'too-large';
    case 429:
      return 'too-many';
    default:
      return 'server';
  }
}

const FALLBACK_MESSAGES: Record<ApiErrorKind, string> = {
  'bad-request': 'The request was not accepted.',
  unauthorised: 'This link is not valid any more. Ask the facilitator for a new one.',
  forbidden: 'This link does not give access to that.',
  'not-found': 'This board does not exist or was deleted.',
  'too-large': 'That is too large to save.',
  'too-many': 'Too many requests from this network. Please wait a while and try again.',
  network: 'Cannot reach the server. Check your connection and try again.',
  server: 'The server had a problem. Please try again in a moment.',
};

/** Call the API and read its JSON answer; a failure becomes an ApiError with a message a person can act on. */
export async function request<T>(path: string, init: RequestInit): Promise<T> {
  const res = await send(path, init);
  return (await res.json()) as T;
}

/** Call the API; a failure becomes an ApiError, a success is returned unread. */
export async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError('network', FALLBACK_MESSAGES.network);
  }
  if (!res.ok) {
    const kind = errorKindForStatus(res.status);
    let message = FALLBACK_MESSAGES[kind];
    let rows: { row: number; message: string }[] | undefined;
    try {
      const body = (await res.json()) as { error?: unknown; rows?: unknown };
      if (Array.isArray(body.rows)) {
        rows = body.rows.filter((r): r is { row: number; message: string } => typeof r?.row === 'number' && typeof r?.message === 'string');
      }
      // Auth failures keep our own wording: it tells people what to do next.
      if (typeof body.error === 'string' && body.error && kind !== 'unauthorised' && kind !== 'not-found') {
        message = body.error;
      }
    } catch {
      // not JSON: keep the fallback message
    }
    throw new ApiError(kind, message, res.status, rows);
  }
  return res;
}

export function createBoard(title: string): Promise<CreatedBoard> {
  return request<CreatedBoard>('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
}

export function fetchBoard(boardId: string, token: string): Promise<BoardInfo> {
  return request<BoardInfo>(`/api/boards/${encodeURIComponent(boardId)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

/** Owner only: a new token for one role; the old link stops working at once. */
export function rotateLink(boardId: string, ownerToken: string, role: Role): Promise<{ token: string; link: string }> {
  return request(`${boardPath(boardId)}/tokens/${role}/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ownerToken}` },
  });
}

/** Owner only: delete the board and everything stored for it. */
export async function deleteBoard(boardId: string, ownerToken: string): Promise<void> {
  await send(boardPath(boardId), { method: 'DELETE', headers: { authorization: `Bearer ${ownerToken}` } });
}

/** The server may answer with paths or absolute URLs; people need absolute ones to share. */
export function absoluteLink(link: string, origin: string): string {
  return new URL(link, origin).href;
}
