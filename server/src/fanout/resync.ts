import * as Y from 'yjs';

/**
 * Pub/sub may drop messages, so nodes compare state vectors (on subscribe and
 * every FANOUT_RESYNC_MS) and ask for what they miss. These are the pure
 * decisions behind that; the Redis plumbing lives in redisFanout.ts.
 */

export type StateComparison = 'in-step' | 'behind' | 'ahead' | 'diverged';

/** How our state vector stands against a peer's: `behind` or `diverged` means we lack something it has. */
export function compareStateVectors(local: Map<number, number>, remote: Map<number, number>): StateComparison {
  let weLack = false;
  let theyLack = false;
  for (const [client, clock] of remote) if ((local.get(client) ?? 0) < clock) weLack = true;
  for (const [client, clock] of local) if ((remote.get(client) ?? 0) < clock) theyLack = true;
  if (weLack && theyLack) return 'diverged';
  if (weLack) return 'behind';
  if (theyLack) return 'ahead';
  return 'in-step';
}

/** A peer's encoded state vector, or null when it does not decode. */
export function decodeStateVectorSafe(encoded: Uint8Array): Map<number, number> | null {
  try {
    return Y.decodeStateVector(encoded);
  } catch {
    return null;
  }
}

/**
 * Whether to ask a peer for what we lack now. One request per peer and board
 * is in flight at a time: a reply (or the next period) clears it, and a
 * request older than `retryMs` (its reply was dropped) may be sent again.
 */
export function shouldRequest(comparison: StateComparison, lastRequestAt: number | undefined, now: number, retryMs: number): boolean {
  if (comparison !== 'behind' && comparison !== 'diverged') return false;
  return lastRequestAt === undefined || now - lastRequestAt >= retryMs;
}

/** Peers not heard from within `timeoutMs` are gone: their clients' presence is dropped. */
export function silentPeers(lastSeen: ReadonlyMap<string, number>, now: number, timeoutMs: number): string[] {
  return [...lastSeen].filter(([, seen]) => now - seen > timeoutMs).map(([id]) => id);
}
