import express, { type Router } from 'express';
import * as Y from 'yjs';
import { z } from 'zod';
import {
  countRecords,
  newBoardId,
  newBoardToken,
  readMeta,
  shareLinkPath,
  type BoardId,
} from '@pc/shared';
import { authorizeBoard } from '../auth/boardAccess';
import { bearerToken, hashToken } from '../auth/tokens';
import type { Logger } from '../logger';
import type { BoardStore } from '../storage/boardStore';
import { applyStoredState } from '../storage/docState';
import type { RoomRegistry } from '../sync/roomRegistry';
import { HttpError } from './errors';

export interface BoardsRouterOptions {
  store: BoardStore;
  registry: RoomRegistry;
  log: Logger;
  maxJsonBytes: number;
  /** Base of the share links, without a trailing slash. */
  publicUrl(): string;
}

const MAX_TITLE = 200;

const createBoardBody = z.object({
  title: z
    .string({ error: 'title must be a string' })
    .trim()
    .min(1, 'title must not be empty')
    .max(MAX_TITLE, `title must be at most ${MAX_TITLE} characters`),
});

/** Resolve who is asking, or throw the HTTP error that says why not. */
export async function access(store: BoardStore, id: string, authorization: string | undefined) {
  const token = bearerToken(authorization);
  const result = await authorizeBoard(store, id, token);
  if (result.ok) return result;
  switch (result.reason) {
    case 'missing-token':
      throw new HttpError(401, 'Send the board token as "Authorization: Bearer <token>"', {
        'WWW-Authenticate': 'Bearer',
      });
    case 'unknown-board':
      throw new HttpError(404, 'No board with this id');
    case 'wrong-token':
      throw new HttpError(403, 'This token does not grant access to this board');
  }
}

export function boardsRouter(options: BoardsRouterOptions): Router {
  const { store, registry, log } = options;
  const router = express.Router();
  router.use(express.json({ limit: options.maxJsonBytes }));

  router.post('/boards', async (req, res) => {
    if (!req.is('application/json')) throw new HttpError(400, 'Send the body as JSON with Content-Type: application/json');
    const parsed = createBoardBody.safeParse(req.body);
    if (!parsed.success) {
      throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Send {"title": "..."}');
    }
    const id = newBoardId();
    const tokens = { owner: newBoardToken(), edit: newBoardToken(), view: newBoardToken() };
    const title = parsed.data.title;
    await store.createBoard({
      id,
      title,
      createdAt: Date.now(),
      tokenHashes: { owner: hashToken(tokens.owner), edit: hashToken(tokens.edit), view: hashToken(tokens.view) },
    });
    const base = options.publicUrl();
    log.info({ boardId: id }, 'board created');
    res.status(201).json({
      id,
      title,
      tokens,
      links: {
        owner: base + shareLinkPath(id, tokens.owner),
        edit: base + shareLinkPath(id, tokens.edit),
        view: base + shareLinkPath(id, tokens.view),
      },
    });
  });

  router.get('/boards/:id', async (req, res) => {
    const { board, role } = await access(store, req.params.id, req.headers.authorization);
    const summary = await withDoc(store, registry, board.id, (doc) => ({
      title: readMeta(doc).record.title,
      counts: countRecords(doc),
    }));
    res.json({
      id: board.id,
      title: summary.title || board.title,
      role,
      createdAt: board.createdAt,
      counts: summary.counts,
    });
  });

  return router;
}

/** Read a board's document: the live one if loaded, otherwise a throwaway copy from storage. */
export async function withDoc<T>(store: BoardStore, registry: RoomRegistry, id: BoardId, read: (doc: Y.Doc) => T): Promise<T> {
  const loaded = registry.loadedDoc(id);
  if (loaded) return read(loaded);
  const doc = new Y.Doc();
  try {
    applyStoredState(doc, await store.loadBoard(id));
    return read(doc);
  } finally {
    doc.destroy();
  }
}

