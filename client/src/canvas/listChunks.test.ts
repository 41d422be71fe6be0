import { describe, expect, it } from 'vitest';
import { chunkIntrinsicSize, chunksToRender, listChunks } from './listChunks';

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

describe('chunksToRender', () => {
  it('renders what idle steps have reached of a long list, and a short remainder at once', () => {
    expect(chunksToRender(200, 4)).toBe(4);
    expect(chunksToRender(200, 184)).toBe(184);
    expect(chunksToRender(200, 198)).toBe(200);
    expect(chunksToRender(5, 4)).toBe(5);
    expect(chunksToRender(3, 4)).toBe(3);
    // Complete, then a note added: listed at once.
    expect(chunksToRender(201, 204)).toBe(201);
  });
});
