import { REVIEW_GROUP_LABELS, REVIEW_GROUPS, type ReviewGroup, type ReviewSentence } from '@pc/shared';

/** "4 Mar 2026, 14:05": review points are told apart by name and date. */
export function formatReviewDate(ms: number, locale?: string): string {
  return new Date(ms).toLocaleString(locale ?? 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export interface SentenceGroup {
  group: ReviewGroup;
  label: string;
  sentences: ReviewSentence[];
}

/** Sentences per board, in board order, leaving out boards where nothing changed. */
export function groupSentences(sentences: readonly ReviewSentence[]): SentenceGroup[] {
  return REVIEW_GROUPS.map((group) => ({ group, label: REVIEW_GROUP_LABELS[group], sentences: sentences.filter((s) => s.group === group) })).filter(
    (entry) => entry.sentences.length > 0,
  );
}
