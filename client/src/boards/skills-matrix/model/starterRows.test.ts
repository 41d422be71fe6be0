import { row } from '@pc/shared/testing';
import { describe, expect, it } from 'vitest';
import { matrixRowSchema } from '@pc/shared';
import { STARTER_ROWS, rowNameKey, starterRowsToAdd } from './starterRows';
import { sortMatrixRows } from './rowOrder';

function counter(prefix = 'new') {
  let n = 0;
  return () => `${prefix}${++n}`;
}

describe('STARTER_ROWS', () => {
  it('holds the agreed eight rows with sensible categories', () => {
    expect(STARTER_ROWS.map((s) => [s.name, s.category, s.required])).toEqual([
      ['Safeguarding', 'skill', 3],
      ['Evaluation', 'skill', 3],
      ['Community reach', 'resource', 3],
      ['Venues', 'resource', 2],
      ['Volunteers', 'resource', 2],
      ['Data protection', 'knowledge', 3],
      ['Funding bids', 'skill', 3],
      ['Digital skills', 'skill', 2],
    ]);
  });

  it('has distinct names and a rationale for each', () => {
    expect(new Set(STARTER_ROWS.map((s) => rowNameKey(s.name))).size).toBe(STARTER_ROWS.length);
    expect(STARTER_ROWS.every((s) => s.rationale.length > 10)).toBe(true);
  });
});

describe('rowNameKey', () => {
  it('ignores case and stray spaces only', () => {
    expect(rowNameKey('  DATA   Protection ')).toBe('data protection');
    expect(rowNameKey('Volunteering')).not.toBe(rowNameKey('Volunteers'));
  });
});

describe('starterRowsToAdd', () => {
  it('adds all eight to an empty board as valid records', () => {
    const rows = starterRowsToAdd([], counter());
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.id)).toEqual(['new1', 'new2', 'new3', 'new4', 'new5', 'new6', 'new7', 'new8']);
    for (const r of rows) expect(matrixRowSchema.parse(r)).toEqual(r);
  });

  it('gives strictly increasing order keys, in starter order', () => {
    const rows = starterRowsToAdd([], counter());
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.order > rows[i - 1]!.order).toBe(true);
  });

  it('skips names that exist, case- and space-insensitively, in any category', () => {
    const existing = [
      row('x', { name: 'safeguarding' }),
      row('y', { name: ' VENUES ', category: 'skill' }),
      row('z', { name: 'Digital Skills' }),
    ];
    const names = starterRowsToAdd(existing, counter()).map((r) => r.name);
    expect(names).toEqual(['Evaluation', 'Community reach', 'Volunteers', 'Data protection', 'Funding bids']);
  });

  it('places new rows after existing ones', () => {
    const existing = [
      row('late', { name: 'Youth work', category: 'skill', order: 'a5' }),
      row('early', { name: 'Catering', category: 'resource', order: 'a1' }),
    ];
    const added = starterRowsToAdd(existing, counter());
    expect(added.every((r) => r.order > 'a5')).toBe(true);
    const skills = sortMatrixRows([...existing, ...added]).filter((r) => r.category === 'skill');
    expect(skills[0]?.id).toBe('late');
  });

  it('adds nothing the second time', () => {
    const first = starterRowsToAdd([], counter());
    expect(starterRowsToAdd(first, counter())).toEqual([]);
  });

  it('survives malformed order keys from imports', () => {
    const rows = starterRowsToAdd([row('bad', { name: 'Other', order: '!!not-a-key' })], counter());
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.order)).size).toBe(8);
  });

  it('uses real record ids by default', () => {
    const [first] = starterRowsToAdd([]);
    expect(first?.id).toMatch(/^[0-9A-Za-z_-]{16}$/);
  });
});
