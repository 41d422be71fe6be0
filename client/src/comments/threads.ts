import type { Comment } from '@pc/shared';

/**
 * Comment threads from the flat `comments` collection: a root comment and its
 * replies. Pure, so the panel, the pins and the unread badge agree.
 */
export interface Thread {
  root: Comment;
  /** Oldest first. */
  replies: Comment[];
  /** Time of the newest comment in the thread. */
  lastActivity: number;
}

export type ThreadFilter = 'open' | 'resolved' | 'all';

const byTime = (a: Comment, b: Comment) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/** Threads, most recently active first. Replies whose root is gone are dropped; a reply to a reply joins its root. */
export function buildThreads(comments: readonly Comment[]): Thread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const replies = new Map<string, Comment[]>();
  for (const comment of comments) {
    if (comment.parentId === null) continue;
    const root = rootOf(comment, byId);
    if (!root) continue;
    const list = replies.get(root.id) ?? [];
    list.push(comment);
    replies.set(root.id, list);
  }
  const threads = comments
    .filter((c) => c.parentId === null)
    .map((root): Thread => {
      const list = (replies.get(root.id) ?? []).sort(byTime);
      return { root, replies: list, lastActivity: Math.max(root.createdAt, ...list.map((r) => r.createdAt)) };
    });
  return threads.sort((a, b) => b.lastActivity - a.lastActivity || a.root.id.localeCompare(b.root.id));
}

function rootOf(comment: Comment, byId: Map<string, Comment>): Comment | null {
  let current: Comment | undefined = comment;
  for (let hops = 0; current && current.parentId !== null && hops < 32; hops++) current = byId.get(current.parentId);
  return current && current.parentId === null ? current : null;
}

export function filterThreads(threads: readonly Thread[], filter: ThreadFilter): Thread[] {
  if (filter === 'all') return [...threads];
  return threads.filter((t) => t.root.resolved === (filter === 'resolved'));
}

/** Last time (ms, my clock as stored with each comment) I read each thread, by root id. */
export type ReadMarks = Record<string, number>;

/**
 * A thread is unread when someone else wrote in it after I last read it; a
 * thread I never opened is unread if anyone else wrote in it. My own comments
 * never make a thread unread.
 */
export function isUnread(thread: Thread, marks: ReadMarks, me: string): boolean {
  const readAt = marks[thread.root.id] ?? Number.NEGATIVE_INFINITY;
  return [thread.root, ...thread.replies].some((c) => c.author !== me && c.createdAt > readAt);
}

export function unreadCount(threads: readonly Thread[], marks: ReadMarks, me: string): number {
  return threads.filter((t) => !t.root.resolved && isUnread(t, marks, me)).length;
}

/** Mark a thread read up to its newest comment (not "now": a clock ahead of others' would hide their next reply). */
export function markRead(marks: ReadMarks, thread: Thread): ReadMarks {
  if ((marks[thread.root.id] ?? Number.NEGATIVE_INFINITY) >= thread.lastActivity) return marks;
  return { ...marks, [thread.root.id]: thread.lastActivity };
}

/** Where a thread is pinned. */
export type ThreadAnchor =
  | { kind: 'record'; id: string }
  | { kind: 'point'; view: NonNullable<Comment['view']>; x: number; y: number }
  | { kind: 'board' };

export function anchorOf(root: Comment): ThreadAnchor {
  if (root.targetId !== null) return { kind: 'record', id: root.targetId };
  if (root.view !== null && root.x !== null && root.y !== null) return { kind: 'point', view: root.view, x: root.x, y: root.y };
  return { kind: 'board' };
}
