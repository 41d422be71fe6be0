import type { Summon } from '@pc/shared';

/** A summon older than this (server time) when it reaches me is history, not a call to move. */
export const SUMMON_FRESH_MS = 60_000;

/**
 * Whether this client should move for `summon`: once per summon (`seq` above
 * the last one it handled), only while fresh, never for the one that was
 * already on the board when it opened (`lastSeen` null means "just opened":
 * remember the current one without moving), never for my own.
 */
export function shouldMove(summon: Summon | null, lastSeen: number | null, serverNow: number, mine: boolean): boolean {
  if (!summon || lastSeen === null || mine) return false;
  return summon.seq > lastSeen && serverNow - summon.at < SUMMON_FRESH_MS;
}

export function nextSummonSeq(previous: Summon | null): number {
  return (previous?.seq ?? 0) + 1;
}
