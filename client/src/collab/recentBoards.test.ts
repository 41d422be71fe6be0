import { describe, expect, it } from 'vitest';
import { RECENT_KEY, forgetBoard, linksOf, loadRecentBoards, relativeTime, rememberBoard, replaceBoardToken, saveRecentBoards, type RecentBoard } from './recentBoards';
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

  it('keeps every link the device has for a board, by role', () => {
    let list = rememberBoard([], entry({ role: 'owner', token: 'tok-owner', tokens: { owner: 'tok-owner', edit: 'tok-edit', view: 'tok-view' } }));
    list = rememberBoard(list, entry({ role: 'view', token: 'tok-view-2', lastOpened: 2 }));
    expect(linksOf(list[0]!)).toEqual({ owner: 'tok-owner', edit: 'tok-edit', view: 'tok-view-2' });
    const other = rememberBoard([], entry({ role: 'view', token: 'v' }));
    expect(linksOf(rememberBoard(other, entry({ role: 'edit', token: 'e' }))[0]!)).toEqual({ view: 'v', edit: 'e' });
  });

  it('replaces a rotated link, and the main token when its role was rotated', () => {
    const list = [entry({ role: 'owner', token: 'o1', tokens: { owner: 'o1', edit: 'e1' } }), entry({ id: 'other' })];
    const editRotated = replaceBoardToken(list, 'board1', 'edit', 'e2');
    expect(editRotated[0]).toMatchObject({ token: 'o1', tokens: { owner: 'o1', edit: 'e2' } });
    const ownerRotated = replaceBoardToken(editRotated, 'board1', 'owner', 'o2');
    expect(ownerRotated[0]).toMatchObject({ role: 'owner', token: 'o2', tokens: { owner: 'o2', edit: 'e2' } });
    expect(ownerRotated[1]).toEqual(list[1]);
  });

  it('round-trips through storage and drops malformed entries', () => {
    const store = memoryStore();
    saveRecentBoards(store, [entry({})]);
    expect(loadRecentBoards(store)).toEqual([entry({})]);
    store.setItem(RECENT_KEY, JSON.stringify([entry({}), { id: 'x', role: 'admin' }, null]));
    expect(loadRecentBoards(store)).toHaveLength(1);
    saveRecentBoards(store, [entry({ tokens: { view: 'v', edit: 'tok-edit' } })]);
    expect(loadRecentBoards(store)[0]?.tokens).toEqual({ view: 'v', edit: 'tok-edit' });
    store.setItem(RECENT_KEY, JSON.stringify([{ ...entry({}), tokens: { admin: 'x', view: 5, edit: 'e' } }]));
    expect(loadRecentBoards(store)[0]?.tokens).toEqual({ edit: 'e' });
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
