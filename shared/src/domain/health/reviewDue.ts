import type { HealthAggregate, HealthItem, HealthResponse } from '../../schema';
import { daysBetween } from './evidence';

export interface ReviewDueItem {
  itemId: string;
  text: string;
  /** When it was last rated (ms), null when never. */
  lastReviewed: number | null;
  /** Days since, null when never. */
  ageDays: number | null;
}

/**
 * The Compass's review items ("we review ... at regular intervals") whose
 * latest rating (or latest saved review point, whichever is newer) is older
 * than the board's review interval, oldest first. An item never rated is due
 * once the board itself is older than the interval (a new board is not nagged).
 */
export function reviewsDue(data: {
  items: readonly HealthItem[];
  responses: readonly HealthResponse[];
  aggregates?: readonly HealthAggregate[];
  reviewPoints: readonly number[];
  intervalDays: number;
  /** The board's creation time (ms); 0 when unknown. */
  boardCreatedAt: number;
  now: number;
}): ReviewDueItem[] {
  const latestReviewPoint = data.reviewPoints.length ? Math.max(...data.reviewPoints) : 0;
  const lastRated = new Map<string, number>();
  const note = (itemId: string, at: number) => {
    if (at > (lastRated.get(itemId) ?? 0)) lastRated.set(itemId, at);
  };
  for (const r of data.responses) note(r.itemId, r.ratedAt);
  for (const a of data.aggregates ?? []) note(a.itemId, a.ratedAt);
  const due: ReviewDueItem[] = [];
  for (const item of data.items) {
    if (!item.reviewItem) continue;
    const last = Math.max(lastRated.get(item.id) ?? 0, latestReviewPoint);
    const lastReviewed = last > 0 ? last : null;
    const ageDays = lastReviewed === null ? null : daysBetween(lastReviewed, data.now);
    const since = lastReviewed ?? data.boardCreatedAt;
    if (daysBetween(since, data.now) > data.intervalDays) due.push({ itemId: item.id, text: item.text, lastReviewed, ageDays });
  }
  return due.sort((a, b) => (a.lastReviewed ?? 0) - (b.lastReviewed ?? 0));
}
