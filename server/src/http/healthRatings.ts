import express, { type Router } from 'express';
import { requestLimiter } from './requestLimit';
import * as Y from 'yjs';
import { z } from 'zod';
import {
  aggregateLevels,
  canEdit,
  createRecord,
  getCollection,
  getMetaMap,
  healthLevelSchema,
  recordIdSchema,
  updateRecord,
  type BoardId,
  type HealthLevel,
} from '@pc/shared';
import { clientAddress } from '../auth/clientAddress';
import type { BoardService } from '../boards/boardService';
import type { Logger } from '../logger';
import type { BoardRecord, BoardStore } from '../storage/boardStore';
import { tokenOf } from './boards';
import { HttpError } from './errors';

/**
 * Anonymous health check ratings. On a board whose owner keeps ratings
 * anonymous, a partner's rating never enters the shared document (every
 * client receives the whole document): it comes here, is kept sealed on the
 * server, and the server writes only the item's counts per level and spread
 * into `healthAggregates`. No endpoint reads a sealed rating back.
 *
 *   POST /api/boards/:id/health/ratings {"itemId","partnerId","level": "notYet"|"partly"|"fully"|null}
 *        owner or editor -> 200 {"ok":true}; null withdraws the rating
 */

/** Where sealed ratings are kept: one level per item and partner. */
export interface SealedRatings {
  /** Set (null: remove) one partner's rating of an item; returns every level now given for the item. */
  rate(boardId: BoardId, itemId: string, partnerId: string, level: HealthLevel | null): Promise<HealthLevel[]>;
}

const ratingBody = z.strictObject(
  {
    itemId: recordIdSchema,
    partnerId: recordIdSchema,
    level: healthLevelSchema.nullable(),
  },
  { error: 'Send {"itemId", "partnerId", "level"} with level notYet, partly, fully or null' },
);

/** A partnership rates ~35 items each; this leaves room for a workshop's worth of changes on one address. */
const RATINGS_PER_MINUTE = 240;

export interface HealthRatingsRouterOptions {
  boards: BoardService;
  ratings: SealedRatings;
  log: Logger;
  maxJsonBytes: number;
  trustProxyHops: number;
}

export function healthRatingsRouter(options: HealthRatingsRouterOptions): Router {
  const { boards, ratings, log } = options;
  const router = express.Router();
  const limiter = requestLimiter({ points: RATINGS_PER_MINUTE, windowSeconds: 60, what: 'ratings from this address on this board' });
  // One rating at a time per board on this node, so each write of an item's counts includes every rating before it.
  const queues = new Map<string, Promise<unknown>>();
  const serially = <T>(boardId: string, task: () => Promise<T>): Promise<T> => {
    const run = (queues.get(boardId) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    queues.set(boardId, tail);
    void tail.then(() => {
      if (queues.get(boardId) === tail) queues.delete(boardId);
    });
    return run;
  };

  router.post('/boards/:id/health/ratings', express.json({ limit: options.maxJsonBytes }), async (req, res) => {
    const { board, role } = await boards.access(req.params.id, tokenOf(req));
    if (!canEdit(role)) throw new HttpError(403, 'Only owner or edit links may rate');
    await limiter.consume(`${board.id}:${clientAddress(req, options.trustProxyHops)}`);
    if (!req.is('application/json')) throw new HttpError(400, 'Send the body as JSON with Content-Type: application/json');
    const parsed = ratingBody.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'bad rating');
    }
    const { itemId, partnerId, level } = parsed.data;
    await serially(board.id, async () => {
      await boards.withDoc(board.id, (doc) => checkRatable(doc, itemId, partnerId));
      const levels = await ratings.rate(board.id, itemId, partnerId, level);
      await writeAggregate(boards, board, itemId, levels);
    });
    log.info({ boardId: board.id }, 'anonymous rating');
    res.json({ ok: true });
  });
  return router;
}

function checkRatable(doc: Y.Doc, itemId: string, partnerId: string): void {
  if (getMetaMap(doc).get('healthAnonymous') !== true) throw new HttpError(409, 'This board keeps named ratings: rate in the health check itself');
  if (!(getCollection(doc, 'healthItems').get(itemId) instanceof Y.Map)) throw new HttpError(404, 'No checklist item with this id on this board');
  if (!(getCollection(doc, 'partners').get(partnerId) instanceof Y.Map)) throw new HttpError(404, 'No partner with this id on this board');
}

/** The item's counts per level and spread, never who: the only trace a rating leaves in the document. */
async function writeAggregate(boards: BoardService, board: BoardRecord, itemId: string, levels: HealthLevel[]): Promise<void> {
  const { counts, spread } = aggregateLevels(levels);
  const fields = { ...counts, spread, ratedAt: Date.now() };
  await boards.change(board, (doc) => {
    doc.transact(() => {
      if (getCollection(doc, 'healthAggregates').get(itemId) instanceof Y.Map) updateRecord(doc, 'healthAggregates', itemId, fields);
      else createRecord(doc, 'healthAggregates', { id: itemId, itemId, ...fields });
    });
  });
}

/**
 * Sealed ratings in the board store's sealed entries (shared with anonymous
 * votes): one scope per checklist item, keyed by partner. A withdrawn rating
 * is kept as null (the store replaces, it never removes one entry).
 */
export function storeSealedRatings(store: Pick<BoardStore, 'putSealed' | 'listSealed'>): SealedRatings {
  return {
    async rate(boardId, itemId, partnerId, level) {
      const scope = `health:${itemId}`;
      await store.putSealed(boardId, scope, partnerId, JSON.stringify(level));
      const entries = await store.listSealed(boardId, scope);
      return entries.flatMap((entry) => {
        let value: unknown;
        try {
          value = JSON.parse(entry.value);
        } catch {
          return [];
        }
        const parsed = healthLevelSchema.safeParse(value);
        return parsed.success ? [parsed.data] : [];
      });
    },
  };
}
