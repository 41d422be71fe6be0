import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { z } from 'zod';
import {
  allocationProblem,
  ballotsFromVotes,
  commentSchema,
  createRecord,
  deleteRecord,
  dotsLeft,
  getCollection,
  listRecords,
  MAX_ROUND_TARGETS,
  MAX_DOTS_PER_PERSON,
  newRecordId,
  normaliseAllocation,
  readMeta,
  readRecord,
  recordIdSchema,
  shortTextSchema,
  tallyBallots,
  updateRecord,
  type Allocation,
  type Ballot,
  type Comment,
  type Role,
  type VoteRound,
} from '@pc/shared';
import type { BoardService } from '../boards/boardService';
import type { Logger } from '../logger';
import type { BoardRecord, BoardStore } from '../storage/boardStore';

/**
 * Dot-voting rounds and workshop-mode comments, over the board service (which
 * writes to the live document) and the sealed-ballot store. An anonymous
 * round's ballots never enter the document: each person's dots are one sealed
 * entry keyed by a hash of their private voter key, readable back only with
 * that key; closing the round writes the tallies (never who voted) into the
 * round record and deletes the ballots. A named round's dots are `votes`
 * records. Either way the limits are checked here, never trusted to a client.
 */

/** Origin of the edits voting makes on the live document. */
export const VOTING_ORIGIN = Symbol('voting');

/** A refusal with the HTTP status it maps to and a sentence for the person. */
export class VotingError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'VotingError';
  }
}

const VOTER_KEY = /^[A-Za-z0-9_-]{16,128}$/;

export const openRoundSchema = z
  .object({
    title: shortTextSchema.default(''),
    targetIds: z
      .array(recordIdSchema)
      .min(1, 'choose at least one item to vote on')
      .max(MAX_ROUND_TARGETS, `at most ${MAX_ROUND_TARGETS} items in one vote`)
      .refine((ids) => new Set(ids).size === ids.length, 'each item once'),
    dotsPerPerson: z.number().int().min(1).max(MAX_DOTS_PER_PERSON),
    maxPerItem: z.number().int().min(1).max(10),
    anonymous: z.boolean(),
  })
  .strict();

export const myDotsSchema = z
  .object({
    dots: z.record(recordIdSchema, z.number().int().min(0).max(10)).refine((d) => Object.keys(d).length <= MAX_ROUND_TARGETS, 'too many items'),
    voterName: shortTextSchema.default(''),
  })
  .strict();

export const newCommentSchema = commentSchema.pick({ text: true, targetId: true, author: true }).strict();

function sealedScope(roundId: string): string {
  return `round:${roundId}`;
}

/** The public id of a voter: a hash of their private key, per board (never the key itself). */
export function voterIdOf(boardId: string, voterKey: string): string {
  return createHash('sha256').update(`${boardId}\u0000${voterKey}`).digest('base64url').slice(0, 24);
}

export interface MyDots {
  roundId: string;
  dots: Record<string, number>;
  left: number;
}

export class VoteService {
  /** One write at a time per voter and round in this process, so two quick clicks cannot both pass the limit. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly options: { boards: BoardService; store: BoardStore; log: Logger },
  ) {}

  /** May this role vote and comment on this board? Viewers only in workshop mode. */
  private async requireParticipant(board: BoardRecord, role: Role, what: 'vote' | 'comment'): Promise<void> {
    if (role !== 'view') return;
    const allowed = await this.options.boards.withDoc(board.id, (doc) => readMeta(doc).record.viewersMayVote);
    if (!allowed) {
      throw new VotingError(403, `People with the view link may not ${what} on this board; the facilitator can allow it in workshop mode`);
    }
  }

  private voterId(board: BoardRecord, voterKey: string | undefined): string {
    if (!voterKey || !VOTER_KEY.test(voterKey)) {
      throw new VotingError(400, 'Send your voter key as "X-Voter-Key" (16 to 128 letters, digits, - or _)');
    }
    return voterIdOf(board.id, voterKey);
  }

  private async round(board: BoardRecord, roundId: string): Promise<VoteRound> {
    const round = await this.options.boards.withDoc(board.id, (doc) =>
      getCollection(doc, 'voteRounds').has(roundId) ? readRecord(doc, 'voteRounds', roundId)?.record : undefined,
    );
    if (!round) throw new VotingError(404, 'No vote with this id on this board');
    return round;
  }

  async open(board: BoardRecord, input: z.infer<typeof openRoundSchema>): Promise<VoteRound> {
    if (input.maxPerItem > input.dotsPerPerson) throw new VotingError(400, 'maxPerItem may not exceed dotsPerPerson');
    const round = await this.options.boards.change(board, (doc) => {
      const missing = input.targetIds.filter((id) => !targetExists(doc, id));
      if (missing.length) throw new VotingError(400, `${missing.length} of the chosen items are not on this board`);
      return createRecord(doc, 'voteRounds', { id: newRecordId(), ...input, status: 'open', openedAt: Date.now() }, VOTING_ORIGIN);
    });
    this.options.log.info({ boardId: board.id, round: round.id, anonymous: round.anonymous, targets: round.targetIds.length }, 'vote opened');
    return round;
  }

  async myDots(board: BoardRecord, role: Role, roundId: string, voterKey: string | undefined): Promise<MyDots> {
    await this.requireParticipant(board, role, 'vote');
    const voterId = this.voterId(board, voterKey);
    const round = await this.round(board, roundId);
    const dots = await this.readDots(board, round, voterId);
    return { roundId, dots, left: round.status === 'open' ? dotsLeft(round, dots) : 0 };
  }

  private async readDots(board: BoardRecord, round: VoteRound, voterId: string): Promise<Record<string, number>> {
    if (round.anonymous) {
      const sealed = await this.options.store.getSealed(board.id, sealedScope(round.id), voterId);
      return sealed ? (JSON.parse(sealed) as Record<string, number>) : {};
    }
    return this.options.boards.withDoc(board.id, (doc) => {
      const votes = listRecords(doc, 'votes').map(({ record }) => record);
      return ballotsFromVotes(votes, round.id).find((ballot) => ballot.voterId === voterId)?.dots ?? {};
    });
  }

  async setMyDots(
    board: BoardRecord,
    role: Role,
    roundId: string,
    voterKey: string | undefined,
    input: z.infer<typeof myDotsSchema>,
  ): Promise<MyDots> {
    await this.requireParticipant(board, role, 'vote');
    const voterId = this.voterId(board, voterKey);
    const key = `${board.id}:${roundId}:${voterId}`;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.writeDots(board, roundId, voterId, input));
    this.queues.set(key, run);
    try {
      return await run;
    } finally {
      if (this.queues.get(key) === run) this.queues.delete(key);
    }
  }

  private async writeDots(board: BoardRecord, roundId: string, voterId: string, input: z.infer<typeof myDotsSchema>): Promise<MyDots> {
    const round = await this.round(board, roundId);
    if (round.status !== 'open') throw new VotingError(409, 'This vote has closed');
    const dots = normaliseAllocation(input.dots);
    const problem = allocationProblem(round, dots);
    if (problem) throw new VotingError(400, problem);
    if (round.anonymous) {
      await this.options.store.putSealed(board.id, sealedScope(round.id), voterId, JSON.stringify(dots));
    } else {
      await this.options.boards.change(board, (doc) => {
        const current = readRecord(doc, 'voteRounds', round.id)?.record;
        if (current?.status !== 'open') throw new VotingError(409, 'This vote has closed');
        doc.transact(() => {
          for (const { record } of listRecords(doc, 'votes')) {
            if (record.roundId === round.id && record.voterId === voterId) deleteRecord(doc, 'votes', record.id, VOTING_ORIGIN);
          }
          for (const [targetId, n] of Object.entries(dots)) {
            createRecord(doc, 'votes', { id: newRecordId(), roundId: round.id, targetId, dots: n, voterId, voter: input.voterName || 'Someone', createdAt: Date.now() }, VOTING_ORIGIN);
          }
        }, VOTING_ORIGIN);
      });
    }
    return { roundId, dots, left: dotsLeft(round, dots) };
  }

  async close(board: BoardRecord, roundId: string): Promise<VoteRound> {
    const round = await this.round(board, roundId);
    if (round.status !== 'open') throw new VotingError(409, 'This vote is already closed');
    let ballots: Ballot[] | null = null;
    if (round.anonymous) {
      const entries = await this.options.store.listSealed(board.id, sealedScope(round.id));
      ballots = entries.map((entry) => ({ voterId: entry.voterKey, dots: parseAllocation(entry.value) }));
    }
    const closed = await this.options.boards.change(board, (doc) => {
      const current = readRecord(doc, 'voteRounds', round.id)?.record;
      if (current?.status !== 'open') throw new VotingError(409, 'This vote is already closed');
      const counted = ballots ?? ballotsFromVotes(listRecords(doc, 'votes').map(({ record }) => record), round.id);
      const { results, voterCount } = tallyBallots(current, counted);
      updateRecord(doc, 'voteRounds', round.id, { status: 'closed', closedAt: Date.now(), results, voterCount }, VOTING_ORIGIN);
      return readRecord(doc, 'voteRounds', round.id)!.record;
    });
    if (round.anonymous) await this.options.store.deleteSealedScope(board.id, sealedScope(round.id));
    this.options.log.info({ boardId: board.id, round: round.id, voters: closed.voterCount }, 'vote closed');
    return closed;
  }

  async comment(board: BoardRecord, role: Role, input: z.infer<typeof newCommentSchema>): Promise<Comment> {
    await this.requireParticipant(board, role, 'comment');
    return this.options.boards.change(board, (doc) => {
      if (input.targetId && !targetExists(doc, input.targetId)) throw new VotingError(400, 'The item commented on is not on this board');
      return createRecord(doc, 'comments', { id: newRecordId(), ...input, createdAt: Date.now() }, VOTING_ORIGIN);
    });
  }
}

/** A record of the board's content anyone may vote or comment on. */
const TARGET_COLLECTIONS = ['canvasItems', 'stakeholders', 'matrixRows', 'logicNodes', 'partners', 'relationships', 'logicLinks'] as const;

function targetExists(doc: Y.Doc, id: string): boolean {
  return TARGET_COLLECTIONS.some((name) => getCollection(doc, name).has(id));
}

/** A stored ballot as an allocation; anything unreadable counts as no dots. */
function parseAllocation(value: string): Allocation {
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as Allocation) : {};
  } catch {
    return {};
  }
}
