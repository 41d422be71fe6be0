import type { BoardId, Role } from '@pc/shared';
import type { TokenHash } from '../auth/tokens';
import type { BoardRecord, BoardStore, PendingUpdate, ReviewPoint, ReviewPointInfo, SealedEntry, StoredBoardState } from './boardStore';

interface StoredBoard {
  board: BoardRecord;
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  tail: { seq: number; update: Uint8Array }[];
  /** Oldest first; kept with the board, so they go when it goes. */
  reviewPoints: ReviewPoint[];
  /** Sealed entries by scope, then voter key. */
  sealed: Map<string, Map<string, SealedEntry>>;
}

/**
 * Boards in this process's memory only (`STORAGE=memory`): everything is lost
 * when the server stops. For demos and for measuring what persistence costs;
 * it behaves exactly like the SQL stores (same contract tests), including
 * compaction, so a room cannot tell the difference.
 */
export class MemoryBoardStore implements BoardStore {
  private readonly boards = new Map<BoardId, StoredBoard>();
  private seq = 0;

  async createBoard(board: BoardRecord): Promise<void> {
    if (this.boards.has(board.id)) throw new Error(`board ${board.id} already exists`);
    this.boards.set(board.id, { board: structuredClone(board), snapshot: null, snapshotSeq: 0, tail: [], reviewPoints: [], sealed: new Map() });
  }

  async getBoard(id: BoardId): Promise<BoardRecord | undefined> {
    const stored = this.boards.get(id);
    return stored ? structuredClone(stored.board) : undefined;
  }

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<Map<BoardId, number>> {
    // Check the whole batch first, so a bad board id writes nothing (as a failed SQL transaction would).
    for (const { boardId } of batch) {
      if (!this.boards.has(boardId)) throw new Error(`board ${boardId} does not exist`);
    }
    const lastSeq = new Map<BoardId, number>();
    for (const { boardId, update } of batch) {
      const seq = ++this.seq;
      this.boards.get(boardId)!.tail.push({ seq, update: update.slice() });
      lastSeq.set(boardId, seq);
    }
    return lastSeq;
  }

  async loadBoard(id: BoardId): Promise<StoredBoardState> {
    const stored = this.boards.get(id);
    if (!stored) return { snapshot: null, updates: [], lastSeq: 0 };
    return {
      snapshot: stored.snapshot,
      updates: stored.tail.map((entry) => entry.update),
      lastSeq: stored.tail.at(-1)?.seq ?? stored.snapshotSeq,
    };
  }

  async compact(id: BoardId, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    const stored = this.boards.get(id);
    // An older snapshot never replaces a newer one (same rule as the SQL stores).
    if (!stored || uptoSeq < stored.snapshotSeq) return;
    stored.snapshot = snapshot.slice();
    stored.snapshotSeq = uptoSeq;
    stored.tail = stored.tail.filter((entry) => entry.seq > uptoSeq);
  }

  async saveReviewPoint(boardId: BoardId, point: ReviewPoint): Promise<void> {
    const stored = this.boards.get(boardId);
    if (!stored) throw new Error(`board ${boardId} does not exist`);
    if ([...this.boards.values()].some((b) => b.reviewPoints.some((p) => p.id === point.id))) {
      throw new Error(`review point ${point.id} already exists`);
    }
    stored.reviewPoints.push({ ...point, bytes: point.state.byteLength, state: point.state.slice() });
  }

  async listReviewPoints(boardId: BoardId): Promise<ReviewPointInfo[]> {
    const points = this.boards.get(boardId)?.reviewPoints ?? [];
    return points
      .map(({ state: _state, ...info }) => info)
      .reverse()
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  async getReviewPoint(boardId: BoardId, id: string): Promise<ReviewPoint | undefined> {
    const point = this.boards.get(boardId)?.reviewPoints.find((p) => p.id === id);
    return point ? { ...point, state: point.state.slice() } : undefined;
  }

  async replaceTokenHash(id: BoardId, role: Role, hash: TokenHash): Promise<boolean> {
    const stored = this.boards.get(id);
    if (!stored) return false;
    stored.board.tokenHashes = { ...stored.board.tokenHashes, [role]: hash };
    return true;
  }

  async putSealed(boardId: BoardId, scope: string, voterKey: string, value: string): Promise<void> {
    const stored = this.boards.get(boardId);
    if (!stored) throw new Error(`board ${boardId} does not exist`);
    let entries = stored.sealed.get(scope);
    if (!entries) stored.sealed.set(scope, (entries = new Map()));
    entries.set(voterKey, { voterKey, value, updatedAt: Date.now() });
  }

  async getSealed(boardId: BoardId, scope: string, voterKey: string): Promise<string | undefined> {
    return this.boards.get(boardId)?.sealed.get(scope)?.get(voterKey)?.value;
  }

  async listSealed(boardId: BoardId, scope: string): Promise<SealedEntry[]> {
    const entries = [...(this.boards.get(boardId)?.sealed.get(scope)?.values() ?? [])];
    return entries.map((entry) => ({ ...entry })).sort((a, b) => (a.voterKey < b.voterKey ? -1 : a.voterKey > b.voterKey ? 1 : 0));
  }

  async deleteSealedScope(boardId: BoardId, scope: string): Promise<number> {
    const stored = this.boards.get(boardId);
    const count = stored?.sealed.get(scope)?.size ?? 0;
    stored?.sealed.delete(scope);
    return count;
  }

  async deleteBoard(id: BoardId): Promise<boolean> {
    return this.boards.delete(id);
  }

  /** Nothing to release; the boards stay until the process exits (a graceful shutdown closes the store last). */
  async close(): Promise<void> {}
}
