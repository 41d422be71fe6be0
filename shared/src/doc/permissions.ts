import type { Role } from '../protocol';
import type { CollectionName, Meta } from '../schema';

/**
 * Parts of a board only its owner (the facilitator's link) may change. Others
 * may read them; the server's update gate refuses an editor's update touching
 * them, and the server itself writes some of them for REST calls it has
 * checked (vote rounds). Append to these lists; each entry needs a reason.
 */

/** Board settings only the owner sets. */
export const OWNER_ONLY_META_KEYS: readonly (keyof Meta)[] = [
  // Workshop mode: whether the view link may vote and comment.
  'viewersMayVote',
  // Whether health check ratings are anonymous: an editor could otherwise unmask them.
  'healthAnonymous',
  // How often the Compass's review items fall due: the facilitator's call.
  'healthReviewIntervalDays',
];

/** Collections whose records only the owner (or the server) writes. */
export const OWNER_ONLY_COLLECTIONS: readonly CollectionName[] = [
  // Facilitator locks: an editor who could remove a lock would not be held by it.
  'locks',
  // Rounds and their results: opened and closed by the facilitator through the server.
  'voteRounds',
  // Named votes: written by the server, which enforces each round's limits per person.
  'votes',
];

const OWNER_ONLY_META = new Set<string>(OWNER_ONLY_META_KEYS);
const OWNER_ONLY = new Set<string>(OWNER_ONLY_COLLECTIONS);

/** Plain words for each owner-only part, for the notice the person sees. */
const WHAT: Partial<Record<CollectionName | keyof Meta, string>> = {
  locks: 'Locks',
  voteRounds: 'Voting rounds',
  votes: 'Votes',
  viewersMayVote: 'The workshop setting for the view link',
  healthAnonymous: 'The anonymous ratings setting',
  healthReviewIntervalDays: 'The review interval',
};

export interface TouchedPart {
  collection: string;
  id: string;
}

/**
 * Why `role` may not make a change touching these records and meta keys, or
 * null when it may. Worded for the person whose change it was.
 */
export function ownerOnlyRefusal(role: Role, records: readonly TouchedPart[], metaKeys: readonly string[]): string | null {
  if (role === 'owner') return null;
  for (const key of metaKeys) {
    if (OWNER_ONLY_META.has(key)) return `${WHAT[key as keyof Meta] ?? `The setting ${key}`} can be changed by the board owner only`;
  }
  for (const record of records) {
    if (OWNER_ONLY.has(record.collection)) {
      return `${WHAT[record.collection as CollectionName] ?? record.collection} can be changed by the board owner only`;
    }
  }
  return null;
}

export function isOwnerOnlyCollection(collection: string): boolean {
  return OWNER_ONLY.has(collection);
}
