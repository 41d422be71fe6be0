/**
 * A list order that holds still while people work on it: items already shown
 * keep their places (a rename or an edit elsewhere never re-sorts the list
 * under the pointer), items that left are dropped, and new items are appended
 * at the end, in `compare` order among themselves. With no previous order the
 * list is simply sorted. Pure; callers keep the previous order between renders.
 */
export function stableOrder<T>(items: readonly T[], previous: readonly string[] | null, idOf: (item: T) => string, compare: (a: T, b: T) => number): T[] {
  if (!previous || previous.length === 0) return [...items].sort(compare);
  const byId = new Map(items.map((item) => [idOf(item), item]));
  const kept: T[] = [];
  const seen = new Set<string>();
  for (const id of previous) {
    const item = byId.get(id);
    if (item !== undefined && !seen.has(id)) {
      kept.push(item);
      seen.add(id);
    }
  }
  const added = items.filter((item) => !seen.has(idOf(item))).sort(compare);
  return [...kept, ...added];
}
