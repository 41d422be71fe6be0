import { describe, expect, it } from 'vitest';
import { newBoardId, newBoardToken } from '@pc/shared';
import { hashToken } from '../auth/tokens';
import { MemoryBoardStore } from '../storage/memory';
import { storeSealedRatings } from './healthRatings';

describe('storeSealedRatings', () => {
  it('keeps one level per partner and item, replaces it, withdraws it, and reads back only levels', async () => {
    const store = new MemoryBoardStore();
    const id = newBoardId();
    const hash = () => hashToken(newBoardToken());
    await store.createBoard({ id, title: 'B', createdAt: 1, tokenHashes: { owner: hash(), edit: hash(), view: hash() } });
    const ratings = storeSealedRatings(store);
    expect(await ratings.rate(id, 'i1', 'fb', 'fully')).toEqual(['fully']);
    expect((await ratings.rate(id, 'i1', 'rc', 'notYet')).sort()).toEqual(['fully', 'notYet']);
    expect((await ratings.rate(id, 'i1', 'fb', 'partly')).sort()).toEqual(['notYet', 'partly']);
    expect(await ratings.rate(id, 'i1', 'rc', null)).toEqual(['partly']);
    expect(await ratings.rate(id, 'i2', 'rc', 'fully')).toEqual(['fully']);
    // Something else in the same store under the scope: ignored rather than trusted.
    await store.putSealed(id, 'health:i2', 'junk', '"maybe"');
    await store.putSealed(id, 'health:i2', 'junk2', '{not json');
    expect(await ratings.rate(id, 'i2', 'fb', 'notYet')).toEqual(['notYet', 'fully']);
  });
});
