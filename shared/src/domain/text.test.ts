import { describe, expect, it } from 'vitest';
import { compareByNameThenId, compareText, foldText, foldTextWithMap, truncateText } from './text';

describe('foldText', () => {
  it('ignores case and accents', () => {
    expect(foldText('Ciarán Ó Dónaill')).toBe('ciaran o donaill');
    expect(foldText('ÉCOLE')).toBe('ecole');
  });

  it('folds decomposed marks, ligatures and letters Unicode does not decompose', () => {
    expect(foldText('e\u0301cole')).toBe('ecole');
    expect(foldText('ﬁsh')).toBe('fish');
    expect(foldText('Straße Ærø Łódź')).toBe('strasse aero lodz');
  });
});

describe('foldTextWithMap', () => {
  it('maps every folded unit back to its source code point', () => {
    const { folded, sourceStart, sourceEnd } = foldTextWithMap('Aß😀é');
    expect(folded).toBe('ass😀e');
    expect(sourceStart).toEqual([0, 1, 1, 2, 2, 4]);
    expect(sourceEnd).toEqual([1, 2, 2, 4, 4, 5]);
  });

  it('gives combining marks no folded units', () => {
    expect(foldTextWithMap('e\u0301x')).toEqual({ folded: 'ex', sourceStart: [0, 2], sourceEnd: [1, 3] });
  });
});

describe('ordering', () => {
  it('compares text alphabetically ignoring case and accents, never tying distinct strings', () => {
    expect(compareText('álvaro', 'Bea')).toBeLessThan(0);
    expect(compareText('b', 'A')).toBeGreaterThan(0);
    expect(compareText('Anna', 'anna')).not.toBe(0);
    expect(compareText('same', 'same')).toBe(0);
  });

  it('orders by name, then id', () => {
    const cards = [
      { id: 'b', name: 'Zed' },
      { id: 'c', name: 'amy' },
      { id: 'a', name: 'Amy' },
      { id: 'd', name: 'Amy' },
    ];
    expect([...cards].sort(compareByNameThenId).map((c) => c.id)).toEqual(['a', 'd', 'c', 'b']);
  });
});

describe('truncateText', () => {
  it('leaves short text alone and cuts long text to the limit', () => {
    expect(truncateText('abc', 5)).toBe('abc');
    expect(truncateText('abcdef', 3)).toBe('abc');
  });

  it('never splits a surrogate pair', () => {
    expect(truncateText('ab😀c', 3)).toBe('ab');
    expect(truncateText('ab😀c', 4)).toBe('ab😀');
  });
});

describe('foldText cache', () => {
  it('gives the same answer for repeated and many distinct strings', () => {
    expect(foldText('Ciarán')).toBe('ciaran');
    expect(foldText('Ciarán')).toBe('ciaran');
    const many = Array.from({ length: 25_000 }, (_, i) => `Ünïcode ${i}`);
    for (const text of many) foldText(text);
    expect(foldText('Ünïcode 7')).toBe('unicode 7');
    expect(foldText('ẞtraße')).toBe('sstrasse');
  });
});
