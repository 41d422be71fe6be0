import { ROLES, type Role } from '@pc/shared';
import { readJson, type KeyValueStore } from './storage';

/** A board this device has opened, so people can find it again without the link. */
export interface RecentBoard {
  id: string;
  title: string;
  /** The most powerful role this device holds a link for, and that link's token. */
  role: Role;
  token: string;
  lastOpened: number;
  /** Every link this device holds for the board, by role (a facilitator keeps all three). */
  tokens?: Partial<Record<Role, string>>;
}

const validToken = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;

export const RECENT_KEY = 'pc.recentBoards';
export const MAX_RECENT = 20;

function parseRecent(raw: unknown): RecentBoard | null {
  if (!raw || typeof raw !== 'object') return null;
  const v = raw as Record<string, unknown>;
  if (typeof v.id !== 'string' || v.id.length === 0 || v.id.length > 64) return null;
  if (!validToken(v.token)) return null;
  if (!ROLES.includes(v.role as Role)) return null;
  if (typeof v.lastOpened !== 'number' || !Number.isFinite(v.lastOpened)) return null;
  const title = typeof v.title === 'string' ? v.title.slice(0, 200) : '';
  const parsed: RecentBoard = { id: v.id, title, role: v.role as Role, token: v.token, lastOpened: v.lastOpened };
  if (v.tokens && typeof v.tokens === 'object') {
    const tokens: Partial<Record<Role, string>> = {};
    for (const role of ROLES) {
      const token = (v.tokens as Record<string, unknown>)[role];
      if (validToken(token)) tokens[role] = token;
    }
    if (Object.keys(tokens).length > 0) parsed.tokens = tokens;
  }
  return parsed;
}

/** Every link this device holds for a board, by role, the main one included. */
export function linksOf(entry: RecentBoard): Partial<Record<Role, string>> {
  return { ...entry.tokens, [entry.role]: entry.token };
}

const ROLE_RANK: Record<Role, number> = { view: 0, edit: 1, owner: 2 };

/** Stored entries, newest first; anything malformed is dropped rather than trusted. */
export function loadRecentBoards(store: KeyValueStore): RecentBoard[] {
  const raw = readJson(store, RECENT_KEY);
  if (!Array.isArray(raw)) return [];
  const out: RecentBoard[] = [];
  for (const entry of raw) {
    const parsed = parseRecent(entry);
    if (parsed) out.push(parsed);
  }
  return out.sort((a, b) => b.lastOpened - a.lastOpened);
}

/**
 * Merge one opened board into the list. One entry per board: opening a board
 * again with a lesser link (say, a view link to check what viewers see) must not
 * make us forget the facilitator token, so the more powerful token is kept.
 */
export function rememberBoard(list: readonly RecentBoard[], opened: RecentBoard): RecentBoard[] {
  const existing = list.find((entry) => entry.id === opened.id);
  let merged: RecentBoard = { ...opened, tokens: { ...(existing ? linksOf(existing) : {}), ...linksOf(opened) } };
  if (existing && ROLE_RANK[existing.role] > ROLE_RANK[opened.role]) {
    merged = { ...merged, role: existing.role, token: existing.token };
  }
  if (merged.title === '' && existing) merged = { ...merged, title: existing.title };
  const rest = list.filter((entry) => entry.id !== opened.id);
  return [merged, ...rest].sort((a, b) => b.lastOpened - a.lastOpened).slice(0, MAX_RECENT);
}

/**
 * A link of the board was rotated: the new token replaces the old one for that
 * role (and as the main token when it was the main role). Unknown boards are
 * left as they are.
 */
export function replaceBoardToken(list: readonly RecentBoard[], id: string, role: Role, token: string): RecentBoard[] {
  return list.map((entry) => {
    if (entry.id !== id) return entry;
    const next: RecentBoard = { ...entry, tokens: { ...linksOf(entry), [role]: token } };
    if (entry.role === role) next.token = token;
    return next;
  });
}

export function forgetBoard(list: readonly RecentBoard[], id: string): RecentBoard[] {
  return list.filter((entry) => entry.id !== id);
}

export function saveRecentBoards(store: KeyValueStore, list: readonly RecentBoard[]): void {
  store.setItem(RECENT_KEY, JSON.stringify(list));
}

export function findRecentBoard(list: readonly RecentBoard[], id: string): RecentBoard | undefined {
  return list.find((entry) => entry.id === id);
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", or a date. */
export function relativeTime(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 14) return days === 1 ? 'yesterday' : `${days} days ago`;
  return new Date(then).toISOString().slice(0, 10);
}
