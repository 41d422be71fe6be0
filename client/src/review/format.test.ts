import { describe, expect, it } from 'vitest';
import type { ReviewSentence } from '@pc/shared';
import { formatReviewDate, groupSentences } from './format';

const sentence = (group: ReviewSentence['group'], text: string): ReviewSentence => ({ group, text, collection: 'stakeholders', id: text, kind: 'changed' });

describe('groupSentences', () => {
  it('keeps board order and drops boards without changes', () => {
    const groups = groupSentences([sentence('logic-model', 'b'), sentence('partners', 'a'), sentence('logic-model', 'c')]);
    expect(groups.map((g) => [g.label, g.sentences.map((s) => s.text)])).toEqual([
      ['Partners', ['a']],
      ['Logic model', ['b', 'c']],
    ]);
  });
});

describe('formatReviewDate', () => {
  it('gives day, month, year and time', () => {
    expect(formatReviewDate(Date.UTC(2026, 2, 4, 14, 5), 'en-GB')).toMatch(/4 Mar 2026/);
  });
});
