import type { CollectionName, Meta } from '../schema';

/**
 * What only the board's owner (the facilitator's link) may change. The
 * server's update gate refuses an update from an editor that sets or removes
 * any of these; clients use the same lists to decide which controls to show.
 */

/** Facilitation settings: the workshop timer and "Bring everyone here". */
export const OWNER_ONLY_META_KEYS: readonly (keyof Meta)[] = ['timer', 'summon'];

/** Collections whose records only the owner writes (none yet). */
export const OWNER_ONLY_COLLECTIONS: readonly CollectionName[] = [];
