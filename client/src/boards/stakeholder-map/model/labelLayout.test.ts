import { describe, expect, it } from 'vitest';
import { breakTokens, ELLIPSIS, layoutLabel } from './labelLayout';

/** Every grapheme 10 units wide: widths are easy to reason about. */
const measure = (text: string) => Array.from(text).length * 10;

const texts = (text: string, width: number, lines = 2) => layoutLabel(text, width, lines, measure).map((l) => l.text);

describe('breakTokens', () => {
  it('keeps each break with the word before it', () => {
    expect(breakTokens('Stakeholder 00001')).toEqual(['Stakeholder ', '00001']);
    expect(breakTokens('well-known  trust')).toEqual(['well-', 'known ', ' ', 'trust']);
    expect(breakTokens('')).toEqual([]);
  });
});

describe('layoutLabel', () => {
  it('keeps a name that fits on one line, with its width', () => {
    expect(layoutLabel('Ann', 72, 2, measure)).toEqual([{ text: 'Ann', width: 30 }]);
  });

  it('wraps at the last space that fits and trims it', () => {
    expect(texts('Stakeholder 00001', 120)).toEqual(['Stakeholder', '00001']);
    // The trailing space may overhang the box: "abcde" fits in 50 even though "abcde " does not.
    expect(texts('abcde fgh', 50)).toEqual(['abcde', 'fgh']);
  });

  it('breaks after a dash', () => {
    expect(texts('well-known', 60)).toEqual(['well-', 'known']);
  });

  it('cuts a word wider than the box where it stops fitting', () => {
    expect(texts('abcdefghij', 40)).toEqual(['abcd', 'efg' + ELLIPSIS]);
    expect(texts('abcdefghij', 40, 3)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('puts an ellipsis on the last line when text is left over', () => {
    expect(texts('one two three four', 80)).toEqual(['one two', 'three' + ELLIPSIS]);
    expect(texts('one two three four', 80, 3)).toEqual(['one two', 'three', 'four']);
  });

  it('drops graphemes from the last line until the ellipsis fits', () => {
    expect(texts('aaaa bbbb cccc', 40)).toEqual(['aaaa', 'bbb' + ELLIPSIS]);
  });

  it('keeps paragraphs, with an ellipsis when one is cut off', () => {
    expect(texts('a\nb', 80)).toEqual(['a', 'b']);
    expect(texts('a\nb\nc', 80)).toEqual(['a', 'b' + ELLIPSIS]);
  });

  it('gives nothing when not even one grapheme fits, or for empty text', () => {
    expect(texts('abc', 5)).toEqual([]);
    expect(texts('', 80)).toEqual([]);
  });
});
