import { createRecord, updateRecord, type BoardView, type Comment } from '@pc/shared';
import type { BoardSession } from '../collab/session';
import { serverClock } from '../collab/serverClock';
import { parseMentions } from './mentions';

/** Where a new thread is pinned: a record of any collection, or a point on a tab's canvas. */
export type CommentTarget = { kind: 'record'; id: string } | { kind: 'point'; view: BoardView; x: number; y: number };

/** The fields of a new comment, as both the document write and the viewers' REST call send them. */
export function newCommentFields(input: { target?: CommentTarget; parentId?: string; text: string; author: string; people: readonly string[] }): Omit<Comment, 'id' | 'resolved'> {
  const target = input.target;
  return {
    targetId: target?.kind === 'record' ? target.id : null,
    parentId: input.parentId ?? null,
    view: target?.kind === 'point' ? target.view : null,
    x: target?.kind === 'point' ? Math.round(target.x) : null,
    y: target?.kind === 'point' ? Math.round(target.y) : null,
    text: input.text.trim(),
    author: input.author,
    mentions: parseMentions(input.text, input.people),
    // Server time, so threads from people with wrong clocks still sort in the order they were written.
    createdAt: Math.round(serverClock().now()),
  };
}

export function startThread(session: BoardSession, target: CommentTarget, text: string, author: string, people: readonly string[]): Comment {
  return createRecord(session.doc, 'comments', newCommentFields({ target, text, author, people }), session.localOrigin);
}

export function reply(session: BoardSession, rootId: string, text: string, author: string, people: readonly string[]): Comment {
  return createRecord(session.doc, 'comments', newCommentFields({ parentId: rootId, text, author, people }), session.localOrigin);
}

export function setResolved(session: BoardSession, rootId: string, resolved: boolean): void {
  updateRecord(session.doc, 'comments', rootId, { resolved }, session.localOrigin);
}
