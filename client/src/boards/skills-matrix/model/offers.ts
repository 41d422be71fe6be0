/**
 * "Who could bring this?": when the partnership lacks a skill or resource, suggest
 * stakeholders from the map whose "what they could offer" text mentions it (compass
 * Principle 3: map "stakeholders that might add to existing resources").
 *
 * Deliberately simple and explainable: word overlap, no fuzzy scoring, so a
 * facilitator can see why someone was suggested (matchedTokens) and trust it.
 */
import type { MatrixRow, Stakeholder } from '@pc/shared';

/**
 * Function words that carry no meaning on their own. "it" is absent on purpose:
 * after lower-casing it is also "IT", a real skill.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'or',
  'as', 'into', 'onto', 'via', 'per', 'nor', 'but', 'so', 'if', 'than', 'then',
  'our', 'your', 'their', 'its', 'my', 'his', 'her', 'we', 'they', 'you', 'them',
  'can', 'could', 'will', 'would', 'may', 'might', 'be', 'is', 'are', 'was', 'were', 'been',
  'has', 'have', 'had', 'do', 'does', 'did', 'some', 'any', 'all', 'other', 'also', 'more',
  'eg', 'etc', 'ie', 'this', 'that', 'these', 'those', 'which', 'who', 'what',
]);

/**
 * Lower-case, strip accents (NFKD then drop combining marks, so "Café" = "cafe"),
 * fold ß to ss, and drop apostrophes so "children's" is one word.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/['\u2019\u02bc]/g, '');
}

/**
 * Simple plural folding: "venues" -> "venue", "communities" -> "community". Both
 * sides of a comparison go through it, so an odd stem ("analysis" -> "analysi") still
 * matches itself. Words of three letters or fewer ("bus", "gas") and "-ss" words
 * ("class") are left alone.
 */
export function singular(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss')) return token.slice(0, -1);
  return token;
}

/**
 * Distinct meaningful tokens of a text, in first-seen order. Words are runs of
 * letters and digits; single characters ("e" of "e-learning") and stop words drop out.
 */
export function tokenise(text: string): string[] {
  const seen = new Set<string>();
  for (const word of normaliseText(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    const token = singular(word);
    if (!STOP_WORDS.has(token)) seen.add(token);
  }
  return [...seen];
}

export interface OfferCandidate {
  stakeholder: Stakeholder;
  /** Number of the row's distinct tokens found in the stakeholder's offer. */
  score: number;
  /** Those tokens, in the row name's order, to show why they were suggested. */
  matchedTokens: string[];
  /** score / the row's token count: 1 means every word of the row name matched. */
  coverage: number;
}

/** Stakeholders prepared once: tokenising every offer per row would be wasteful. */
export interface OfferIndex {
  entries: { stakeholder: Stakeholder; tokens: ReadonlySet<string> }[];
}

/**
 * Only stakeholders who are still stakeholders (partnerId null: once promoted they
 * are a matrix column already) and whose offer says something.
 */
export function buildOfferIndex(stakeholders: readonly Stakeholder[]): OfferIndex {
  const entries: OfferIndex['entries'] = [];
  const seen = new Set<string>();
  for (const stakeholder of stakeholders) {
    if (stakeholder.partnerId != null || seen.has(stakeholder.id)) continue;
    seen.add(stakeholder.id);
    const tokens = new Set(tokenise(stakeholder.offers ?? ''));
    if (tokens.size > 0) entries.push({ stakeholder, tokens });
  }
  return { entries };
}

/**
 * Ranking: more matched words first; then a warmer attitude (a champion is likelier
 * to bring it than a blocker); then name, ignoring case and accents; then id, so the
 * order is total and identical on every client.
 */
function compareCandidates(x: OfferCandidate, y: OfferCandidate): number {
  return (
    y.score - x.score ||
    (y.stakeholder.attitude ?? 0) - (x.stakeholder.attitude ?? 0) ||
    x.stakeholder.name.localeCompare(y.stakeholder.name, 'en', { sensitivity: 'base' }) ||
    (x.stakeholder.id < y.stakeholder.id ? -1 : x.stakeholder.id > y.stakeholder.id ? 1 : 0)
  );
}

export interface OfferSearchOptions {
  /** Keep only the first n candidates; all when absent. */
  limit?: number;
  /** Minimum matched tokens; defaults to 1. */
  minScore?: number;
}

export function candidatesFromIndex(rowName: string, index: OfferIndex, options: OfferSearchOptions = {}): OfferCandidate[] {
  const rowTokens = tokenise(rowName);
  if (rowTokens.length === 0) return [];
  const minScore = Math.max(1, options.minScore ?? 1);
  const candidates: OfferCandidate[] = [];
  for (const { stakeholder, tokens } of index.entries) {
    const matchedTokens = rowTokens.filter((token) => tokens.has(token));
    if (matchedTokens.length < minScore) continue;
    candidates.push({
      stakeholder,
      score: matchedTokens.length,
      matchedTokens,
      coverage: matchedTokens.length / rowTokens.length,
    });
  }
  candidates.sort(compareCandidates);
  const limit = options.limit;
  return limit === undefined ? candidates : candidates.slice(0, Math.max(0, Math.floor(limit)));
}

/** Candidates for one row name, ranked. */
export function whoCouldBringThis(
  rowName: string,
  stakeholders: readonly Stakeholder[],
  options: OfferSearchOptions = {},
): OfferCandidate[] {
  return candidatesFromIndex(rowName, buildOfferIndex(stakeholders), options);
}

/** Candidates for many rows (the gap rows, typically), tokenising offers once. */
export function candidatesForRows(
  rows: readonly Pick<MatrixRow, 'id' | 'name'>[],
  stakeholders: readonly Stakeholder[],
  options: OfferSearchOptions = {},
): Map<string, OfferCandidate[]> {
  const index = buildOfferIndex(stakeholders);
  const result = new Map<string, OfferCandidate[]>();
  for (const row of rows) result.set(row.id, candidatesFromIndex(row.name, index, options));
  return result;
}
