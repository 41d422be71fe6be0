import { describe, expect, it } from 'vitest';
import { commentSchema, type Comment } from '@pc/shared';
import { anchorOf, buildThreads, filterThreads, isUnread, markRead, unreadCount } from './threads';

const c = (fields: Partial<Comment> & { id: string }): Comment => commentSchema.parse({ text: 'x', ...fields });

describe('comment threads', () => {
  const comments = [
    c({ id: 'r1', author: 'Ada', createdAt: 100, targetId: 's1' }),
    c({ id: 'a', author: 'Bo', createdAt: 300, parentId: 'r1' }),
    c({ id: 'b', author: 'Ada', createdAt: 200, parentId: 'r1' }),
    c({ id: 'r2', author: 'Bo', createdAt: 150, view: 'logic-model', x: 10, y: 20, resolved: true }),
    c({ id: 'nested', author: 'Cy', createdAt: 400, parentId: 'a' }),
    c({ id: 'orphan', author: 'Cy', createdAt: 500, parentId: 'gone' }),
  ];

  it('groups replies under their root, oldest first, threads by latest activity', () => {
    const threads = buildThreads(comments);
    expect(threads.map((t) => t.root.id)).toEqual(['r1', 'r2']);
    expect(threads[0]!.replies.map((r) => r.id)).toEqual(['b', 'a', 'nested']);
    expect(threads[0]!.lastActivity).toBe(400);
    expect(threads[1]!.replies).toEqual([]);
  });

  it('survives a reply cycle written by a hostile client', () => {
    const cyclic = [c({ id: 'p', parentId: 'q' }), c({ id: 'q', parentId: 'p' })];
    expect(buildThreads(cyclic)).toEqual([]);
  });

  it('filters open and resolved threads', () => {
    const threads = buildThreads(comments);
    expect(filterThreads(threads, 'open').map((t) => t.root.id)).toEqual(['r1']);
    expect(filterThreads(threads, 'resolved').map((t) => t.root.id)).toEqual(['r2']);
    expect(filterThreads(threads, 'all')).toHaveLength(2);
  });

  it('is unread when someone else wrote after I read it, never for my own comments', () => {
    const [thread] = buildThreads(comments);
    expect(isUnread(thread!, {}, 'Ada')).toBe(true);
    const marks = markRead({}, thread!);
    expect(marks.r1).toBe(400);
    expect(isUnread(thread!, marks, 'Ada')).toBe(false);
    // A new reply by someone else makes it unread again; one of mine does not.
    const mine = buildThreads([...comments, c({ id: 'm', author: 'Ada', createdAt: 600, parentId: 'r1' })])[0]!;
    expect(isUnread(mine, marks, 'Ada')).toBe(false);
    const theirs = buildThreads([...comments, c({ id: 't', author: 'Bo', createdAt: 600, parentId: 'r1' })])[0]!;
    expect(isUnread(theirs, marks, 'Ada')).toBe(true);
    // A thread with only my own comments is never unread.
    expect(isUnread(buildThreads([c({ id: 'solo', author: 'Ada', createdAt: 1 })])[0]!, {}, 'Ada')).toBe(false);
    expect(markRead(marks, thread!)).toBe(marks);
  });

  it('counts unread open threads only', () => {
    const threads = buildThreads(comments);
    expect(unreadCount(threads, {}, 'Cy')).toBe(1);
    expect(unreadCount(threads, {}, 'Nobody')).toBe(1);
  });

  it('says where a thread is pinned', () => {
    expect(anchorOf(comments[0]!)).toEqual({ kind: 'record', id: 's1' });
    expect(anchorOf(comments[3]!)).toEqual({ kind: 'point', view: 'logic-model', x: 10, y: 20 });
    expect(anchorOf(c({ id: 'z' }))).toEqual({ kind: 'board' });
  });
});
