import express, { type Request, type Router } from 'express';
import { z } from 'zod';
import { countRecords, readMeta, ROLES } from '@pc/shared';
import { bearerToken } from '../auth/tokens';
import { readBackup } from '../boards/backup';
import type { BoardService } from '../boards/boardService';
import type { CreationLimiter } from './requestLimit';
import { HttpError } from './errors';

export interface BoardsRouterOptions {
  boards: BoardService;
  creations: CreationLimiter;
  maxJsonBytes: number;
  maxRestoreBytes: number;
  /** Every node's sync URL (WS_URLS), so a client can move to another when its node fails. */
  syncUrls?: readonly string[];
}

const MAX_TITLE = 200;

const titleSchema = z
  .string({ error: 'title must be a string' })
  .trim()
  .min(1, 'title must not be empty')
  .max(MAX_TITLE, `title must be at most ${MAX_TITLE} characters`);

const createBoardBody = z.object({ title: titleSchema });

const restoreQuery = z.object({ title: titleSchema.optional() });

const roleParam = z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` });

export const tokenOf = (req: Request) => bearerToken(req.headers.authorization);

/**
 * /api/boards: create, describe, restore from a backup, rotate a link, delete.
 * Every call on an existing board carries `Authorization: Bearer <token>`.
 */
export function boardsRouter(options: BoardsRouterOptions): Router {
  const { boards, creations } = options;
  const router = express.Router();
  const json = express.json({ limit: options.maxJsonBytes });

  router.post('/boards', json, async (req, res) => {
    if (!req.is('application/json')) throw new HttpError(400, 'Send the body as JSON with Content-Type: application/json');
    const parsed = createBoardBody.safeParse(req.body);
    if (!parsed.success) {
      throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Send {"title": "..."}');
    }
    await creations.consume(req);
    res.status(201).json(await boards.create(parsed.data.title));
  });

  // A binary body (the .yjs file); the type is not checked, so `curl --data-binary @board.yjs` works as is.
  router.post('/boards/restore', express.raw({ type: () => true, limit: options.maxRestoreBytes }), async (req, res) => {
    const query = restoreQuery.safeParse(req.query);
    if (!query.success) throw new HttpError(400, query.error.issues[0]?.message ?? 'bad restore query');
    // Counted before the (costly) check: a stream of bad files spends the same allowance.
    await creations.consume(req);
    const body: unknown = req.body;
    const bytes = Buffer.isBuffer(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array();
    const backup = readBackup(bytes, query.data.title);
    res.status(201).json(await boards.create(backup.title, backup.state));
  });

  router.get('/boards/:id', async (req, res) => {
    const { board, role } = await boards.access(req.params.id, tokenOf(req));
    const summary = await boards.withDoc(board.id, (doc) => ({
      title: readMeta(doc).record.title,
      counts: countRecords(doc),
    }));
    res.json({
      id: board.id,
      title: summary.title || board.title,
      role,
      createdAt: board.createdAt,
      counts: summary.counts,
      ...(options.syncUrls ? { syncUrls: options.syncUrls } : {}),
    });
  });

  router.post('/boards/:id/tokens/:role/rotate', async (req, res) => {
    const role = roleParam.safeParse(req.params.role);
    const { board } = await boards.ownerAccess(req.params.id, tokenOf(req));
    if (!role.success) throw new HttpError(400, role.error.issues[0]?.message ?? 'unknown role');
    res.setHeader('Cache-Control', 'no-store');
    res.json(await boards.rotate(board, role.data));
  });

  router.delete('/boards/:id', async (req, res) => {
    const { board } = await boards.ownerAccess(req.params.id, tokenOf(req));
    await boards.delete(board);
    res.status(204).end();
  });

  return router;
}
