import { describe, expect, it } from 'vitest';
import { chunkIntrinsicSize, listChunks } from './listChunks';

describe('listChunks', () => {
  it('splits rows into chunks of the given size, the last one shorter', () => {
    expect(listChunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(listChunks([], 2)).toEqual([]);
    expect(listChunks(Array.from({ length: 120 }, (_, i) => i)).map((c) => c.length)).toEqual([50, 50, 20]);
  });

  it('sizes a skipped chunk by its rows', () => {
    expect(chunkIntrinsicSize(50, 48)).toBe('auto 2400px');
  });
});
