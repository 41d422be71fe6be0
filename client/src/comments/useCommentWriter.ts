import { useMemo, useState } from 'react';
import { canEdit, type Role } from '@pc/shared';
import type { BoardSession } from '../collab/session';
import { reply, setResolved, startThread, type CommentTarget } from './commentActions';
import { commentsUiFor } from './commentsUi';

/** How this person writes comments: into the document (owner, editors); viewers may only read. */
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
  return useMemo<CommentWriter>(() => {
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
  }, [session, editor, me, people, error]);
}
