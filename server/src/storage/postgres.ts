import type pg from 'pg';
import * as Y from 'yjs';
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
 * The same schema and semantics as the SQLite store, for deployments where
 * several server processes share one database. Schema steps are applied under
 * an advisory lock, so nodes starting together do not race.
 */
const SCHEMA_STEPS: readonly string[] = [
  `CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     owner_hash TEXT NOT NULL,
     edit_hash TEXT NOT NULL,
     view_hash TEXT NOT NULL
   );
   CREATE TABLE updates (
     seq BIGSERIAL PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     data BYTEA NOT NULL
   );
   CREATE INDEX updates_by_board ON updates(board_id, seq);
   CREATE TABLE snapshots (
     board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
     data BYTEA NOT NULL,
     upto_seq BIGINT NOT NULL,
     updated_at BIGINT NOT NULL
   );`,
  `CREATE TABLE review_points (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     author TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     bytes INTEGER NOT NULL,
     data BYTEA NOT NULL
   );
   CREATE INDEX review_points_by_board ON review_points(board_id, created_at);`,
  `CREATE TABLE sealed_entries (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     scope TEXT NOT NULL,
     voter_key TEXT NOT NULL,
     value TEXT NOT NULL,
     updated_at BIGINT NOT NULL,
     PRIMARY KEY (board_id, scope, voter_key)
   );`,
];

/** Arbitrary constant naming our schema-migration lock. */
const MIGRATION_LOCK = 7_413_902_118;
/** First key of the per-board compaction lock (the second is the board id's hash). */
const COMPACTION_LOCK_SPACE = 741_390;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresStoreOptions {
  connectionString: string;
  /** PostgreSQL schema to keep the tables in (tests use a throwaway one). */
  schema?: string;
  maxConnections?: number;
}


export class PostgresBoardStore implements BoardStore {
  private readonly pool: pg.Pool;
  private readonly schema: string;
  private closed = false;

  private constructor(options: PostgresStoreOptions, Pool: typeof pg.Pool) {
    this.schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(this.schema)) throw new Error(`Invalid PostgreSQL schema name "${this.schema}"`);
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      options: `-c search_path=${this.schema}`,
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
  }

  /** Connect, create the schema if needed and apply pending steps. */
  static async open(options: PostgresStoreOptions): Promise<PostgresBoardStore> {
    // The driver loads only when PostgreSQL is chosen: a default (SQLite) server never holds it in memory.
    const { default: driver } = await import('pg');
    const store = new PostgresBoardStore(options, driver.Pool);
    try {
      await store.migrate();
    } catch (error) {
      await store.pool.end();
      throw error;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await client.query('CREATE TABLE IF NOT EXISTS pc_schema_version (version INTEGER NOT NULL)');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM pc_schema_version');
      let version = rows[0]?.version ?? 0;
      if (rows.length === 0) await client.query('INSERT INTO pc_schema_version (version) VALUES (0)');
      for (; version < SCHEMA_STEPS.length; version++) {
        await client.query(SCHEMA_STEPS[version]!);
        await client.query('UPDATE pc_schema_version SET version = $1', [version + 1]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async createBoard(board: BoardRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO boards (id, title, created_at, owner_hash, edit_hash, view_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
      [board.id, board.title, board.createdAt, board.tokenHashes.owner, board.tokenHashes.edit, board.tokenHashes.view],
    );
  }

  async getBoard(id: BoardId): Promise<BoardRecord | undefined> {
    const { rows } = await this.pool.query<BoardRow>('SELECT * FROM boards WHERE id = $1', [id]);
    const row = rows[0];
    return row ? boardFromRow(row) : undefined;
  }

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<Map<BoardId, number>> {
    const lastSeq = new Map<BoardId, number>();
    if (batch.length === 0) return lastSeq;
    // One statement, one round trip: unnest keeps the batch's order, so seq follows it.
    // Rows of a board deleted meanwhile are skipped: with several nodes, one that missed
    // the deletion's message would otherwise fail every group commit on the foreign key.
    const { rows } = await this.pool.query<{ board_id: string; seq: string }>(
      `INSERT INTO updates (board_id, data)
       SELECT u.board_id, u.data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS u(board_id, data, n)
       WHERE EXISTS (SELECT 1 FROM boards b WHERE b.id = u.board_id) ORDER BY n
       RETURNING board_id, seq`,
      [batch.map((item) => item.boardId), batch.map((item) => Buffer.from(item.update))],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      const boardId = row.board_id as BoardId;
      if (seq > (lastSeq.get(boardId) ?? 0)) lastSeq.set(boardId, seq);
    }
    return lastSeq;
  }

  async loadBoard(id: BoardId): Promise<StoredBoardState> {
    const client = await this.pool.connect();
    try {
      // One snapshot of the database, so a compaction cannot slip between snapshot and tail.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snapshot = await client.query<{ data: Buffer; upto_seq: string }>(
        'SELECT data, upto_seq FROM snapshots WHERE board_id = $1',
        [id],
      );
      const after = Number(snapshot.rows[0]?.upto_seq ?? 0);
      // Every remaining row, not only those after upto_seq: with several nodes a row
      // can commit with a lower seq than one a compaction already folded (seqs are
      // handed out before commit), and compaction deletes only the rows it read.
      const tail = await client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM updates WHERE board_id = $1 ORDER BY seq', [id]);
      await client.query('COMMIT');
      const first = snapshot.rows[0];
      return {
        snapshot: first ? new Uint8Array(first.data) : null,
        updates: tail.rows.map((row) => new Uint8Array(row.data)),
        lastSeq: Math.max(after, tail.rows.length ? Number(tail.rows.at(-1)!.seq) : 0),
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Several nodes may hold the same board and append to it, each knowing only
   * part of its rows: so the snapshot written is the merge of what is stored
   * (snapshot and every tail row) and the caller's document, under a per-board
   * advisory lock (one compaction at a time), and only the rows read are
   * deleted. Nothing stored is lost whatever the caller's state; Yjs merging
   * is idempotent, so nothing is doubled.
   */
  async compact(id: BoardId, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [COMPACTION_LOCK_SPACE, id]);
      const stored = await client.query<{ data: Buffer; upto_seq: string }>('SELECT data, upto_seq FROM snapshots WHERE board_id = $1', [id]);
      const tail = await client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM updates WHERE board_id = $1 ORDER BY seq', [id]);
      const merged = mergeStates([...stored.rows.map((row) => row.data), ...tail.rows.map((row) => row.data), snapshot]);
      const readUpto = Math.max(uptoSeq, Number(stored.rows[0]?.upto_seq ?? 0), ...tail.rows.map((row) => Number(row.seq)));
      await client.query(
        `INSERT INTO snapshots (board_id, data, upto_seq, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, updated_at = excluded.updated_at`,
        [id, Buffer.from(merged), readUpto, Date.now()],
      );
      if (tail.rows.length > 0) {
        await client.query('DELETE FROM updates WHERE board_id = $1 AND seq = ANY($2::bigint[])', [id, tail.rows.map((row) => row.seq)]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async saveReviewPoint(boardId: BoardId, point: ReviewPoint): Promise<void> {
    await this.pool.query(
      `INSERT INTO review_points (id, board_id, name, author, created_at, bytes, data) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [point.id, boardId, point.name, point.author, point.createdAt, point.state.byteLength, Buffer.from(point.state)],
    );
  }

  async listReviewPoints(boardId: BoardId): Promise<ReviewPointInfo[]> {
    const { rows } = await this.pool.query<ReviewPointRow>(
      `SELECT id, name, author, created_at, bytes FROM review_points WHERE board_id = $1 ORDER BY created_at DESC, id DESC`,
      [boardId],
    );
    return rows.map(reviewPointFromRow);
  }

  async getReviewPoint(boardId: BoardId, id: string): Promise<ReviewPoint | undefined> {
    const { rows } = await this.pool.query<ReviewPointRow & { data: Buffer }>(
      'SELECT id, name, author, created_at, bytes, data FROM review_points WHERE board_id = $1 AND id = $2',
      [boardId, id],
    );
    const row = rows[0];
    return row ? { ...reviewPointFromRow(row), state: new Uint8Array(row.data) } : undefined;
  }

  async replaceTokenHash(id: BoardId, role: Role, hash: TokenHash): Promise<boolean> {
    // The column name comes from a fixed table, never from the request.
    const result = await this.pool.query(`UPDATE boards SET ${TOKEN_HASH_COLUMNS[role]} = $1 WHERE id = $2`, [hash, id]);
    return (result.rowCount ?? 0) > 0;
  }

  async putSealed(boardId: BoardId, scope: string, voterKey: string, value: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO sealed_entries (board_id, scope, voter_key, value, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (board_id, scope, voter_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [boardId, scope, voterKey, value, Date.now()],
    );
  }

  async getSealed(boardId: BoardId, scope: string, voterKey: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ value: string }>(
      'SELECT value FROM sealed_entries WHERE board_id = $1 AND scope = $2 AND voter_key = $3',
      [boardId, scope, voterKey],
    );
    return rows[0]?.value;
  }

  async listSealed(boardId: BoardId, scope: string): Promise<SealedEntry[]> {
    const { rows } = await this.pool.query<{ voter_key: string; value: string; updated_at: string }>(
      'SELECT voter_key, value, updated_at FROM sealed_entries WHERE board_id = $1 AND scope = $2 ORDER BY voter_key COLLATE "C"',
      [boardId, scope],
    );
    return rows.map((row) => ({ voterKey: row.voter_key, value: row.value, updatedAt: Number(row.updated_at) }));
  }

  async deleteSealedScope(boardId: BoardId, scope: string): Promise<number> {
    const result = await this.pool.query('DELETE FROM sealed_entries WHERE board_id = $1 AND scope = $2', [boardId, scope]);
    return result.rowCount ?? 0;
  }

  async deleteBoard(id: BoardId): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM updates WHERE board_id = $1', [id]);
      await client.query('DELETE FROM snapshots WHERE board_id = $1', [id]);
      await client.query('DELETE FROM review_points WHERE board_id = $1', [id]);
      await client.query('DELETE FROM sealed_entries WHERE board_id = $1', [id]);
      const result = await client.query('DELETE FROM boards WHERE id = $1', [id]);
      await client.query('COMMIT');
      return (result.rowCount ?? 0) > 0;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** Drop this store's schema and close (tests only: removes every board in it). */
  async dropSchema(): Promise<void> {
    if (this.schema === 'public') throw new Error('Refusing to drop the public schema');
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
    await this.close();
  }
}

/** One document state holding every given update (overlaps applied once, missing dependencies kept pending). */
function mergeStates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
