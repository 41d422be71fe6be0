import { describe, expect, it } from 'vitest';
import { breakTokens, countWrappedLines, ELLIPSIS, fitLine, wrapText, type Measure } from './textLayout';

/** Every grapheme 10 units wide: widths are easy to reason about. */
const measure = (text: string) => Array.from(text).length * 10;

const texts = (text: string, width: number, lines = 2) => wrapText(text, width, lines, measure).map((l) => l.text);

describe('breakTokens', () => {
  it('keeps each break with the word before it', () => {
    expect(breakTokens('Stakeholder 00001')).toEqual(['Stakeholder ', '00001']);
    expect(breakTokens('well-known  trust')).toEqual(['well-', 'known ', ' ', 'trust']);
    expect(breakTokens('')).toEqual([]);
  });
});

describe('wrapText', () => {
  it('keeps a name that fits on one line, with its width', () => {
    expect(wrapText('Ann', 72, 2, measure)).toEqual([{ text: 'Ann', width: 30 }]);
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

describe('wrapText for sticky notes (one unit per character)', () => {
  const measure = (s: string) => s.length;
  const lines = (text: string, width: number, max: number) => wrapText(text, width, max, measure).map((l) => l.text);

  it('wraps at word boundaries and keeps explicit line breaks', () => {
    expect(lines('youth housing training', 10, 5)).toEqual(['youth', 'housing', 'training']);
    expect(lines('a b c d e', 5, 5)).toEqual(['a b c', 'd e']);
    expect(lines('one\ntwo', 10, 5)).toEqual(['one', 'two']);
  });

  it('breaks words longer than a line between characters', () => {
    expect(lines('abcdefghijklmnop', 6, 5)).toEqual(['abcdef', 'ghijkl', 'mnop']);
  });

  it('ends text that does not fit in an ellipsis on the last line', () => {
    expect(lines('aaa bbb ccc ddd', 7, 2)).toEqual(['aaa bbb', 'ccc ddd']);
    const cut = lines('aaa bbb ccc ddd eee', 7, 2);
    expect(cut).toEqual(['aaa bbb', `ccc dd${ELLIPSIS}`]);
    expect(cut.every((l) => measure(l) <= 7)).toBe(true);
  });

  it('cuts without an ellipsis when asked to', () => {
    expect(wrapText('aaa bbb ccc ddd eee', 7, 2, measure, false).map((l) => l.text)).toEqual(['aaa bbb', 'ccc ddd']);
  });

  it('draws nothing in a box too small for a line', () => {
    expect(lines('text', 10, 0)).toEqual([]);
    expect(lines('text', 0, 3)).toEqual([]);
  });
});

describe('fitLine', () => {
  const measure = (s: string) => s.length;
  it('keeps a line that fits and cuts one that does not with an ellipsis', () => {
    expect(fitLine('Partner', 10, measure)).toBe('Partner');
    expect(fitLine('Community housing', 10, measure)).toBe(`Community${ELLIPSIS}`);
    expect(fitLine('ab cd', 4, measure)).toBe(`ab${ELLIPSIS}`);
    expect(fitLine('Partner', 0, measure)).toBe('');
  });
});

describe('countWrappedLines', () => {
  const unit = (text: string) => Array.from(text).length;

  it('agrees with wrapText on texts of every shape', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const words = ['a', 'be', 'carers', 'peer-support', 'young people', 'isolation', 'x'.repeat(31), 'well-being', ' ', '\n'];
    for (let i = 0; i < 500; i++) {
      const count = 1 + Math.floor(random() * 14);
      const text = Array.from({ length: count }, () => words[Math.floor(random() * words.length)]).join(random() < 0.8 ? ' ' : '');
      const width = 6 + Math.floor(random() * 24);
      expect(countWrappedLines(text, width, unit), `${JSON.stringify(text)} at ${width}`).toBe(Math.max(1, wrapText(text, width, Infinity, unit).length));
    }
  });

  it('counts a line per paragraph, even an empty one', () => {
    expect(countWrappedLines('one\n\ntwo', 10, unit)).toBe(3);
  });
});

describe('counting lines character by character', () => {
  // Widths that add up (as measurerFor's do for Latin text): a few distinct advances, a dash and spaces included.
  const advanceOf = (code: number) => (code === 32 ? 3.3 : code === 45 ? 4.1 : code === 9 ? 7 : code === 0x3b1 ? -1 : 5 + (code % 7) * 0.9);
  const byWords: Measure = (text) => Array.from(text).reduce((sum, char) => sum + Math.max(0, advanceOf(char.charCodeAt(0))), 0);
  const byChars: Measure = Object.assign((text: string) => byWords(text), { advance: advanceOf });

  it('counts the lines the word-by-word rule counts', () => {
    const texts = [
      '',
      'one',
      'Weekly drop-in sessions for young people and their families',
      'a  b   c    d',
      'trailing spaces    ',
      '   leading',
      'first line\nsecond line that is rather longer\n\nfourth',
      'supercalifragilisticexpialidocious-and-then-some words',
      'tab\tseparated \t words -- with - dashes',
      'x'.repeat(200),
      'end with dash-',
      ' ',
      '\n',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const alphabet = 'abcdefghij  -\t\nKLMNO';
    for (let n = 0; n < 300; n += 1) texts.push(Array.from({ length: Math.floor(random() * 90) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    for (const text of texts) {
      for (const width of [12, 40, 73.5, 150, 400]) {
        expect(countWrappedLines(text, width, byChars), `${JSON.stringify(text)} in ${width}`).toBe(countWrappedLines(text, width, byWords));
      }
    }
  });

  it('leaves text with a character that is not summed to the word-by-word count', () => {
    const text = 'alpha α beta gamma delta';
    expect(countWrappedLines(text, 40, byChars)).toBe(countWrappedLines(text, 40, byWords));
  });
});
