import { describe, expect, it } from 'vitest';
import { newBoardToken } from '@pc/shared';
import { bearerToken, hashToken, roleForToken } from './tokens';

describe('token hashing', () => {
  const owner = newBoardToken();
  const edit = newBoardToken();
  const view = newBoardToken();
  const hashes = { owner: hashToken(owner), edit: hashToken(edit), view: hashToken(view) };

  it('stores a hash that is not the token and is stable', () => {
    expect(hashes.owner).not.toContain(owner);
    expect(hashes.owner).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(owner)).toBe(hashes.owner);
  });

  it('maps each token to its role', () => {
    expect(roleForToken(hashes, owner)).toBe('owner');
    expect(roleForToken(hashes, edit)).toBe('edit');
    expect(roleForToken(hashes, view)).toBe('view');
  });

  it('refuses unknown, empty and near-miss tokens', () => {
    expect(roleForToken(hashes, newBoardToken())).toBeNull();
    expect(roleForToken(hashes, '')).toBeNull();
    // One character changed (never to itself: a token ending in 'x' would stay the same).
    const nearMiss = `${owner.slice(0, -1)}${owner.endsWith('x') ? 'y' : 'x'}`;
    expect(nearMiss).not.toBe(owner);
    expect(roleForToken(hashes, nearMiss)).toBeNull();
    expect(roleForToken(hashes, hashes.owner)).toBeNull();
  });

  it('reads bearer headers', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
