import express, { type Request, type Router } from 'express';
import type { z } from 'zod';
import type { BoardService } from '../boards/boardService';
import { myDotsSchema, newCommentSchema, openRoundSchema, VotingError, type VoteService } from '../facilitation/voteService';
import { tokenOf } from './boards';
import { HttpError } from './errors';
import { requestLimiter } from './requestLimit';
import { clientAddress } from '../auth/clientAddress';

/**
 * Dot voting and workshop-mode comments (thin: the rules are in VoteService).
 *   POST /api/boards/:id/vote-rounds                   owner -> 201 round
 *   POST /api/boards/:id/vote-rounds/:rid/close        owner -> 200 round with results
 *   GET  /api/boards/:id/vote-rounds/:rid/my-dots      owner, edit (view in workshop mode) + X-Voter-Key -> {roundId,dots,left}
 *   PUT  /api/boards/:id/vote-rounds/:rid/my-dots      same, body {dots:{targetId:n},voterName} -> {roundId,dots,left}
 *   POST /api/boards/:id/comments                      owner, edit (view in workshop mode), body {text,targetId,author} -> 201 comment
 * A person's dots are keyed by their private voter key (the header, never a
 * query string, so it stays out of logs).
 */

/**
 * Writes per client address per board per minute: generous for a room of people
 * clicking behind one address (a venue's wifi), tight for a script.
 */
const VOTES_PER_MINUTE = 240;
const COMMENTS_PER_MINUTE = 30;
/** Voting bodies are small; this is far above any real one. */
const MAX_VOTING_BODY = 32 * 1024;

/**
 * A write allowance per board and client address (the forwarded one behind
 * `trustProxyHops` proxies), from the shared request limiter. Counted after the
 * access check: only boards the caller may open get an allowance kept in
 * memory, so made-up board ids cannot fill it.
 */
function writeLimit(points: number, what: string, trustProxyHops: number): (boardId: string, req: Request) => Promise<void> {
  const limiter = requestLimiter({ points, windowSeconds: 60, what });
  return (boardId, req) => limiter.consume(`${boardId}:${clientAddress(req, trustProxyHops)}`);
}

function parseBody<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  if (!req.is('application/json')) throw new HttpError(415, 'Send JSON with Content-Type: application/json');
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
    throw new HttpError(400, `${path}${issue.message}`);
  }
  return parsed.data;
}

function voterKeyOf(req: Request): string | undefined {
  const header = req.headers['x-voter-key'];
  return typeof header === 'string' ? header : undefined;
}

/** Voting errors carry their own status. */
async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof VotingError) throw new HttpError(error.status, error.message);
    throw error;
  }
}

export function votingRouter(options: { boards: BoardService; votes: VoteService; trustProxyHops: number }): Router {
  const { boards, votes, trustProxyHops } = options;
  const router = express.Router();
  const json = express.json({ limit: MAX_VOTING_BODY });
  const voteLimit = writeLimit(VOTES_PER_MINUTE, 'votes from this address on this board', trustProxyHops);
  const commentLimit = writeLimit(COMMENTS_PER_MINUTE, 'comments from this address on this board', trustProxyHops);

  router.post('/boards/:id/vote-rounds', json, async (req, res) => {
    const { board } = await boards.ownerAccess(String(req.params.id), tokenOf(req));
    await voteLimit(board.id, req);
    const input = parseBody(openRoundSchema, req);
    res.status(201).json(await run(() => votes.open(board, input)));
  });

  router.post('/boards/:id/vote-rounds/:rid/close', async (req, res) => {
    const { board } = await boards.ownerAccess(String(req.params.id), tokenOf(req));
    await voteLimit(board.id, req);
    res.json(await run(() => votes.close(board, String(req.params.rid))));
  });

  router.get('/boards/:id/vote-rounds/:rid/my-dots', async (req, res) => {
    const { board, role } = await boards.access(String(req.params.id), tokenOf(req));
    res.set('Cache-Control', 'no-store');
    res.json(await run(() => votes.myDots(board, role, String(req.params.rid), voterKeyOf(req))));
  });

  router.put('/boards/:id/vote-rounds/:rid/my-dots', json, async (req, res) => {
    const { board, role } = await boards.access(String(req.params.id), tokenOf(req));
    await voteLimit(board.id, req);
    const input = parseBody(myDotsSchema, req);
    res.set('Cache-Control', 'no-store');
    res.json(await run(() => votes.setMyDots(board, role, String(req.params.rid), voterKeyOf(req), input)));
  });

  router.post('/boards/:id/comments', json, async (req, res) => {
    const { board, role } = await boards.access(String(req.params.id), tokenOf(req));
    await commentLimit(board.id, req);
    const input = parseBody(newCommentSchema, req);
    res.status(201).json(await run(() => votes.comment(board, role, input)));
  });

  return router;
}
