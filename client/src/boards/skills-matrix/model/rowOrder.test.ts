import { row } from '@pc/shared/testing';
import { describe, expect, it } from 'vitest';
import { categoryKey, groupKey, groupMatrixRows, normaliseGroupName, rowGroupKeys, sortMatrixRows } from './rowOrder';

describe('group keys', () => {
  it('normalise spacing and case', () => {
    expect(normaliseGroupName('  Staff   Training ')).toBe('staff training');
    expect(groupKey('skill', 'Training')).toBe(groupKey('skill', ' training  '));
    expect(groupKey('skill', 'x')).not.toBe(groupKey('knowledge', 'x'));
  });

  it('keep category keys apart from group keys', () => {
    expect(categoryKey('skill')).toBe('skill');
    expect(groupKey('skill', '')).toBe('skill/');
    expect(rowGroupKeys(row('r', { category: 'resource', group: 'Places' }))).toEqual(['resource', 'resource/places']);
    expect(rowGroupKeys(row('r', { category: 'resource', group: '  ' }))).toEqual(['resource']);
  });
});

describe('sortMatrixRows', () => {
  it('orders by category, then group (ungrouped first), then order key', () => {
    const rows = [
      row('res1', { category: 'resource', order: 'a0' }),
      row('k2', { category: 'knowledge', group: 'Law', order: 'a1' }),
      row('s-grouped', { category: 'skill', group: 'Delivery', order: 'a0' }),
      row('k1', { category: 'knowledge', group: 'Law', order: 'a0' }),
      row('s-loose', { category: 'skill', order: 'a5' }),
    ];
    expect(sortMatrixRows(rows).map((r) => r.id)).toEqual(['s-loose', 's-grouped', 'k1', 'k2', 'res1']);
  });

  it('compares order keys by code unit, not by locale', () => {
    const rows = [row('lower', { order: 'a0b' }), row('upper', { order: 'a0V' })];
    expect(sortMatrixRows(rows).map((r) => r.id)).toEqual(['upper', 'lower']);
  });

  it('breaks equal order keys by id, whatever the input order', () => {
    const x = row('x', { order: 'a0' });
    const y = row('y', { order: 'a0' });
    expect(sortMatrixRows([y, x]).map((r) => r.id)).toEqual(['x', 'y']);
    expect(sortMatrixRows([x, y]).map((r) => r.id)).toEqual(['x', 'y']);
  });

  it('sorts group names naturally', () => {
    const rows = [
      row('g10', { group: 'Group 10' }),
      row('g2', { group: 'Group 2' }),
      row('b', { group: 'beta' }),
      row('a', { group: 'Alpha' }),
    ];
    expect(sortMatrixRows(rows).map((r) => r.id)).toEqual(['a', 'b', 'g2', 'g10']);
  });

  it('does not mutate its input', () => {
    const rows = [row('b', { order: 'a1' }), row('a', { order: 'a0' })];
    sortMatrixRows(rows);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a']);
  });
});

describe('groupMatrixRows', () => {
  it('merges differently typed spellings of a group, labelled by its first row', () => {
    const rows = [
      row('two', { group: 'training', order: 'a1' }),
      row('one', { group: ' Training ', order: 'a0' }),
      row('three', { group: 'TRAINING', order: 'a2' }),
    ];
    const skill = groupMatrixRows(rows).get('skill');
    expect(skill).toHaveLength(1);
    expect(skill?.[0]?.label).toBe('Training');
    expect(skill?.[0]?.rows.map((r) => r.id)).toEqual(['one', 'two', 'three']);
  });

  it('returns every category, empty ones as empty lists', () => {
    const groups = groupMatrixRows([]);
    expect([...groups.keys()]).toEqual(['skill', 'knowledge', 'resource']);
    expect(groups.get('knowledge')).toEqual([]);
  });
});
