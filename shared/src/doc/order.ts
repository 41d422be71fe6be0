import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * z-order and row order use fractional indexes: inserting between two items writes
 * one key, so concurrent reorders never rewrite everyone else's position.
 */
export function orderKeyAfter(keys: Iterable<string>): string {
  let max: string | null = null;
  for (const key of keys) if (max === null || key > max) max = key;
  return safeKeyBetween(max, null);
}

export function orderKeyBetween(before: string | null, after: string | null): string {
  return safeKeyBetween(before, after);
}

export function orderKeys(count: number, before: string | null = null, after: string | null = null): string[] {
  return generateNKeysBetween(before, after, count);
}

/** Keys written by other tools may be malformed; never let one break a drop. */
function safeKeyBetween(before: string | null, after: string | null): string {
  try {
    return generateKeyBetween(before, after);
  } catch {
    try {
      return generateKeyBetween(before, null);
    } catch {
      return generateKeyBetween(null, null);
    }
  }
}
