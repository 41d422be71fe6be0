import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BoardId, Role } from '@pc/shared';
import type { TokenHash } from '../auth/tokens';
import {
  boardFromRow,
  reviewPointFromRow,
  TOKEN_HASH_COLUMNS,
  type BoardRecord,
  type BoardRow,
  type BoardStore,
  type PendingUpdate,
  type ReviewPoint,
  type ReviewPointInfo,
  type ReviewPointRow,
  type SealedEntry,
  type StoredBoardState,
} from './boardStore';

/**
 * Schema changes are appended here and applied in order, tracked by SQLite's
 * user_version. Review points (named, read-only copies of a board) have their
 * own table, keyed by board, removed with it.
 */
const SCHEMA_STEPS: readonly string[] = [
  `CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     owner_hash TEXT NOT NULL,
     edit_hash TEXT NOT NULL,
     view_hash TEXT NOT NULL
   );
   -- seq is global and monotonic, so "everything up to seq N" is well defined per board.
   CREATE TABLE updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     data BLOB NOT NULL
   );
   CREATE INDEX updates_by_board ON updates(board_id, seq);
   CREATE TABLE snapshots (
     board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
     data BLOB NOT NULL,
     upto_seq INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
  `CREATE TABLE review_points (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     author TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     bytes INTEGER NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX review_points_by_board ON review_points(board_id, created_at);`,
  `CREATE TABLE sealed_entries (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     scope TEXT NOT NULL,
     voter_key TEXT NOT NULL,
     value TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (board_id, scope, voter_key)
   );`,
];

export const SQLITE_FILE = 'partnership-canvas.sqlite';

/** Size the -wal file is truncated back to after a checkpoint. */
const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Free pages are reused by later inserts, so reclaiming a few is wasted I/O;
 * the file is shrunk only once they are both many and a large share of it
 * (a big tail was just compacted into a much smaller snapshot).
 */
export function shouldReclaimPages(freePages: number, totalPages: number, pageSize: number): boolean {
  return freePages * pageSize >= RECLAIM_MIN_BYTES && freePages >= totalPages * RECLAIM_MIN_SHARE;
}
const RECLAIM_MIN_BYTES = 8 * 1024 * 1024;
const RECLAIM_MIN_SHARE = 0.25;
const AUTO_VACUUM_INCREMENTAL = 2;


/** The database file failed its integrity check: the server refuses to start rather than serve damaged boards. */
export class CorruptDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `The SQLite database ${file} is damaged (PRAGMA quick_check: ${problems.slice(0, 3).join('; ')}). ` +
        'Stop the server, restore the file from a backup (or move it aside to start empty), then start again.',
    );
    this.name = 'CorruptDatabaseError';
  }
}

/** Run `PRAGMA quick_check`; throws CorruptDatabaseError unless SQLite answers "ok". */
function checkIntegrity(db: Database.Database, file: string): void {
  let rows: string[];
  try {
    rows = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  } catch (error) {
    // A file that is not a database at all (or whose header is destroyed) fails here.
    throw new CorruptDatabaseError(file, [error instanceof Error ? error.message : String(error)]);
  }
  if (rows.length !== 1 || rows[0] !== 'ok') throw new CorruptDatabaseError(file, rows);
}

export class SqliteBoardStore implements BoardStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, SQLITE_FILE);
    this.db = new Database(file);
    try {
      checkIntegrity(this.db, file);
    } catch (error) {
      this.db.close();
      throw error;
    }
    // Lets compaction hand the pages of a deleted tail back to the file system
    // (see reclaimFreePages). Only takes effect on a new, empty database, and
    // before the switch to WAL; an older file keeps auto_vacuum=NONE until
    // someone runs VACUUM on it.
    if (this.db.pragma('user_version', { simple: true }) === 0) this.db.pragma('auto_vacuum = INCREMENTAL');
    // WAL: readers never block the group-commit writer. synchronous=NORMAL keeps
    // every committed transaction across a process crash (SIGKILL); only an OS
    // crash or power cut can lose the last few commits.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // A compaction deletes a board's whole tail. Without a limit the -wal file
    // keeps the size of the largest transaction ever written (2x a big tail);
    // with one it shrinks back after each checkpoint.
    this.db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    this.migrate();
    this.statements = {
      insertBoard: this.db.prepare(
        `INSERT INTO boards (id, title, created_at, owner_hash, edit_hash, view_hash)
         VALUES (@id, @title, @created_at, @owner_hash, @edit_hash, @view_hash)`,
      ),
      getBoard: this.db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?'),
      insertUpdate: this.db.prepare<[string, Uint8Array]>('INSERT INTO updates (board_id, data) VALUES (?, ?)'),
      snapshot: this.db.prepare<[string], { data: Buffer; upto_seq: number }>(
        'SELECT data, upto_seq FROM snapshots WHERE board_id = ?',
      ),
      tail: this.db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE board_id = ? AND seq > ? ORDER BY seq',
      ),
      upsertSnapshot: this.db.prepare<[string, Uint8Array, number, number]>(
        `INSERT INTO snapshots (board_id, data, upto_seq, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(board_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq,
           updated_at = excluded.updated_at
         WHERE excluded.upto_seq >= snapshots.upto_seq`,
      ),
      deleteTail: this.db.prepare<[string, number]>('DELETE FROM updates WHERE board_id = ? AND seq <= ?'),
      insertReviewPoint: this.db.prepare(
        `INSERT INTO review_points (id, board_id, name, author, created_at, bytes, data)
         VALUES (@id, @board_id, @name, @author, @created_at, @bytes, @data)`,
      ),
      listReviewPoints: this.db.prepare<[string], ReviewPointRow>(
        `SELECT id, name, author, created_at, bytes FROM review_points WHERE board_id = ?
         ORDER BY created_at DESC, rowid DESC`,
      ),
      getReviewPoint: this.db.prepare<[string, string], ReviewPointRow & { data: Buffer }>(
        'SELECT id, name, author, created_at, bytes, data FROM review_points WHERE board_id = ? AND id = ?',
      ),
      putSealed: this.db.prepare<[string, string, string, string, number]>(
        `INSERT INTO sealed_entries (board_id, scope, voter_key, value, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(board_id, scope, voter_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ),
      getSealed: this.db.prepare<[string, string, string], { value: string }>(
        'SELECT value FROM sealed_entries WHERE board_id = ? AND scope = ? AND voter_key = ?',
      ),
      listSealed: this.db.prepare<[string, string], { voter_key: string; value: string; updated_at: number }>(
        'SELECT voter_key, value, updated_at FROM sealed_entries WHERE board_id = ? AND scope = ? ORDER BY voter_key',
      ),
      deleteSealedScope: this.db.prepare<[string, string]>('DELETE FROM sealed_entries WHERE board_id = ? AND scope = ?'),
      deleteSealed: this.db.prepare<[string]>('DELETE FROM sealed_entries WHERE board_id = ?'),
      deleteUpdates: this.db.prepare<[string]>('DELETE FROM updates WHERE board_id = ?'),
      deleteSnapshot: this.db.prepare<[string]>('DELETE FROM snapshots WHERE board_id = ?'),
      deleteReviewPoints: this.db.prepare<[string]>('DELETE FROM review_points WHERE board_id = ?'),
      deleteBoard: this.db.prepare<[string]>('DELETE FROM boards WHERE id = ?'),
      replaceHash: {
        owner: this.db.prepare<[string, string]>(`UPDATE boards SET ${TOKEN_HASH_COLUMNS.owner} = ? WHERE id = ?`),
        edit: this.db.prepare<[string, string]>(`UPDATE boards SET ${TOKEN_HASH_COLUMNS.edit} = ? WHERE id = ?`),
        view: this.db.prepare<[string, string]>(`UPDATE boards SET ${TOKEN_HASH_COLUMNS.view} = ? WHERE id = ?`),
      },
    };
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let step = version; step < SCHEMA_STEPS.length; step++) {
      this.db.transaction(() => {
        this.db.exec(SCHEMA_STEPS[step]!);
        this.db.pragma(`user_version = ${step + 1}`);
      })();
    }
  }

  async createBoard(board: BoardRecord): Promise<void> {
    this.statements.insertBoard.run({
      id: board.id,
      title: board.title,
      created_at: board.createdAt,
      owner_hash: board.tokenHashes.owner,
      edit_hash: board.tokenHashes.edit,
      view_hash: board.tokenHashes.view,
    });
  }

  async getBoard(id: BoardId): Promise<BoardRecord | undefined> {
    const row = this.statements.getBoard.get(id);
    return row ? boardFromRow(row) : undefined;
  }

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<Map<BoardId, number>> {
    const lastSeq = new Map<BoardId, number>();
    if (batch.length === 0) return lastSeq;
    this.db.transaction(() => {
      for (const { boardId, update } of batch) {
        const info = this.statements.insertUpdate.run(boardId, update);
        lastSeq.set(boardId, Number(info.lastInsertRowid));
      }
    })();
    return lastSeq;
  }

  async loadBoard(id: BoardId): Promise<StoredBoardState> {
    // One read transaction, so a compaction cannot slip between snapshot and tail.
    return this.db.transaction(() => {
      const snapshot = this.statements.snapshot.get(id);
      const after = snapshot?.upto_seq ?? 0;
      const rows = this.statements.tail.all(id, after);
      // better-sqlite3 returns each BLOB as a Buffer of its own (a Uint8Array):
      // used as is, without a second copy of every row.
      const updates: Uint8Array[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) updates[i] = rows[i]!.data;
      return {
        snapshot: snapshot ? snapshot.data : null,
        updates,
        lastSeq: rows.at(-1)?.seq ?? after,
      };
    })();
  }

  async compact(id: BoardId, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      const result = this.statements.upsertSnapshot.run(id, snapshot, uptoSeq, Date.now());
      // Never delete a tail that an older snapshot (rejected above) would not cover.
      if (result.changes > 0) this.statements.deleteTail.run(id, uptoSeq);
    })();
    this.reclaimFreePages();
  }

  async saveReviewPoint(boardId: BoardId, point: ReviewPoint): Promise<void> {
    this.statements.insertReviewPoint.run({
      id: point.id,
      board_id: boardId,
      name: point.name,
      author: point.author,
      created_at: point.createdAt,
      bytes: point.state.byteLength,
      data: point.state,
    });
  }

  async listReviewPoints(boardId: BoardId): Promise<ReviewPointInfo[]> {
    return this.statements.listReviewPoints.all(boardId).map(reviewPointFromRow);
  }

  async getReviewPoint(boardId: BoardId, id: string): Promise<ReviewPoint | undefined> {
    const row = this.statements.getReviewPoint.get(boardId, id);
    return row ? { ...reviewPointFromRow(row), state: row.data } : undefined;
  }

  async replaceTokenHash(id: BoardId, role: Role, hash: TokenHash): Promise<boolean> {
    return this.statements.replaceHash[role].run(hash, id).changes > 0;
  }

  async putSealed(boardId: BoardId, scope: string, voterKey: string, value: string): Promise<void> {
    this.statements.putSealed.run(boardId, scope, voterKey, value, Date.now());
  }

  async getSealed(boardId: BoardId, scope: string, voterKey: string): Promise<string | undefined> {
    return this.statements.getSealed.get(boardId, scope, voterKey)?.value;
  }

  async listSealed(boardId: BoardId, scope: string): Promise<SealedEntry[]> {
    return this.statements.listSealed
      .all(boardId, scope)
      .map((row) => ({ voterKey: row.voter_key, value: row.value, updatedAt: Number(row.updated_at) }));
  }

  async deleteSealedScope(boardId: BoardId, scope: string): Promise<number> {
    return this.statements.deleteSealedScope.run(boardId, scope).changes;
  }

  async deleteBoard(id: BoardId): Promise<boolean> {
    // Explicit deletes rather than trusting ON DELETE CASCADE: a file created
    // with foreign_keys off (or a table added later) must not keep rows behind.
    const deleted = this.db.transaction(() => {
      this.statements.deleteUpdates.run(id);
      this.statements.deleteSnapshot.run(id);
      this.statements.deleteReviewPoints.run(id);
      this.statements.deleteSealed.run(id);
      return this.statements.deleteBoard.run(id).changes > 0;
    })();
    this.reclaimFreePages();
    return deleted;
  }

  /** Give the pages a compaction freed back to the file system when they are worth it. */
  private reclaimFreePages(): void {
    if (this.db.pragma('auto_vacuum', { simple: true }) !== AUTO_VACUUM_INCREMENTAL) return;
    const free = this.db.pragma('freelist_count', { simple: true }) as number;
    const total = this.db.pragma('page_count', { simple: true }) as number;
    const pageSize = this.db.pragma('page_size', { simple: true }) as number;
    if (shouldReclaimPages(free, total, pageSize)) this.db.pragma('incremental_vacuum');
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // Fold the WAL back into the main file so a copied data directory is complete.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
