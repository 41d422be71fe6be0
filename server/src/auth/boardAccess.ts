import { isBoardId, type BoardId, type Role } from '@pc/shared';
import type { BoardRecord, BoardStore } from '../storage/boardStore';
import { roleForToken } from './tokens';

/**
 * The one place that decides who may open a board, shared by the REST API and
 * the WebSocket upgrade so both refuse the same requests for the same reasons.
 */
export type AccessDenied = 'missing-token' | 'unknown-board' | 'wrong-token';

export type AccessResult =
  | { ok: true; board: BoardRecord; role: Role }
  | { ok: false; reason: AccessDenied };

export async function authorizeBoard(
  store: BoardStore,
  boardId: string,
  token: string | null | undefined,
): Promise<AccessResult> {
  if (!token) return { ok: false, reason: 'missing-token' };
  if (!isBoardId(boardId)) return { ok: false, reason: 'unknown-board' };
  const board = await store.getBoard(boardId as BoardId);
  if (!board) return { ok: false, reason: 'unknown-board' };
  const role = roleForToken(board.tokenHashes, token);
  if (!role) return { ok: false, reason: 'wrong-token' };
  return { ok: true, board, role };
}
