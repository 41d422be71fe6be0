import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Presence (awareness) is owned: a connection may set or remove only the
 * client ids it introduced, each state is capped in size, and one connection
 * may introduce only a few ids. Without this a view link could overwrite
 * anyone's cursor and name, or push megabytes of "presence" to everyone.
 */

export interface PresenceEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text ("null" removes the client). */
  state: string;
  bytes: number;
}

export interface PresenceLimits {
  maxStateBytes: number;
  maxClientsPerConnection: number;
}

/** The entries of an awareness update (already validated by decodeClientMessage). */
export function decodePresence(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const bytes = decoding.readVarUint8Array(decoder);
    entries.push({ clientId, clock, state: new TextDecoder().decode(bytes), bytes: bytes.byteLength });
  }
  return entries;
}

export function encodePresence(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

export type PresenceDecision =
  /** `update` holds the entries this connection may apply (null: none); `refused` counts the rest. */
  | { ok: true; update: Uint8Array | null; refused: number }
  | { ok: false; problem: string };

/**
 * Keep the entries `owner` may write: ids it introduced, or new ids (up to
 * the per-connection cap). An entry for an id another connection owns is
 * dropped (the rest of the message still applies): silently when it is an
 * echo (the stock y-websocket client re-sends every presence change it
 * receives, with the clock it received), counted in `refused` when it tries
 * to move the clock on (an overwrite). An oversized state or too many ids
 * closes the connection.
 *
 * @param ownerOf the open connection that introduced each client id in the room
 * @param clockOf the room's current presence clock of each client id
 * @param owned the ids this connection introduced
 */
export function admitPresence<C>(
  update: Uint8Array,
  owner: C,
  owned: ReadonlySet<number>,
  ownerOf: (clientId: number) => C | undefined,
  clockOf: (clientId: number) => number | undefined,
  limits: PresenceLimits,
): PresenceDecision {
  const entries = decodePresence(update);
  const kept: PresenceEntry[] = [];
  let introduced = owned.size;
  let refused = 0;
  for (const entry of entries) {
    if (entry.bytes > limits.maxStateBytes) {
      return { ok: false, problem: `presence state of ${entry.bytes} bytes is over the ${limits.maxStateBytes}-byte limit` };
    }
    const current = ownerOf(entry.clientId);
    if (current !== undefined && current !== owner) {
      if (entry.clock > (clockOf(entry.clientId) ?? -1)) refused++;
      continue;
    }
    if (current === undefined && !owned.has(entry.clientId)) {
      if (entry.state === 'null') continue;
      if (++introduced > limits.maxClientsPerConnection) {
        return { ok: false, problem: `more than ${limits.maxClientsPerConnection} presence ids on one connection` };
      }
    }
    kept.push(entry);
  }
  if (kept.length === entries.length) return { ok: true, update, refused };
  return { ok: true, update: kept.length ? encodePresence(kept) : null, refused };
}

/**
 * Presence from another node: its gate already admitted it, so it is not
 * checked again, but it belongs to that node and may not touch ids a
 * connection of this node holds (a client that reconnected here from the
 * peer: our connection's state is the current one). Returns what to apply,
 * or null when nothing is left.
 */
export function admitRemotePresence(update: Uint8Array, heldHere: (clientId: number) => boolean): Uint8Array | null {
  const entries = decodePresence(update);
  const kept = entries.filter((entry) => !heldHere(entry.clientId));
  if (kept.length === entries.length) return update;
  return kept.length ? encodePresence(kept) : null;
}
