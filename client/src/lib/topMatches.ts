/**
 * Pick lists that stay short on any board: the best `limit` items that match a
 * query, found in one pass that keeps only those (no sort of every record),
 * and how many matched in all. A board of 10,000 cards offers a few choices
 * and "9,992 more: type to narrow", never a 10,000-entry menu.
 */
export interface TopMatches<T> {
  readonly shown: readonly T[];
  readonly total: number;
}

/** Lower-case words of a query; text matches when it holds every one. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether `text` holds every one of `words` (from queryWords), ignoring case. */
export function matchesWords(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const lower = text.toLowerCase();
  return words.every((word) => lower.includes(word));
}

/** The first `limit` of the items `matches` accepts, in `compare` order (ties keep the items' order). */
export function topMatches<T>(items: Iterable<T>, matches: (item: T) => boolean, compare: (a: T, b: T) => number, limit: number): TopMatches<T> {
  const best: T[] = [];
  let total = 0;
  for (const item of items) {
    if (!matches(item)) continue;
    total += 1;
    if (best.length === limit && compare(item, best[best.length - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(item, best[at - 1]!) < 0) at -= 1;
    best.splice(at, 0, item);
    if (best.length > limit) best.pop();
  }
  return { shown: best, total };
}
