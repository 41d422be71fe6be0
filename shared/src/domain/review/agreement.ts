/**
 * What changed in the partnership agreement between two board states: which
 * sections were written, emptied or edited, each with a short excerpt of the
 * text around the first difference before and after. Pure: section texts in
 * (Markdown, as `readAgreement` gives them), plain results out.
 */
import * as Y from 'yjs';
import { readAgreement } from '../../doc/agreement';
import { AGREEMENT_SECTIONS, type AgreementSectionKey } from '../../schema/agreement';

/** The agreement's text per section; a missing section is an empty one. */
export type AgreementTexts = Partial<Record<AgreementSectionKey, string>>;

export interface AgreementChange {
  section: AgreementSectionKey;
  title: string;
  /** 'added': the section was empty before; 'removed': it is empty now. */
  kind: 'added' | 'removed' | 'changed';
  /** A short excerpt around the first difference ('' when the section was empty). */
  before: string;
  after: string;
}

/** Characters an excerpt shows at most (plus the ellipses). */
export const AGREEMENT_EXCERPT_CHARS = 80;

/** Every section's text of a document, for comparing. */
export function agreementTexts(doc: Y.Doc): AgreementTexts {
  const texts: AgreementTexts = {};
  for (const section of readAgreement(doc)) texts[section.key] = section.markdown;
  return texts;
}

const flatten = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The two texts cut to `max` characters around where they first differ
 * (common start and end skipped, a little context kept), with '…' where cut.
 */
export function changeExcerpts(before: string, after: string, max = AGREEMENT_EXCERPT_CHARS): { before: string; after: string } {
  const a = flatten(before);
  const b = flatten(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const context = 20;
  const cut = (text: string, end: number): string => {
    if (text.length <= max) return text;
    let from = Math.max(0, start - context);
    // Start at a word where one is near, so an excerpt does not open mid-word.
    if (from > 0) {
      const space = text.indexOf(' ', from);
      if (space !== -1 && space < start) from = space + 1;
    }
    const to = Math.min(text.length, from + max, end + context);
    return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  };
  return { before: cut(a, endA), after: cut(b, endB) };
}

/** Sections whose text differs, in the agreement's order. Whitespace-only differences do not count. */
export function diffAgreement(before: AgreementTexts, after: AgreementTexts): AgreementChange[] {
  const changes: AgreementChange[] = [];
  for (const { key, title } of AGREEMENT_SECTIONS) {
    const a = flatten(before[key] ?? '');
    const b = flatten(after[key] ?? '');
    if (a === b) continue;
    const kind = a === '' ? 'added' : b === '' ? 'removed' : 'changed';
    changes.push({ section: key, title, kind, ...changeExcerpts(a, b) });
  }
  return changes;
}

/** One line per change, as the compare list and the review pack say it. */
export function agreementSentence(change: AgreementChange): string {
  const section = `Agreement, ${change.title}`;
  if (change.kind === 'added') return `${section}: written: "${change.after}"`;
  if (change.kind === 'removed') return `${section}: emptied (was "${change.before}")`;
  return `${section}: edited: "${change.after}" (was "${change.before}")`;
}
