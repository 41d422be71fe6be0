import { useMemo, useState } from 'react';
import { canEdit, type Role } from '@pc/shared';
import type { BoardSession } from '../collab/session';
import { useMetaField } from '../collab/useMeta';
import { ApiError } from '../collab/api';
import { postComment } from './api';
import { newCommentFields, reply, setResolved, startThread, type CommentTarget } from './commentActions';
import { commentsUiFor } from './commentsUi';

/**
 * How this person writes comments: into the document (owner, editors); a view
 * link through the server when the owner allows it (workshop mode), and it
 * cannot resolve; otherwise read only.
 */
export interface CommentWriter {
  canWrite: boolean;
  canResolve: boolean;
  error: string | null;
  start(target: CommentTarget, text: string): void;
  reply(rootId: string, text: string): void;
  setResolved(rootId: string, resolved: boolean): void;
}

export function useCommentWriter(session: BoardSession, role: Role | null, me: string, people: readonly string[]): CommentWriter {
  const [error, setError] = useState<string | null>(null);
  const editor = role !== null && canEdit(role);
  const viewersMayComment = useMetaField(session, 'viewersMayVote');
  const viaServer = role === 'view' && viewersMayComment && !session.options.snapshot;
  return useMemo<CommentWriter>(() => {
    if (viaServer) {
      const { boardId, token } = session.options;
      const post = (fields: ReturnType<typeof newCommentFields>, open: boolean) => {
        const { createdAt: _createdAt, ...input } = fields;
        postComment(boardId, token, input).then(
          (created) => {
            setError(null);
            if (open) commentsUiFor(session).update({ openId: created.id, draft: null, tool: false });
          },
          (e: unknown) => setError(e instanceof ApiError ? e.message : 'The comment could not be sent'),
        );
      };
      return {
        canWrite: true,
        canResolve: false,
        error,
        start: (target, text) => post(newCommentFields({ target, text, author: me, people }), true),
        reply: (rootId, text) => post(newCommentFields({ parentId: rootId, text, author: me, people }), false),
        setResolved: () => setError('Only editors resolve threads'),
      };
    }
    const guarded = (write: () => void) => {
      try {
        write();
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : 'The comment could not be saved');
      }
    };
    return {
      canWrite: editor,
      canResolve: editor,
      error,
      start: (target, text) =>
        guarded(() => {
          const root = startThread(session, target, text, me, people);
          commentsUiFor(session).update({ openId: root.id, draft: null, tool: false });
        }),
      reply: (rootId, text) => guarded(() => void reply(session, rootId, text, me, people)),
      setResolved: (rootId, resolved) => guarded(() => setResolved(session, rootId, resolved)),
    };
  }, [session, editor, viaServer, me, people, error]);
}
