import { describe, expect, it } from 'vitest';
import { findByName, nameMatchKey, sameName } from './names';

describe('name matching', () => {
  it('folds case, composed accents and runs of spaces to one key', () => {
    expect(nameMatchKey('  Kinship   Carers’ Trust ')).toBe('kinship carers’ trust');
    expect(nameMatchKey('Cafe\u0301 Nord')).toBe(nameMatchKey('Café nord'));
  });

  it('tells the same name apart from a different one, and an empty name from everything', () => {
    expect(sameName('Ardmore Health Board', ' ardmore  health board')).toBe(true);
    expect(sameName('Ardmore Health Board', 'Ardmore Health')).toBe(false);
    expect(sameName('  ', '')).toBe(false);
  });

  it('finds the first record of the same name', () => {
    const partners = [
      { id: 'a', name: 'Youth Trust' },
      { id: 'b', name: 'Ardmore Health Board' },
    ];
    expect(findByName(partners, 'ARDMORE health board')?.id).toBe('b');
    expect(findByName(partners, 'Ardmore')).toBeUndefined();
  });
});
