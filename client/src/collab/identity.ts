import { readJson, type KeyValueStore } from './storage';

/**
 * Who I am on every board: a display name and a colour, stored on this device only.
 * No accounts: joining is instant, and the name can be changed at any time.
 */
export interface Identity {
  name: string;
  colour: string;
  /** False until the person has confirmed a name once; we ask only then. */
  confirmed: boolean;
}

/** Saturated enough for a cursor on a light canvas, dark enough for white label text (WCAG AA). */
export const USER_COLOURS = [
  '#2563eb',
  '#c026d3',
  '#dc2626',
  '#0f766e',
  '#7c3aed',
  '#b45309',
  '#0369a1',
  '#be123c',
  '#15803d',
  '#4338ca',
] as const;

export const IDENTITY_KEY = 'pc.identity';
export const MAX_DISPLAY_NAME = 40;

function parseIdentity(raw: unknown): Identity | null {
  if (!raw || typeof raw !== 'object') return null;
  const value = raw as Record<string, unknown>;
  if (typeof value.name !== 'string' || typeof value.colour !== 'string') return null;
  const name = cleanDisplayName(value.name);
  if (name === '' || !/^#[0-9a-fA-F]{6}$/.test(value.colour)) return null;
  return { name, colour: value.colour, confirmed: value.confirmed === true };
}

export function randomIdentity(random: () => number = Math.random): Identity {
  const number = 10 + Math.floor(random() * 90);
  const colour = USER_COLOURS[Math.floor(random() * USER_COLOURS.length)] ?? USER_COLOURS[0];
  return { name: `Guest ${number}`, colour, confirmed: false };
}

/** The stored identity, or a fresh random one (saved, so it stays stable across reloads). */
export function loadIdentity(store: KeyValueStore, random: () => number = Math.random): Identity {
  const parsed = parseIdentity(readJson(store, IDENTITY_KEY));
  if (parsed) return parsed;
  const fresh = randomIdentity(random);
  store.setItem(IDENTITY_KEY, JSON.stringify(fresh));
  return fresh;
}

/** Set once a person with a view link chose to watch without a name: later visits on this device do not ask again. */
export const WATCH_UNNAMED_KEY = 'pc.watchUnnamed';

export function watchesUnnamed(store: KeyValueStore): boolean {
  return store.getItem(WATCH_UNNAMED_KEY) === '1';
}

export function rememberWatchUnnamed(store: KeyValueStore): void {
  store.setItem(WATCH_UNNAMED_KEY, '1');
}

export function cleanDisplayName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_DISPLAY_NAME);
}

export function saveIdentity(store: KeyValueStore, identity: Identity): Identity {
  const name = cleanDisplayName(identity.name);
  const next = { ...identity, name: name === '' ? 'Guest' : name };
  store.setItem(IDENTITY_KEY, JSON.stringify(next));
  return next;
}

/**
 * Up to two letters for an avatar: first and last word, letters only, so
 * "Fiona (facilitator)" is FI, not "F(", and "Guest 85" is GU, never three
 * characters spilling out of the circle. A bracketed aside is not a surname.
 */
export function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)?/g, ' ')
    .split(/\s+/)
    .map((word) => [...word].filter((ch) => /\p{L}/u.test(ch)))
    .filter((letters) => letters.length > 0);
  if (words.length === 0) return '?';
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const pair = words.length === 1 ? first.slice(0, 2) : [first[0]!, last[0]!];
  return pair.join('').toLocaleUpperCase();
}
