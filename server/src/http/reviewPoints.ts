import express, { type Router } from 'express';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import * as Y from 'yjs';
import { z } from 'zod';
import {
  agreementTexts,
  COLLECTION_NAMES,
  diffBoards,
  exportJson,
  newRecordId,
  readMeta,
  replaceBoardContent,
  type AgreementTexts,
  type BoardRecords,
  type Role,
} from '@pc/shared';
import { BoardAccessError, type BoardService } from '../boards/boardService';
import type { Logger } from '../logger';
import type { BoardRecord, BoardStore, ReviewPoint, ReviewPointInfo } from '../storage/boardStore';
import { tokenOf } from './boards';
import { HttpError } from './errors';
import type { AddressLimiter, RequestLimiter } from './requestLimit';

/**
 * Review points: named copies of a whole board that partners take "at regular
 * intervals" (March review, June review), open read-only, compare with each
 * other or with now, and restore.
 *
 *   POST /api/boards/:id/snapshots {"name","author"?}   owner or editor -> 201 {id,name,createdAt}
 *   GET  /api/boards/:id/snapshots                     any role -> {snapshots:[{id,name,author,createdAt,bytes}]}
 *   GET  /api/boards/:id/snapshots/:sid                 any role -> the review point's records and meta
 *                                                        (?format=yjs: its state as one Yjs update)
 *   GET  /api/boards/:id/snapshots/:sid/diff?against=current|<sid>   any role -> {from,to,diff}
 *   POST /api/boards/:id/snapshots/:sid/restore         owner -> {restored,touched,backup}
 *
 * Each review point stores the board's full Yjs state when taken, gzipped
 * (4-5x smaller). Keeping history in the document instead (gc off, a review
 * point is then a few KB) was measured too (bench/review-points.bench.ts): it
 * makes every client's sync and every load carry every deleted value forever,
 * +122% on a typical board after 8,000 edits and still growing; stored copies
 * cost disk only, and only when someone takes a review point.
 */

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

export const MAX_REVIEW_POINT_NAME = 100;
const MAX_AUTHOR = 80;
/** Enough for a review a week for years; stops an edit link from filling the disk with copies. */
export const MAX_REVIEW_POINTS_PER_BOARD = 500;

const createBody = z.object({
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, 'name must not be empty')
    .max(MAX_REVIEW_POINT_NAME, `name must be at most ${MAX_REVIEW_POINT_NAME} characters`),
  author: z.string({ error: 'author must be a string' }).trim().max(MAX_AUTHOR, `author must be at most ${MAX_AUTHOR} characters`).optional(),
});

export interface ReviewPointsRouterOptions {
  boards: BoardService;
  store: BoardStore;
  log: Logger;
  maxJsonBytes: number;
  /** Saves per board (each stores a whole copy of it); restores count too, for the copy they keep first. */
  saves: RequestLimiter;
  /** Saves per share link (board and role), so one pasted link cannot use up a board's allowance alone. */
  savesPerLink: RequestLimiter;
  /** Comparisons per client address (each loads two whole boards). */
  comparisons: AddressLimiter;
  /** Comparisons per board, whoever asks. */
  comparisonsPerBoard: RequestLimiter;
  /** Comparisons per share link (board and role). */
  comparisonsPerLink: RequestLimiter;
}

/** The key of one share link: a board has one link per role, and replacing it keeps the role. */
function linkKey(board: BoardRecord, role: Role): string {
  return `${board.id}:${role}`;
}

function requireEditor(role: Role): void {
  if (role === 'view') throw new HttpError(403, 'Only owner or edit links may save review points');
}

/** A board state as the comparison and the read-only view use it. */
export interface BoardContent {
  records: BoardRecords;
  title: string;
  logicTemplate: ReturnType<typeof readMeta>['record']['logicTemplate'];
  /** The partnership agreement's text per section (Markdown). */
  agreement: AgreementTexts;
}

export function contentOf(doc: Y.Doc): BoardContent {
  const meta = readMeta(doc).record;
  return { records: exportJson(doc, COLLECTION_NAMES) as BoardRecords, title: meta.title, logicTemplate: meta.logicTemplate, agreement: agreementTexts(doc) };
}

/** Compare two board states: records and the agreement. */
export function diffContents(before: BoardContent, after: BoardContent) {
  return diffBoards(before.records, after.records, after.logicTemplate ?? before.logicTemplate, { before: before.agreement, after: after.agreement });
}

/** A review point's content in a throwaway document. */
async function stateDoc(point: ReviewPoint): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await gunzip(point.state));
  return doc;
}

export async function withStateDoc<T>(point: ReviewPoint, read: (doc: Y.Doc) => T): Promise<T> {
  const doc = await stateDoc(point);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}

function describe(point: ReviewPointInfo) {
  return { id: point.id, name: point.name, author: point.author, createdAt: point.createdAt };
}

export function reviewPointsRouter(options: ReviewPointsRouterOptions): Router {
  const { boards, store, log } = options;
  const router = express.Router();

  async function find(board: BoardRecord, sid: string): Promise<ReviewPoint> {
    const point = await store.getReviewPoint(board.id, sid);
    if (!point) throw new HttpError(404, 'No review point with this id on this board');
    return point;
  }

  async function save(board: BoardRecord, name: string, author: string): Promise<ReviewPoint> {
    const existing = await store.listReviewPoints(board.id);
    if (existing.length >= MAX_REVIEW_POINTS_PER_BOARD) {
      throw new HttpError(409, `This board already has ${MAX_REVIEW_POINTS_PER_BOARD} review points`);
    }
    const state = await gzip(await boards.exportState(board));
    const point: ReviewPoint = { id: newRecordId(), name, author, createdAt: Date.now(), bytes: state.byteLength, state };
    await store.saveReviewPoint(board.id, point);
    log.info({ boardId: board.id, reviewPoint: point.id, bytes: state.byteLength }, 'review point saved');
    return point;
  }

  router.post('/boards/:id/snapshots', express.json({ limit: options.maxJsonBytes }), async (req, res) => {
    const { board, role } = await boards.access(req.params.id, tokenOf(req));
    requireEditor(role);
    if (!req.is('application/json')) throw new HttpError(400, 'Send the body as JSON with Content-Type: application/json');
    const parsed = createBody.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Send {"name": "..."}');
    await options.savesPerLink.consume(linkKey(board, role));
    await options.saves.consume(board.id);
    const point = await save(board, parsed.data.name, parsed.data.author ?? '');
    res.status(201).json({ id: point.id, name: point.name, createdAt: point.createdAt });
  });

  router.get('/boards/:id/snapshots', async (req, res) => {
    const { board } = await boards.access(req.params.id, tokenOf(req));
    const points = await store.listReviewPoints(board.id);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ snapshots: points.map((point) => ({ ...describe(point), bytes: point.bytes })) });
  });

  router.get('/boards/:id/snapshots/:sid', async (req, res) => {
    const { board } = await boards.access(req.params.id, tokenOf(req));
    const point = await find(board, req.params.sid);
    res.setHeader('Cache-Control', 'no-store');
    if (req.query.format === 'yjs') {
      // The review point as one Yjs update, for opening it read-only in the app.
      res.setHeader('Content-Type', 'application/octet-stream');
      res.send(await gunzip(point.state));
      return;
    }
    const content = await withStateDoc(point, contentOf);
    res.json({ ...describe(point), ...content });
  });

  router.get('/boards/:id/snapshots/:sid/diff', async (req, res) => {
    const { board, role } = await boards.access(req.params.id, tokenOf(req));
    const against = typeof req.query.against === 'string' && req.query.against !== '' ? req.query.against : 'current';
    await options.comparisonsPerLink.consume(linkKey(board, role));
    await options.comparisonsPerBoard.consume(board.id);
    await options.comparisons.consume(req);
    const point = await find(board, req.params.sid);
    const before = await withStateDoc(point, contentOf);
    let to: { id: string; name: string; author?: string; createdAt: number };
    let after: BoardContent;
    if (against === 'current') {
      after = await boards.withDoc(board.id, contentOf);
      to = { id: 'current', name: 'Now', createdAt: Date.now() };
    } else {
      const other = await find(board, against);
      after = await withStateDoc(other, contentOf);
      to = describe(other);
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ from: describe(point), to, diff: diffContents(before, after) });
  });

  router.post('/boards/:id/snapshots/:sid/restore', async (req, res) => {
    const { board, role } = await boards.access(req.params.id, tokenOf(req));
    if (role !== 'owner') throw new BoardAccessError('owner-only');
    const point = await find(board, req.params.sid);
    await options.savesPerLink.consume(linkKey(board, role));
    await options.saves.consume(board.id);
    // Keep what is about to be replaced, so the restore itself can be undone by restoring this.
    const backup = await save(board, `Before restoring "${point.name}"`.slice(0, MAX_REVIEW_POINT_NAME), '');
    const target = await stateDoc(point);
    try {
      const touched = await boards.change(board, (doc) => replaceBoardContent(doc, target, RESTORE_ORIGIN));
      log.info({ boardId: board.id, reviewPoint: point.id, touched }, 'review point restored');
      res.json({ restored: describe(point), touched, backup: describe(backup) });
    } finally {
      target.destroy();
    }
  });

  return router;
}

/** Origin of the edits a restore makes on the live document. */
export const RESTORE_ORIGIN = Symbol('restore-review-point');
