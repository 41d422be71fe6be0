import type { RoundResult, Vote, VoteRound } from '../../schema';

/**
 * Dot voting as pure rules: one person's dots in a round (an allocation:
 * target id -> dots), the limits a round sets, counting every ballot into
 * results, and ranking them. The server enforces the limits and tallies; the
 * client shows "k of N dots left" and the ranked list with the same functions.
 */

export type Allocation = Readonly<Record<string, number>>;

/** The limits and targets of a round, all a check needs. */
export type RoundRules = Pick<VoteRound, 'dotsPerPerson' | 'maxPerItem' | 'targetIds'>;

export function dotsUsed(allocation: Allocation): number {
  let used = 0;
  for (const dots of Object.values(allocation)) used += dots;
  return used;
}

export function dotsLeft(rules: RoundRules, allocation: Allocation): number {
  return Math.max(0, rules.dotsPerPerson - dotsUsed(allocation));
}

/** Why a person may not hold this allocation in this round, worded for them; null when they may. */
export function allocationProblem(rules: RoundRules, allocation: Allocation): string | null {
  const targets = new Set(rules.targetIds);
  for (const [targetId, dots] of Object.entries(allocation)) {
    if (!targets.has(targetId)) return 'That item is not part of this vote';
    if (!Number.isInteger(dots) || dots < 0) return 'Dots must be whole numbers, zero or more';
    if (dots > rules.maxPerItem) return `At most ${rules.maxPerItem} ${rules.maxPerItem === 1 ? 'dot' : 'dots'} on one item`;
  }
  const used = dotsUsed(allocation);
  if (used > rules.dotsPerPerson) return `You have ${rules.dotsPerPerson} ${rules.dotsPerPerson === 1 ? 'dot' : 'dots'} in this vote`;
  return null;
}

/** Drop zero entries, so equal allocations compare and store the same. */
export function normaliseAllocation(allocation: Allocation): Record<string, number> {
  const clean: Record<string, number> = {};
  for (const key of Object.keys(allocation).sort()) if (allocation[key]! > 0) clean[key] = allocation[key]!;
  return clean;
}

/** An allocation one dot up or down on a target (a click on an item), or null when the rules forbid it. */
export function toggleDot(rules: RoundRules, allocation: Allocation, targetId: string, delta: 1 | -1): Record<string, number> | null {
  const next = { ...allocation, [targetId]: (allocation[targetId] ?? 0) + delta };
  if (next[targetId]! < 0) return null;
  return allocationProblem(rules, next) ? null : normaliseAllocation(next);
}

export interface Ballot {
  /** Who cast it (a stable, non-secret id). */
  voterId: string;
  dots: Allocation;
}

/**
 * Count ballots into a result per target (every target, zero included), most
 * dots first. A ballot breaking the round's rules counts for nothing: it can
 * only come from tampering, and must not move the result.
 */
export function tallyBallots(rules: RoundRules, ballots: readonly Ballot[]): { results: RoundResult[]; voterCount: number } {
  const dots = new Map(rules.targetIds.map((id) => [id, 0]));
  const voters = new Map(rules.targetIds.map((id) => [id, 0]));
  const counted = new Set<string>();
  for (const ballot of ballots) {
    if (counted.has(ballot.voterId) || allocationProblem(rules, ballot.dots)) continue;
    counted.add(ballot.voterId);
    let cast = false;
    for (const [targetId, n] of Object.entries(ballot.dots)) {
      if (n <= 0) continue;
      cast = true;
      dots.set(targetId, dots.get(targetId)! + n);
      voters.set(targetId, voters.get(targetId)! + 1);
    }
    if (!cast) counted.delete(ballot.voterId);
  }
  const results = rules.targetIds.map((targetId) => ({ targetId, dots: dots.get(targetId)!, voters: voters.get(targetId)! }));
  return { results: sortResults(results, rules.targetIds), voterCount: counted.size };
}

/** Named votes of a round, one ballot per voter (their `votes` records summed). */
export function ballotsFromVotes(votes: readonly Vote[], roundId: string): Ballot[] {
  const byVoter = new Map<string, Record<string, number>>();
  for (const vote of votes) {
    if (vote.roundId !== roundId) continue;
    const key = vote.voterId || vote.voter;
    const dots = byVoter.get(key) ?? {};
    dots[vote.targetId] = (dots[vote.targetId] ?? 0) + vote.dots;
    byVoter.set(key, dots);
  }
  return [...byVoter].map(([voterId, dots]) => ({ voterId, dots }));
}

function sortResults(results: RoundResult[], order: readonly string[]): RoundResult[] {
  const position = new Map(order.map((id, index) => [id, index]));
  return [...results].sort((a, b) => b.dots - a.dots || b.voters - a.voters || position.get(a.targetId)! - position.get(b.targetId)!);
}

export interface RankedResult extends RoundResult {
  /** 1 for the most dots; ties share a rank and the next rank skips ("1, 2, 2, 4"). */
  rank: number;
  tied: boolean;
}

/** Rank results by dots (standard competition ranking); the order within a tie is the round's. */
export function rankResults(results: readonly RoundResult[]): RankedResult[] {
  const sorted = [...results].sort((a, b) => b.dots - a.dots);
  return sorted.map((result) => {
    const first = sorted.findIndex((other) => other.dots === result.dots);
    const tied = sorted.filter((other) => other.dots === result.dots).length > 1;
    return { ...result, rank: first + 1, tied };
  });
}
