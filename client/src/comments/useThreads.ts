import { useMemo } from 'react';
import type { BoardSession } from '../collab/session';
import { useCollection } from '../collab/useCollection';
import { useValue } from '../lib/hooks';
import { commentsUiFor } from './commentsUi';
import { buildThreads, isUnread, unreadCount, type Thread } from './threads';

/** The board's threads, the shared comments UI state and my unread marks, live. */
export function useThreads(session: BoardSession, me: string) {
  const comments = useCollection(session.collection('comments'));
  const threads = useMemo(() => buildThreads(comments), [comments]);
  const ui = commentsUiFor(session);
  const state = useValue(ui.state);
  const marks = useValue(ui.marks);
  return {
    threads,
    ui,
    state,
    unread: unreadCount(threads, marks, me),
    isUnread: (thread: Thread) => isUnread(thread, marks, me),
  };
}
