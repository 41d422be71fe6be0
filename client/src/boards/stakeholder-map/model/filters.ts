/**
 * Filter model for the stakeholder map: clauses over fields (AND between fields,
 * OR within a field) plus a free-text search. The model is plain JSON so it can
 * live in session state, a share link, or the facilitator's awareness state.
 */
import type { Stakeholder } from '@pc/shared';
import { fieldValues, type StakeholderField } from './fields';
import { foldText, foldTextWithMap } from './text';

export interface FilterClause {
  field: StakeholderField;
  values: string[];
}

export interface StakeholderFilter {
  clauses: FilterClause[];
  search: string;
}

export const EMPTY_FILTER: StakeholderFilter = { clauses: [], search: '' };

/** The fields free-text search looks in, in the order hits are reported. */
export const SEARCH_FIELDS = ['name', 'organisation', 'concerns', 'offers', 'notes'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Search terms: folded, split on whitespace; every term must occur somewhere (AND). */
export function searchTerms(query: string): string[] {
  return foldText(query)
    .split(/\s+/u)
    .filter((term) => term.length > 0);
}

/**
 * A clause with no values selected places no constraint (like a filter panel with
 * nothing ticked), and clauses repeating a field are merged: values of one field
 * are alternatives, never requirements that would all have to hold at once.
 */
function clausesByField(filter: StakeholderFilter): Map<StakeholderField, Set<string>> {
  const byField = new Map<StakeholderField, Set<string>>();
  for (const clause of filter.clauses) {
    if (clause.values.length === 0) continue;
    const set = byField.get(clause.field) ?? new Set<string>();
    for (const value of clause.values) set.add(value);
    byField.set(clause.field, set);
  }
  return byField;
}

export function isFilterActive(filter: StakeholderFilter): boolean {
  return clausesByField(filter).size > 0 || searchTerms(filter.search).length > 0;
}

function searchableText(stakeholder: Stakeholder): string {
  // Newlines keep fields apart; a term (never containing whitespace) cannot span two.
  return SEARCH_FIELDS.map((field) => foldText(stakeholder[field] ?? '')).join('\n');
}

/**
 * A predicate for the filter, with clauses merged and search terms folded once:
 * use it when testing many stakeholders (2,000 cards on a big workshop board).
 */
export function compileFilter(filter: StakeholderFilter): (stakeholder: Stakeholder) => boolean {
  const byField = [...clausesByField(filter)];
  const terms = searchTerms(filter.search);
  return (stakeholder) => {
    for (const [field, wanted] of byField) {
      if (!fieldValues(stakeholder, field).some((value) => wanted.has(value))) return false;
    }
    if (terms.length === 0) return true;
    const haystack = searchableText(stakeholder);
    return terms.every((term) => haystack.includes(term));
  };
}

export function matchesSearch(stakeholder: Stakeholder, query: string): boolean {
  return compileFilter({ clauses: [], search: query })(stakeholder);
}

export function matches(stakeholder: Stakeholder, filter: StakeholderFilter): boolean {
  return compileFilter(filter)(stakeholder);
}

/** Stakeholders that pass the filter, in their original order. */
export function filterStakeholders(stakeholders: readonly Stakeholder[], filter: StakeholderFilter): Stakeholder[] {
  return stakeholders.filter(compileFilter(filter));
}

/** Add the value to the field's clause if absent, remove it if present (legend and checkbox clicks). */
export function toggleFilterValue(filter: StakeholderFilter, field: StakeholderField, value: string): StakeholderFilter {
  const current = clausesByField(filter).get(field) ?? new Set<string>();
  const next = new Set(current);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return setFilterValues(filter, field, [...next]);
}

/** Replace the field's clause; an empty list removes it. Other clauses keep their order. */
export function setFilterValues(filter: StakeholderFilter, field: StakeholderField, values: readonly string[]): StakeholderFilter {
  const others = filter.clauses.filter((clause) => clause.field !== field);
  const unique = [...new Set(values)];
  const index = filter.clauses.findIndex((clause) => clause.field === field);
  if (unique.length === 0) return { ...filter, clauses: others };
  const clause: FilterClause = { field, values: unique };
  const clauses = [...others];
  clauses.splice(index === -1 ? clauses.length : Math.min(index, clauses.length), 0, clause);
  return { ...filter, clauses };
}

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Where the query's terms occur in `text`, as [start, end) offsets into the ORIGINAL
 * text (so "Ciarán" is highlighted whole when searching "ciaran"). Overlapping and
 * touching ranges are merged; combining marks after a match are included.
 */
export function highlightRanges(text: string, query: string): TextRange[] {
  const terms = searchTerms(query);
  if (terms.length === 0 || text.length === 0) return [];
  const { folded, sourceStart, sourceEnd } = foldTextWithMap(text);
  const raw: TextRange[] = [];
  for (const term of terms) {
    let from = folded.indexOf(term);
    while (from !== -1) {
      const start = sourceStart[from] as number;
      let end = sourceEnd[from + term.length - 1] as number;
      // A decomposed accent after the last letter folds to nothing: keep it with its letter.
      while (end < text.length && /\p{M}/u.test(text.charAt(end))) end += 1;
      raw.push({ start, end });
      from = folded.indexOf(term, from + 1);
    }
  }
  raw.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of raw) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

export interface SearchHighlight {
  field: SearchField;
  ranges: TextRange[];
}

/** Highlight ranges per searchable field that has a hit, for the card and side panel. */
export function searchHighlights(stakeholder: Stakeholder, query: string): SearchHighlight[] {
  const result: SearchHighlight[] = [];
  for (const field of SEARCH_FIELDS) {
    const ranges = highlightRanges(stakeholder[field] ?? '', query);
    if (ranges.length > 0) result.push({ field, ranges });
  }
  return result;
}
