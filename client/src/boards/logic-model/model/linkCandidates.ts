import { columnSortRank, compareByOrderThenId, type LogicColumn } from '@pc/shared';
import { matchesWords, queryWords, topMatches, type TopMatches } from '../../../lib/topMatches';

interface CandidateNode {
  readonly id: string;
  readonly column: LogicColumn;
  readonly order: string;
}

interface CandidateLink {
  readonly from: string;
  readonly to: string;
}

/**
 * The cards `from` could be linked to (not itself, not one it already leads
 * to) whose `label` (column and text) holds every word of `query`, best
 * first: the cards of the columns after this one (the next column first),
 * then the rest, each column in board order; at most `limit` of them.
 */
export function linkCandidates<N extends CandidateNode>(
  nodes: readonly N[],
  links: readonly CandidateLink[],
  from: N,
  query: string,
  label: (node: N) => string,
  limit = 8,
): TopMatches<N> {
  const linked = new Set<string>();
  for (const link of links) if (link.from === from.id) linked.add(link.to);
  const words = queryWords(query);
  const fromRank = columnSortRank(from.column);
  const group = (n: N) => (columnSortRank(n.column) > fromRank ? 0 : 1);
  return topMatches(
    nodes,
    // No label built while nothing is typed: the field opens on 10,000 cards.
    (n) => n.id !== from.id && !linked.has(n.id) && (words.length === 0 || matchesWords(label(n), words)),
    (a, b) => group(a) - group(b) || columnSortRank(a.column) - columnSortRank(b.column) || compareByOrderThenId(a, b),
    limit,
  );
}
