/**
 * A sorted copy of a list, kept in step with the list. Collection snapshots
 * share structure: when one record changes, the new snapshot holds a new object
 * at that record's position and the same objects everywhere else. So when the
 * list changed at a few positions only (or grew at its end), the previous order
 * is patched, each changed item taken out and put back where it sorts now by
 * binary search, instead of sorting 10,000 items again for one moved note.
 * Anything else (items removed, many changed) is sorted afresh.
 *
 * `compare` must be a total order (ties broken by id), so a patched order is
 * the one a full sort gives.
 */
export interface SortedView<T> {
  readonly source: readonly T[];
  readonly sorted: readonly T[];
}

/** Changed positions beyond this are sorted afresh: patching costs a binary search and an array move each. */
const MAX_PATCHED = 32;

export function resorted<T>(previous: SortedView<T> | null, source: readonly T[], compare: (a: T, b: T) => number): SortedView<T> {
  if (previous?.source === source) return previous;
  const patched = previous ? patch(previous, source, compare) : null;
  return { source, sorted: patched ?? [...source].sort(compare) };
}

function patch<T>(previous: SortedView<T>, source: readonly T[], compare: (a: T, b: T) => number): T[] | null {
  const before = previous.source;
  if (source.length < before.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < before.length; i++) {
    if (source[i] === before[i]) continue;
    if (changed.length === MAX_PATCHED) return null;
    changed.push(i);
  }
  if (changed.length + source.length - before.length > MAX_PATCHED) return null;
  const sorted = previous.sorted.slice();
  for (const i of changed) {
    const at = positionOf(sorted, before[i]!, compare);
    if (at < 0) return null;
    sorted.splice(at, 1);
  }
  for (const i of changed) insert(sorted, source[i]!, compare);
  for (let i = before.length; i < source.length; i++) insert(sorted, source[i]!, compare);
  return sorted;
}

/** First index whose item does not sort before `item`. */
function lowerBound<T>(sorted: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(sorted[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function positionOf<T>(sorted: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  const at = lowerBound(sorted, item, compare);
  return sorted[at] === item ? at : sorted.indexOf(item);
}

function insert<T>(sorted: T[], item: T, compare: (a: T, b: T) => number): void {
  sorted.splice(lowerBound(sorted, item, compare), 0, item);
}
