import type { HealthAggregate, HealthItem, HealthLevel, HealthPrinciple, HealthResponse, Partner } from '../../schema';
import { HEALTH_PRINCIPLES } from '../../schema';

/**
 * Scores of the health check. A rating is worth 0 (not yet), 1 (partly) or 2
 * (fully); a score is the share of the points possible, 0-100, over the items
 * rated, so an unrated item neither helps nor hurts (it shows as unrated).
 */
export const LEVEL_POINTS: Readonly<Record<HealthLevel, number>> = { notYet: 0, partly: 1, fully: 2 };
export const LEVEL_LABELS: Readonly<Record<HealthLevel, string>> = { notYet: 'Not yet', partly: 'Partly', fully: 'Fully' };

export type LevelCounts = Record<HealthLevel, number>;

export interface ItemScore {
  itemId: string;
  counts: LevelCounts;
  rated: number;
  /** 0-100, null when nobody rated it. */
  score: number | null;
  /** Highest minus lowest level given (0-2): 2 means one partner says "fully" and another "not yet". */
  spread: number;
}

export interface PrincipleScore {
  principle: HealthPrinciple;
  itemCount: number;
  /** Per partner id: 0-100, or null when the partner rated nothing under it. */
  byPartner: Map<string, number | null>;
  /** Over every rating given under the principle. */
  overall: number | null;
  /** Largest item spread under the principle. */
  spread: number;
  /** Items where partners' ratings differ by two levels. */
  disagreements: string[];
}

export interface HealthSummary {
  items: Map<string, ItemScore>;
  principles: PrincipleScore[];
  overall: number | null;
}

const emptyCounts = (): LevelCounts => ({ notYet: 0, partly: 0, fully: 0 });

function scoreOf(counts: LevelCounts): number | null {
  const rated = counts.notYet + counts.partly + counts.fully;
  if (rated === 0) return null;
  return Math.round(((counts.partly * LEVEL_POINTS.partly + counts.fully * LEVEL_POINTS.fully) / (rated * 2)) * 100);
}

function spreadOf(counts: LevelCounts): number {
  const given = (['notYet', 'partly', 'fully'] as const).filter((level) => counts[level] > 0).map((level) => LEVEL_POINTS[level]);
  return given.length === 0 ? 0 : Math.max(...given) - Math.min(...given);
}

/** Counts and spread of one item's ratings: what the server stores as an anonymous aggregate. */
export function aggregateLevels(levels: Iterable<HealthLevel>): { counts: LevelCounts; spread: number } {
  const counts = emptyCounts();
  for (const level of levels) counts[level]++;
  return { counts, spread: spreadOf(counts) };
}

function add(into: LevelCounts, from: LevelCounts): void {
  into.notYet += from.notYet;
  into.partly += from.partly;
  into.fully += from.fully;
}

/**
 * Score the health check. Ratings of partners who left or of items removed are
 * ignored. Anonymous aggregates (when the board keeps ratings on the server)
 * count towards items and overall scores but, by design, to no partner.
 */
export function scoreHealth(data: {
  items: readonly HealthItem[];
  partners: readonly Partner[];
  responses: readonly HealthResponse[];
  aggregates?: readonly HealthAggregate[];
}): HealthSummary {
  const itemById = new Map(data.items.map((item) => [item.id, item]));
  const partnerIds = new Set(data.partners.map((p) => p.id));
  const itemCounts = new Map<string, LevelCounts>(data.items.map((item) => [item.id, emptyCounts()]));
  // principle -> partner -> counts
  const partnerCounts = new Map<HealthPrinciple, Map<string, LevelCounts>>();
  for (const principle of HEALTH_PRINCIPLES) partnerCounts.set(principle, new Map(data.partners.map((p) => [p.id, emptyCounts()])));

  for (const response of data.responses) {
    const item = itemById.get(response.itemId);
    if (!item || !partnerIds.has(response.partnerId)) continue;
    itemCounts.get(item.id)![response.level]++;
    partnerCounts.get(item.principle as HealthPrinciple)!.get(response.partnerId)![response.level]++;
  }
  for (const aggregate of data.aggregates ?? []) {
    const counts = itemCounts.get(aggregate.itemId);
    if (counts) add(counts, { notYet: aggregate.notYet, partly: aggregate.partly, fully: aggregate.fully });
  }

  const items = new Map<string, ItemScore>();
  for (const [itemId, counts] of itemCounts) {
    items.set(itemId, { itemId, counts, rated: counts.notYet + counts.partly + counts.fully, score: scoreOf(counts), spread: spreadOf(counts) });
  }

  const total = emptyCounts();
  const principles = HEALTH_PRINCIPLES.map((principle): PrincipleScore => {
    const own = data.items.filter((item) => item.principle === principle);
    const counts = emptyCounts();
    for (const item of own) add(counts, items.get(item.id)!.counts);
    add(total, counts);
    const byPartner = new Map<string, number | null>();
    for (const [partnerId, partnerCount] of partnerCounts.get(principle)!) byPartner.set(partnerId, scoreOf(partnerCount));
    const spreads = own.map((item) => items.get(item.id)!.spread);
    return {
      principle,
      itemCount: own.length,
      byPartner,
      overall: scoreOf(counts),
      spread: spreads.length ? Math.max(...spreads) : 0,
      disagreements: own.filter((item) => items.get(item.id)!.spread === 2).map((item) => item.id),
    };
  });
  return { items, principles, overall: scoreOf(total) };
}
