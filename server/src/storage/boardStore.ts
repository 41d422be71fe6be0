import type { BoardId, Role } from '@pc/shared';
import type { TokenHash, TokenHashes } from '../auth/tokens';

/**
 * What the server needs from storage, and nothing more. Every method may be
 * asynchronous so a PostgreSQL implementation (multi-node) can slot in beside
 * the embedded SQLite one; the choice is made once, in app.ts.
 */

export interface BoardRecord {
  id: BoardId;
  title: string;
  /** Milliseconds since the epoch, like `meta.createdAt` in the document. */
  createdAt: number;
  tokenHashes: TokenHashes;
}

/** A `boards` row as both SQL stores keep it. */
export interface BoardRow {
  id: string;
  title: string;
  created_at: number | string;
  owner_hash: string;
  edit_hash: string;
  view_hash: string;
}

export function boardFromRow(row: BoardRow): BoardRecord {
  return {
    id: row.id as BoardId,
    title: row.title,
    // PostgreSQL returns BIGINT as a string.
    createdAt: Number(row.created_at),
    tokenHashes: {
      owner: row.owner_hash as TokenHash,
      edit: row.edit_hash as TokenHash,
      view: row.view_hash as TokenHash,
    },
  };
}

/** The `boards` column holding each role's token hash (both SQL stores). */
export const TOKEN_HASH_COLUMNS: Record<Role, 'owner_hash' | 'edit_hash' | 'view_hash'> = {
  owner: 'owner_hash',
  edit: 'edit_hash',
  view: 'view_hash',
};

export interface PendingUpdate {
  boardId: BoardId;
  update: Uint8Array;
}

/** A board's stored document: the latest snapshot plus every update after it, in order. */
export interface StoredBoardState {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Highest sequence number the state covers (0 for a board with nothing stored). */
  lastSeq: number;
}

/** A review point as listed: what it is called, when and by whom it was taken. */
export interface ReviewPointInfo {
  id: string;
  name: string;
  /** The display name of whoever saved it; empty when they gave none. */
  author: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Size of the stored state. */
  bytes: number;
}

/** A review point with its content: the board's full Yjs state when it was taken. */
export interface ReviewPoint extends ReviewPointInfo {
  state: Uint8Array;
}

/** A `review_points` row as both SQL stores keep it (without the state). */
export interface ReviewPointRow {
  id: string;
  name: string;
  author: string;
  created_at: number | string;
  bytes: number | string;
}

export function reviewPointFromRow(row: ReviewPointRow): ReviewPointInfo {
  return { id: row.id, name: row.name, author: row.author, createdAt: Number(row.created_at), bytes: Number(row.bytes) };
}

/**
 * One person's secret entry in a sealed scope of a board (an anonymous vote
 * round's ballot, a health check's rating): kept on the server only, never in
 * the document every client receives. `voterKey` is whatever the caller
 * keys people by (a hash, never a raw secret); `value` is the caller's JSON.
 */
export interface SealedEntry {
  voterKey: string;
  value: string;
  /** Milliseconds since the epoch of the last put. */
  updatedAt: number;
}

/** Longest scope and voter key a store accepts (callers build them from ids and hashes). */
export const MAX_SEALED_KEY = 128;

export interface BoardStore {
  createBoard(board: BoardRecord): Promise<void>;
  getBoard(id: BoardId): Promise<BoardRecord | undefined>;
  /** Append in one transaction; returns the last sequence number written per board. */
  appendUpdates(batch: readonly PendingUpdate[]): Promise<Map<BoardId, number>>;
  loadBoard(id: BoardId): Promise<StoredBoardState>;
  /**
   * Replace the snapshot with `snapshot`, which must contain every update up to
   * and including `uptoSeq`, and delete that tail. Updates after `uptoSeq` stay.
   */
  compact(id: BoardId, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
  /** Keep a review point of a board (its id is new; the board exists). */
  saveReviewPoint(boardId: BoardId, point: ReviewPoint): Promise<void>;
  /** A board's review points, newest first, without their state. */
  listReviewPoints(boardId: BoardId): Promise<ReviewPointInfo[]>;
  /** One review point with its state, only if it belongs to this board. */
  getReviewPoint(boardId: BoardId, id: string): Promise<ReviewPoint | undefined>;
  /** Replace one role's token hash (the old token stops working at once); false when the board does not exist. */
  replaceTokenHash(id: BoardId, role: Role, hash: TokenHash): Promise<boolean>;
  /** Set one person's entry in a sealed scope (replacing theirs); the board exists. */
  putSealed(boardId: BoardId, scope: string, voterKey: string, value: string): Promise<void>;
  /** One person's entry, if they have one. */
  getSealed(boardId: BoardId, scope: string, voterKey: string): Promise<string | undefined>;
  /** Every entry of a scope, in voter-key order. */
  listSealed(boardId: BoardId, scope: string): Promise<SealedEntry[]>;
  /** Remove a scope's entries (a round closed); returns how many went. */
  deleteSealedScope(boardId: BoardId, scope: string): Promise<number>;
  /** Remove the board and every row stored for it, in one transaction; false when it did not exist. */
  deleteBoard(id: BoardId): Promise<boolean>;
  close(): Promise<void>;
}
