import { describe, expect, it } from 'vitest';
import { RECENT_KEY, forgetBoard, loadRecentBoards, relativeTime, rememberBoard, saveRecentBoards, type RecentBoard } from './recentBoards';
import { memoryStore } from './storage';

const entry = (over: Partial<RecentBoard>): RecentBoard => ({
  id: 'board1',
  title: 'Youth partnership',
  role: 'edit',
  token: 'tok-edit',
  lastOpened: 1000,
  ...over,
});

describe('recent boards', () => {
  it('keeps one entry per board, newest first', () => {
    let list = rememberBoard([], entry({ id: 'a', lastOpened: 1 }));
    list = rememberBoard(list, entry({ id: 'b', lastOpened: 2 }));
    list = rememberBoard(list, entry({ id: 'a', lastOpened: 3, title: 'Renamed' }));
    expect(list.map((e) => [e.id, e.title])).toEqual([
      ['a', 'Renamed'],
      ['b', 'Youth partnership'],
    ]);
  });

  it('never trades a facilitator token for a lesser one', () => {
    let list = rememberBoard([], entry({ role: 'owner', token: 'tok-owner', lastOpened: 1 }));
    list = rememberBoard(list, entry({ role: 'view', token: 'tok-view', lastOpened: 2 }));
    expect(list[0]).toMatchObject({ role: 'owner', token: 'tok-owner', lastOpened: 2 });
    list = rememberBoard(list, entry({ role: 'owner', token: 'tok-owner-2', lastOpened: 3 }));
    expect(list[0]?.token).toBe('tok-owner-2');
  });

  it('round-trips through storage and drops malformed entries', () => {
    const store = memoryStore();
    saveRecentBoards(store, [entry({})]);
    expect(loadRecentBoards(store)).toEqual([entry({})]);
    store.setItem(RECENT_KEY, JSON.stringify([entry({}), { id: 'x', role: 'admin' }, null]));
    expect(loadRecentBoards(store)).toHaveLength(1);
    store.setItem(RECENT_KEY, '{');
    expect(loadRecentBoards(store)).toEqual([]);
    expect(forgetBoard([entry({})], 'board1')).toEqual([]);
  });

  it('says when, in words', () => {
    const now = Date.UTC(2026, 2, 31, 12);
    expect(relativeTime(now - 10_000, now)).toBe('just now');
    expect(relativeTime(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(relativeTime(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(relativeTime(now - 86_400_000, now)).toBe('yesterday');
    expect(relativeTime(now - 30 * 86_400_000, now)).toBe('2026-03-01');
  });
});
