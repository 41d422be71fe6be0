import { isBoardView, type BoardView } from '@pc/shared';
import type { Point, Rect } from '../lib/geometry';

/**
 * Presence: what each client publishes through Yjs awareness. Never saved, always
 * throttled. Remote states are untrusted input, so they are parsed, not cast.
 */
export interface PresenceState {
  user: { name: string; colour: string };
  /** World coordinates; null when the pointer is off the canvas. */
  cursor: Point | null;
  view: BoardView;
  /** The world rectangle this person's canvas shows (for following them); null until known. */
  viewport: Rect | null;
}

export interface Peer extends PresenceState {
  clientId: number;
  isSelf: boolean;
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

export function parsePresence(raw: unknown): PresenceState | null {
  if (!raw || typeof raw !== 'object') return null;
  const state = raw as Record<string, unknown>;
  const user = state.user as Record<string, unknown> | undefined;
  if (!user || typeof user.name !== 'string') return null;
  const name = user.name.trim().slice(0, 40) || 'Guest';
  const colour = typeof user.colour === 'string' && COLOUR.test(user.colour) ? user.colour : '#64748b';
  const view = isBoardView(state.view) ? state.view : 'stakeholder-map';
  let cursor: Point | null = null;
  const c = state.cursor as Record<string, unknown> | null | undefined;
  if (c && typeof c.x === 'number' && typeof c.y === 'number' && Number.isFinite(c.x) && Number.isFinite(c.y)) {
    cursor = { x: c.x, y: c.y };
  }
  return { user: { name, colour }, cursor, view, viewport: parseViewport(state.viewport) };
}

/** Largest world extent a viewport may claim (far beyond any board, small enough to stay finite in maths). */
const MAX_EXTENT = 1e7;

function parseViewport(raw: unknown): Rect | null {
  if (!raw || typeof raw !== 'object') return null;
  const { x, y, width, height } = raw as Record<string, unknown>;
  const numbers = [x, y, width, height];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= MAX_EXTENT)) return null;
  if ((width as number) <= 0 || (height as number) <= 0) return null;
  return { x: x as number, y: y as number, width: width as number, height: height as number };
}

/** Everyone present, me first, then by name so the list does not jump around. */
export function peersFromStates(states: Map<number, unknown>, selfId: number): Peer[] {
  const peers: Peer[] = [];
  states.forEach((raw, clientId) => {
    const parsed = parsePresence(raw);
    if (parsed) peers.push({ ...parsed, clientId, isSelf: clientId === selfId });
  });
  return peers.sort((a, b) => {
    if (a.isSelf !== b.isSelf) return a.isSelf ? -1 : 1;
    return a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId;
  });
}

/** Cursors to draw: other people on the same tab with the pointer over the canvas. */
export function visibleCursors(peers: readonly Peer[], view: BoardView): Peer[] {
  return peers.filter((peer) => !peer.isSelf && peer.view === view && peer.cursor !== null);
}

/** Identity of the who-is-here list: changes when people come, go or rename, not when cursors move. */
export function peopleKey(peers: readonly Peer[]): string {
  return peers.map((p) => `${p.clientId}:${p.user.name}:${p.user.colour}:${p.isSelf ? 1 : 0}`).join('|');
}
