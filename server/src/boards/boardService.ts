import * as Y from 'yjs';
import {
  CLOSE_NOT_FOUND,
  CLOSE_UNAUTHORISED,
  newBoardId,
  newBoardToken,
  shareLinkPath,
  type BoardId,
  type Role,
} from '@pc/shared';
import { authorizeBoard, type AccessDenied } from '../auth/boardAccess';
import { hashToken } from '../auth/tokens';
import type { Logger } from '../logger';
import type { BoardRecord, BoardStore } from '../storage/boardStore';
import { applyStoredState } from '../storage/docState';
import type { UpdateWriter } from '../storage/updateWriter';
import type { RoomRegistry } from '../sync/roomRegistry';

/**
 * What can be done to a board as a whole, for whoever holds which token:
 * open it, read its document, create, restore, rotate a link, delete. The HTTP
 * routes are thin wrappers around this; the WebSocket side shares the same
 * registry, so a rotation or deletion reaches live connections at once.
 */

export interface CreatedBoard {
  id: BoardId;
  title: string;
  tokens: Record<Role, string>;
  links: Record<Role, string>;
}

/** Why a request on a board was refused; the HTTP layer turns it into 401/403/404. */
export class BoardAccessError extends Error {
  constructor(readonly reason: AccessDenied | 'owner-only') {
    super(reason);
    this.name = 'BoardAccessError';
  }
}

export interface BoardServiceOptions {
  store: BoardStore;
  registry: RoomRegistry;
  writer: UpdateWriter;
  log: Logger;
  /** Base of the share links, without a trailing slash. */
  publicUrl(): string;
}

export type Access = { board: BoardRecord; role: Role };

export class BoardService {
  constructor(private readonly options: BoardServiceOptions) {}

  /** Who is asking: the board and the role their token grants, or BoardAccessError. */
  async access(id: string, token: string | null): Promise<Access> {
    const result = await authorizeBoard(this.options.store, id, token);
    if (!result.ok) throw new BoardAccessError(result.reason);
    return { board: result.board, role: result.role };
  }

  /** As `access`, for what only the facilitator (owner link) may do. */
  async ownerAccess(id: string, token: string | null): Promise<Access> {
    const access = await this.access(id, token);
    if (access.role !== 'owner') throw new BoardAccessError('owner-only');
    return access;
  }

  /** Read a board's document: the live one if loaded, otherwise a throwaway copy from storage. */
  async withDoc<T>(id: BoardId, read: (doc: Y.Doc) => T): Promise<T> {
    const loaded = this.options.registry.loadedDoc(id);
    if (loaded) return read(loaded);
    const doc = new Y.Doc();
    try {
      applyStoredState(doc, await this.options.store.loadBoard(id));
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /** A new board; `state` (a whole Yjs document, already checked) makes it a restored copy. */
  async create(title: string, state?: Uint8Array): Promise<CreatedBoard> {
    const { store, log } = this.options;
    const id = newBoardId();
    const tokens = { owner: newBoardToken(), edit: newBoardToken(), view: newBoardToken() };
    await store.createBoard({
      id,
      title,
      createdAt: Date.now(),
      tokenHashes: { owner: hashToken(tokens.owner), edit: hashToken(tokens.edit), view: hashToken(tokens.view) },
    });
    if (state) {
      try {
        await store.appendUpdates([{ boardId: id, update: state }]);
      } catch (error) {
        await store.deleteBoard(id).catch(() => undefined);
        throw error;
      }
    }
    log.info({ boardId: id, restored: Boolean(state) }, 'board created');
    return { id, title, tokens, links: this.links(id, tokens) };
  }

  /**
   * A new token for one role. The old one is refused from now on (every check
   * reads the stored hash) and its live connections are closed with 4401.
   */
  async rotate(board: BoardRecord, role: Role): Promise<{ token: string; link: string }> {
    const token = newBoardToken();
    if (!(await this.options.store.replaceTokenHash(board.id, role, hashToken(token)))) {
      throw new BoardAccessError('unknown-board');
    }
    const closed = this.options.registry.closeConnections(board.id, role, CLOSE_UNAUTHORISED, 'this link was replaced by the board owner');
    this.options.log.info({ boardId: board.id, role, closed }, 'token rotated');
    return { token, link: this.options.publicUrl() + shareLinkPath(board.id, token) };
  }

  /**
   * Close every connection, free the room, then remove every stored row. What
   * is still queued for other boards is written first, so nothing of theirs is lost.
   */
  async delete(board: BoardRecord): Promise<void> {
    const { registry, writer, store, log } = this.options;
    await registry.evict(board.id, CLOSE_NOT_FOUND, 'this board was deleted');
    await writer.flush();
    await store.deleteBoard(board.id);
    log.info({ boardId: board.id }, 'board deleted');
  }

  /**
   * A server-side change to the board's live document (a restore, an import):
   * loaded if nobody has it open, then stored and broadcast like any edit.
   */
  change<T>(board: BoardRecord, apply: (doc: Y.Doc) => T): Promise<T> {
    return this.options.registry.change(board, apply);
  }

  /** The whole document as one Yjs update: a full-fidelity backup. */
  exportState(board: BoardRecord): Promise<Uint8Array> {
    return this.withDoc(board.id, (doc) => Y.encodeStateAsUpdate(doc));
  }

  private links(id: BoardId, tokens: Record<Role, string>): Record<Role, string> {
    const base = this.options.publicUrl();
    return {
      owner: base + shareLinkPath(id, tokens.owner),
      edit: base + shareLinkPath(id, tokens.edit),
      view: base + shareLinkPath(id, tokens.view),
    };
  }
}
