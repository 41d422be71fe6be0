import { describe, expect, it } from 'vitest';
import { canEdit, shareLinkPath, tokenFromHash } from './protocol';
import { isBoardId, newBoardId, newBoardToken, newRecordId } from './ids';

describe('protocol helpers', () => {
  it('share links carry the token in the fragment only', () => {
    const path = shareLinkPath('abc', 'tok');
    expect(path).toBe('/b/abc#t=tok');
    expect(tokenFromHash(new URL(path, 'http://x').hash)).toBe('tok');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#t=')).toBeNull();
  });

  it('view is the only read-only role', () => {
    expect([canEdit('owner'), canEdit('edit'), canEdit('view')]).toEqual([true, true, false]);
  });

  it('board ids and tokens are well formed and distinct', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newBoardId()));
    expect(ids.size).toBe(1000);
    expect([...ids].every(isBoardId)).toBe(true);
    expect(newBoardToken()).toMatch(/^[0-9A-Za-z_-]{22}$/);
    expect(isBoardId('../../etc')).toBe(false);
    expect(newRecordId()).toHaveLength(16);
  });
});
